package org.ecobugs.rules.checks;

import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE;
import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE_AND_BYTECODE;

import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BoxedAccumulatorInLoopRuleTest {

    private final RuleVerifier verifier = RuleVerifier.rule("EB309");

    @Test
    void sourceAndBytecodeTogether() {
        verifier.verify("eb309/BoxedAccumulatorInLoop.java", SOURCE_AND_BYTECODE);
    }

    @Test
    void sourceAlone() {
        verifier.verify("eb309/BoxedAccumulatorInLoop.java", SOURCE);
    }

    @ParameterizedTest
    @EnumSource
    void eachWalkerAloneFindsTheSameAccumulators(RuleVerifier.Mode mode) {
        verifier.verify("eb309/BoxedAccumulatorInLoopCompiled.java", mode);
    }

    @ParameterizedTest
    @EnumSource
    void userInterfaceCodeIsLeftOut(RuleVerifier.Mode mode) {
        verifier.verify("eb309/BoxedAccumulatorInViews.java", mode);
    }
}
