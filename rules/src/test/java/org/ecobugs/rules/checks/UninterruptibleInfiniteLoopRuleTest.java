package org.ecobugs.rules.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE;
import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE_AND_BYTECODE;

import java.util.Set;
import org.ecobugs.rules.Analysis;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.testing.Fixtures;
import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UninterruptibleInfiniteLoopRuleTest {

    private final RuleVerifier verifier = RuleVerifier.rule("EB303");

    @Test
    void sourceAndBytecodeTogether() {
        verifier.verify("eb303/UninterruptibleInfiniteLoop.java", SOURCE_AND_BYTECODE);
    }

    @Test
    void sourceAlone() {
        verifier.verify("eb303/UninterruptibleInfiniteLoop.java", SOURCE);
    }

    @ParameterizedTest
    @EnumSource
    void eachWalkerAloneFindsTheSameLoops(RuleVerifier.Mode mode) {
        verifier.verify("eb303/UninterruptibleInfiniteLoopCompiled.java", mode);
    }

    @Test
    void retryLoopsAreLeftToEb302() {
        AnalysisResult result = Analysis.run(AnalysisRequest.builder()
                .addSourceRoot(Fixtures.source("eb302/UnboundedRetry.java"))
                .addClassInputs(Fixtures.classes("eb302/UnboundedRetry.java"))
                .includeRules(Set.of("EB303"))
                .build());
        assertThat(result.errors()).isEmpty();
        assertThat(result.findings()).isEmpty();
    }
}
