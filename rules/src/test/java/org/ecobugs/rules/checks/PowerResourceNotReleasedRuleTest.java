package org.ecobugs.rules.checks;

import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE;
import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE_AND_BYTECODE;

import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PowerResourceNotReleasedRuleTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "eb504/PowerResourceNotReleased.java",
                "eb504/LocationAndSensorsNotReleased.java",
                "eb504/LocationAndSensorsReleased.java"
            })
    void reportsWakeLocksLocationUpdatesAndSensorsThatAreNotReleased(String fixture) {
        RuleVerifier.rule("EB504").verify(fixture, SOURCE);
        RuleVerifier.rule("EB504").verify(fixture, SOURCE_AND_BYTECODE);
    }
}
