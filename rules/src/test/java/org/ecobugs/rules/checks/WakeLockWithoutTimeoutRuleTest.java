package org.ecobugs.rules.checks;

import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE;
import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE_AND_BYTECODE;

import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WakeLockWithoutTimeoutRuleTest {

    private final RuleVerifier verifier = RuleVerifier.rule("EB505");

    @Test
    void sourceAndBytecodeTogether() {
        verifier.verify("eb505/WakeLockWithoutTimeout.java", SOURCE_AND_BYTECODE);
    }

    @Test
    void sourceAlone() {
        verifier.verify("eb505/WakeLockWithoutTimeout.java", SOURCE);
    }

    @ParameterizedTest
    @EnumSource
    void eachWalkerAloneFindsTheSameAcquisitions(RuleVerifier.Mode mode) {
        verifier.verify("eb505/WakeLockWithoutTimeoutCompiled.java", mode);
    }

    @ParameterizedTest
    @EnumSource
    void locksReleasedAtTeardownAreLeftOut(RuleVerifier.Mode mode) {
        verifier.verify("eb505/WakeLockReleasedAtTeardown.java", mode);
    }
}
