package org.ecobugs.rules.checks;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE;
import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE_AND_BYTECODE;

import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;

class SleepPollLoopRuleTest {

    @Test
    void reportsShortPollingIntervals() {
        RuleVerifier.rule("EB102").verify("eb102/SleepPollLoop.java", SOURCE);
    }

    @Test
    void classesAddNothingToASourceOnlyRule() {
        RuleVerifier.rule("EB102").verify("eb102/SleepPollLoop.java", SOURCE_AND_BYTECODE);
    }

    @Test
    void aLowerThresholdSilencesTheLongerIntervals() {
        // With 50 ms, only the 10 ms and 20 ms loops remain; the markers then disagree on the others.
        assertThatThrownBy(() -> RuleVerifier.rule("EB102")
                        .withParameter("maxPollIntervalMs", "50")
                        .verify("eb102/SleepPollLoop.java", SOURCE))
                .hasMessageContaining("expected 1 finding(s), found 0");
    }

    @Test
    void throughTheProjectsClassesOrCodeItCannotSee() {
        RuleVerifier.rule("EB102").verify("eb102/project", RuleVerifier.Mode.SOURCE);
    }

    @Test
    void sleepsThatSpringInjectsFromTheConfigurationOrItsDefaults() {
        RuleVerifier.rule("EB102").verify("eb102/settings", RuleVerifier.Mode.SOURCE);
    }
}
