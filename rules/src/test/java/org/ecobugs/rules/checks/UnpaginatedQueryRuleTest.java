package org.ecobugs.rules.checks;

import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;

class UnpaginatedQueryRuleTest {

    @Test
    void sources() {
        RuleVerifier.rule("EB605").verify("eb605/UnpaginatedQuery.java", RuleVerifier.Mode.SOURCE);
    }

    @Test
    void throughTheProjectsServices() {
        RuleVerifier.rule("EB605").verify("eb605/project", RuleVerifier.Mode.SOURCE);
    }

    @Test
    void wholeTableResponses() {
        RuleVerifier.rule("EB605")
                .withParameter(UnpaginatedQueryRule.PARAM_WHOLE_TABLE_RESPONSES, "true")
                .verify("eb605/UnpaginatedQueryResponses.java", RuleVerifier.Mode.SOURCE);
    }
}
