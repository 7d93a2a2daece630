package org.ecobugs.rules.checks;

import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;

class DbCallInLoopRuleTest {

    @Test
    void sources() {
        RuleVerifier.rule("EB601").verify("eb601/DbCallInLoop.java", RuleVerifier.Mode.SOURCE);
    }

    @Test
    void throughTheProjectsClasses() {
        RuleVerifier.rule("EB601")
                .withParameter("followProjectCalls", "true")
                .verify("eb601/project", RuleVerifier.Mode.SOURCE);
    }
}
