package org.ecobugs.rules.checks;

import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE_AND_BYTECODE;

import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SelectStarRuleTest {

    private final RuleVerifier verifier = RuleVerifier.rule("EB604");

    @Test
    void sourceAndBytecodeTogether() {
        verifier.verify("eb604/SelectStar.java", SOURCE_AND_BYTECODE);
    }

    @Test
    void sourceAlone() {
        verifier.verify("eb604/SelectStar.java", RuleVerifier.Mode.SOURCE);
    }

    @ParameterizedTest
    @EnumSource
    void eachWalkerAloneFindsTheSameQueries(RuleVerifier.Mode mode) {
        verifier.verify("eb604/SelectStarCompiled.java", mode);
    }
}
