package org.ecobugs.rules.checks;

import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE;
import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE_AND_BYTECODE;

import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;

class PollInsteadOfPushRuleTest {

    @Test
    void reportsTheFixturesMarkedCases() {
        RuleVerifier.rule("EB104").verify("eb104/PollInsteadOfPush.java", SOURCE);
    }

    @Test
    void classesAddNothingToASourceOnlyRule() {
        RuleVerifier.rule("EB104").verify("eb104/PollInsteadOfPush.java", SOURCE_AND_BYTECODE);
    }

    @Test
    void throughTheProjectsClasses() {
        RuleVerifier.rule("EB104").verify("eb104/project", RuleVerifier.Mode.SOURCE);
    }

    @Test
    void periodsThatTheConfigurationFilesDecide() {
        RuleVerifier.rule("EB104").verify("eb104/settings", RuleVerifier.Mode.SOURCE);
    }
}
