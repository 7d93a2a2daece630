package org.ecobugs.rules.checks;

import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE;
import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE_AND_BYTECODE;

import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HeavyweightObjectPerCallRuleTest {

    private final RuleVerifier verifier = RuleVerifier.rule("EB503");

    @Test
    void sourceAndBytecodeTogether() {
        verifier.verify("eb503/HeavyweightObjectPerCall.java", SOURCE_AND_BYTECODE);
    }

    @Test
    void sourceAlone() {
        verifier.verify("eb503/HeavyweightObjectPerCall.java", SOURCE);
    }

    @Test
    void handedToAHelperThatDropsIt() {
        verifier.verify("eb503/project", SOURCE);
    }

    @ParameterizedTest
    @EnumSource
    void eachWalkerAloneFindsTheSameObjects(RuleVerifier.Mode mode) {
        verifier.verify("eb503/HeavyweightObjectPerCallCompiled.java", mode);
    }
}
