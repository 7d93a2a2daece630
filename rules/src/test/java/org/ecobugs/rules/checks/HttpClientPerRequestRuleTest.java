package org.ecobugs.rules.checks;

import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE;
import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE_AND_BYTECODE;

import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HttpClientPerRequestRuleTest {

    private final RuleVerifier verifier = RuleVerifier.rule("EB501");

    @Test
    void sourceAndBytecodeTogether() {
        verifier.verify("eb501/HttpClientPerRequest.java", SOURCE_AND_BYTECODE);
    }

    @Test
    void sourceAlone() {
        verifier.verify("eb501/HttpClientPerRequest.java", SOURCE);
    }

    @Test
    void builtByAHelperOfTheProject() {
        verifier.verify("eb501/project", SOURCE);
    }

    @ParameterizedTest
    @EnumSource
    void eachWalkerAloneFindsTheSameClients(RuleVerifier.Mode mode) {
        verifier.verify("eb501/HttpClientPerRequestCompiled.java", mode);
    }
}
