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

class RetryWithoutBackoffRuleTest {

    @Test
    void reportsBoundedRetriesAtAConstantRate() {
        RuleVerifier.rule("EB301").verify("eb301/RetryWithoutBackoff.java", SOURCE);
    }

    @Test
    void classesAddNothingToASourceOnlyRule() {
        RuleVerifier.rule("EB301").verify("eb301/RetryWithoutBackoff.java", SOURCE_AND_BYTECODE);
    }

    @Test
    void unboundedRetriesAreLeftToEb302() {
        AnalysisResult result = Analysis.run(AnalysisRequest.builder()
                .addSourceRoot(Fixtures.source("eb302/UnboundedRetry.java"))
                .includeRules(Set.of("EB301"))
                .build());
        assertThat(result.errors()).isEmpty();
        assertThat(result.findings()).isEmpty();
    }
}
