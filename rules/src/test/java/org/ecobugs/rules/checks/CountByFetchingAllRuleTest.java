package org.ecobugs.rules.checks;

import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;

class CountByFetchingAllRuleTest {

    @Test
    void sources() {
        RuleVerifier.rule("EB606").verify("eb606/CountByFetchingAll.java", RuleVerifier.Mode.SOURCE);
    }

    @Test
    void throughTheProjectsServicesAndDaos() {
        RuleVerifier.rule("EB606").verify("eb606/project", RuleVerifier.Mode.SOURCE);
    }
}
