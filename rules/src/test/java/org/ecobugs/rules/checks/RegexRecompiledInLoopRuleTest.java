package org.ecobugs.rules.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE;
import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE_AND_BYTECODE;

import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegexRecompiledInLoopRuleTest {

    private final RuleVerifier verifier = RuleVerifier.rule("EB304");

    @Test
    void sourceAndBytecodeTogether() {
        verifier.verify("eb304/RegexRecompiledInLoop.java", SOURCE_AND_BYTECODE);
    }

    @Test
    void sourceAlone() {
        verifier.verify("eb304/RegexRecompiledInLoop.java", SOURCE);
    }

    @ParameterizedTest
    @EnumSource
    void eachWalkerAloneFindsTheSameCalls(RuleVerifier.Mode mode) {
        verifier.verify("eb304/RegexRecompiledInLoopCompiled.java", mode);
    }

    @ParameterizedTest
    @ValueSource(strings = {",", ";", "\r", "\t", " ", "&", "~", "\\|", "\\^", "\\.", "\\$", "\\\\", "\\[", "é"})
    void splitFastPathSeparatorsCompileNothing(String separator) {
        assertThat(RegexRecompiledInLoopRule.isSplitFastPath(separator)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {".", "|", "^", "$", "*", "+", "?", "(", "[", "{", "\\", "\\d", "\\s", "\\1", ",;", "[|^]", ""})
    void otherSeparatorsCompileAPattern(String separator) {
        assertThat(RegexRecompiledInLoopRule.isSplitFastPath(separator)).isFalse();
    }
}
