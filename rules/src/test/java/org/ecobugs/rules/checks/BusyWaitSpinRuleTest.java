package org.ecobugs.rules.checks;

import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE;
import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE_AND_BYTECODE;

import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BusyWaitSpinRuleTest {

    private final RuleVerifier verifier = RuleVerifier.rule("EB101");

    @Test
    void sourceAndBytecodeTogether() {
        verifier.verify("eb101/BusyWaitSpin.java", SOURCE_AND_BYTECODE);
    }

    @Test
    void sourceAlone() {
        verifier.verify("eb101/BusyWaitSpin.java", SOURCE);
    }

    @ParameterizedTest
    @EnumSource
    void eachWalkerAloneFindsTheSameSpins(RuleVerifier.Mode mode) {
        verifier.verify("eb101/BusyWaitSpinCompiled.java", mode);
    }
}
