package org.ecobugs.rules.checks;

import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE;
import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE_AND_BYTECODE;

import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;

class FhirPollInsteadOfSubscriptionRuleTest {

    @Test
    void reportsTheFixturesMarkedCases() {
        RuleVerifier.rule("EB105").verify("eb105/FhirPollInsteadOfSubscription.java", SOURCE);
    }

    @Test
    void classesAddNothingToASourceRule() {
        RuleVerifier.rule("EB105").verify("eb105/FhirPollInsteadOfSubscription.java", SOURCE_AND_BYTECODE);
    }

    @Test
    void throughTheProjectsClasses() {
        RuleVerifier.rule("EB105").verify("eb105/project", RuleVerifier.Mode.SOURCE);
    }
}
