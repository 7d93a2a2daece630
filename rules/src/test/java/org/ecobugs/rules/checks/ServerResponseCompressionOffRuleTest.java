package org.ecobugs.rules.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.ecobugs.rules.Analysis;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.testing.Fixtures;
import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;

class ServerResponseCompressionOffRuleTest {

    @Test
    void configurationFiles() {
        RuleVerifier.rule("EB203").verify("eb203", RuleVerifier.Mode.SOURCE);
    }

    @Test
    void compressionDoneElsewhereSilencesTheSwitchedOffAndNeverOnCases() {
        AnalysisResult result = Analysis.run(AnalysisRequest.builder()
                .addResourceRoot(Fixtures.source("eb203"))
                .includeRules(Set.of("EB203"))
                .ruleParameter("EB203", ServerResponseCompressionOffRule.PARAM_COMPRESSED_ELSEWHERE, "true")
                .build());
        assertThat(result.findings())
                .singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo(ServerResponseCompressionOffRule.NO_JSON));
    }
}
