package org.ecobugs.rules.checks;

import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE;
import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE_AND_BYTECODE;

import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LegacySynchronizedCollectionRuleTest {

    private final RuleVerifier verifier = RuleVerifier.rule("EB308");

    @Test
    void sourceAndBytecodeTogether() {
        verifier.verify("eb308/LegacySynchronizedCollection.java", SOURCE_AND_BYTECODE);
    }

    @Test
    void sourceAlone() {
        verifier.verify("eb308/LegacySynchronizedCollection.java", SOURCE);
    }

    @ParameterizedTest
    @EnumSource
    void eachWalkerAloneFindsTheSameCollections(RuleVerifier.Mode mode) {
        verifier.verify("eb308/LegacySynchronizedCollectionCompiled.java", mode);
    }

    @ParameterizedTest
    @EnumSource
    void userInterfaceClassesAreLeftOut(RuleVerifier.Mode mode) {
        verifier.verify("eb308/LegacySynchronizedCollectionInViews.java", mode);
    }

    @ParameterizedTest
    @EnumSource
    void debuggingToolsAreLeftOut(RuleVerifier.Mode mode) {
        verifier.verify("eb308/debugger/ScriptDebugger.java", mode);
    }
}
