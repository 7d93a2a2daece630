package org.ecobugs.rules.checks;

import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;

class UnpaginatedQueryRuleTest {

    @Test
    void sources() {
        RuleVerifier.rule("EB605").verify("eb605/UnpaginatedQuery.java", RuleVerifier.Mode.SOURCE);
    }
}
