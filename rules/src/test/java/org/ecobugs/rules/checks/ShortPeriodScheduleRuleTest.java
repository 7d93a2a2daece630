package org.ecobugs.rules.checks;

import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE;
import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE_AND_BYTECODE;

import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;

class ShortPeriodScheduleRuleTest {

    @Test
    void reportsTheFixturesMarkedCases() {
        RuleVerifier.rule("EB103").verify("eb103/ShortPeriodSchedule.java", SOURCE);
    }

    @Test
    void timersTiedToTheScreenAreLeftAlone() {
        RuleVerifier.rule("EB103").verify("eb103/ScreenTimers.java", SOURCE);
    }

    @Test
    void classesAddNothingToASourceOnlyRule() {
        RuleVerifier.rule("EB103").verify("eb103/ShortPeriodSchedule.java", SOURCE_AND_BYTECODE);
    }

    @Test
    void periodsThatOtherClassesOrTheConfigurationFilesDecide() {
        RuleVerifier.rule("EB103").verify("eb103/project", SOURCE);
    }
}
