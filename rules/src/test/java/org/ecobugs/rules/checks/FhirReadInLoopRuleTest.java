package org.ecobugs.rules.checks;

import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;

class FhirReadInLoopRuleTest {

    @Test
    void sources() {
        RuleVerifier.rule("EB209").verify("eb209/FhirReadInLoop.java", RuleVerifier.Mode.SOURCE);
    }

    @Test
    void throughTheProjectsClasses() {
        RuleVerifier.rule("EB209")
                .withParameter("followProjectCalls", "true")
                .verify("eb209/project", RuleVerifier.Mode.SOURCE);
    }
}
