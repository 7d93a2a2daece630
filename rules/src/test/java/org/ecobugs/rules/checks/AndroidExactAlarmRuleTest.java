package org.ecobugs.rules.checks;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE;
import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE_AND_BYTECODE;

import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;

class AndroidExactAlarmRuleTest {

    @Test
    void reportsExactNarrowAndFrequentWakeUpAlarms() {
        RuleVerifier.rule("EB107").verify("eb107/AndroidExactAlarm.java", SOURCE);
    }

    @Test
    void classesAddNothingToASourceOnlyRule() {
        RuleVerifier.rule("EB107").verify("eb107/AndroidExactAlarm.java", SOURCE_AND_BYTECODE);
    }

    @Test
    void aLowerMinimumIntervalSilencesTheLongerRepeats() {
        // With 3 minutes, the 5-minute repeat is no longer reported; its marker then finds nothing.
        assertThatThrownBy(() -> RuleVerifier.rule("EB107")
                        .withParameter("minRepeatIntervalMs", "180000")
                        .verify("eb107/AndroidExactAlarm.java", SOURCE))
                .hasMessageContaining("expected 1 finding(s), found 0");
    }
}
