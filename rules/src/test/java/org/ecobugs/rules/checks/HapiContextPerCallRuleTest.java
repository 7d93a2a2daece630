package org.ecobugs.rules.checks;

import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE;
import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE_AND_BYTECODE;

import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HapiContextPerCallRuleTest {

    private final RuleVerifier verifier = RuleVerifier.rule("EB502");

    @Test
    void sourceAndBytecodeTogether() {
        verifier.verify("eb502/HapiContextPerCall.java", SOURCE_AND_BYTECODE);
    }

    @Test
    void sourceAlone() {
        verifier.verify("eb502/HapiContextPerCall.java", SOURCE);
    }

    @ParameterizedTest
    @EnumSource
    void eachWalkerAloneFindsTheSameContexts(RuleVerifier.Mode mode) {
        verifier.verify("eb502/HapiContextPerCallCompiled.java", mode);
    }
}
