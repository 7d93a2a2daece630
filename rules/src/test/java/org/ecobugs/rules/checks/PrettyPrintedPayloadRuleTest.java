package org.ecobugs.rules.checks;

import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE_AND_BYTECODE;

import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PrettyPrintedPayloadRuleTest {

    private final RuleVerifier verifier = RuleVerifier.rule("EB201");

    @Test
    void sourceAndBytecodeTogether() {
        verifier.verify("eb201/PrettyPrintedPayload.java", SOURCE_AND_BYTECODE);
    }

    @Test
    void sourceAlone() {
        verifier.verify("eb201/PrettyPrintedPayload.java", RuleVerifier.Mode.SOURCE);
    }

    @Test
    void springBootProperties() {
        verifier.verify("eb201/config", RuleVerifier.Mode.SOURCE);
    }

    @ParameterizedTest
    @EnumSource
    void eachWalkerAloneFindsTheSameSettings(RuleVerifier.Mode mode) {
        verifier.verify("eb201/PrettyPrintedPayloadCompiled.java", mode);
    }

    @Test
    void configurationPropertiesDefaultsAppliedInAnotherClass() {
        verifier.verify("eb201/project", RuleVerifier.Mode.SOURCE);
    }
}
