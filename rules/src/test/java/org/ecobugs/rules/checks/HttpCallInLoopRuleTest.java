package org.ecobugs.rules.checks;

import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;

class HttpCallInLoopRuleTest {

    @Test
    void sources() {
        RuleVerifier.rule("EB208").verify("eb208/HttpCallInLoop.java", RuleVerifier.Mode.SOURCE);
    }

    @Test
    void throughTheProjectsClasses() {
        RuleVerifier.rule("EB208")
                .withParameter("followProjectCalls", "true")
                .verify("eb208/project", RuleVerifier.Mode.SOURCE);
    }
}
