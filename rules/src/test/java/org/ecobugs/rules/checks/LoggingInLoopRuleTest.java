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

class LoggingInLoopRuleTest {

    @Test
    void reportsALogLinePerElement() {
        RuleVerifier.rule("EB311").verify("eb311/LoggingInLoop.java", SOURCE);
    }

    @Test
    void classesAddNothingToASourceOnlyRule() {
        RuleVerifier.rule("EB311").verify("eb311/LoggingInLoop.java", SOURCE_AND_BYTECODE);
    }

    @Test
    void isOffByDefault() {
        AnalysisResult result = Analysis.run(AnalysisRequest.builder()
                .addSourceRoot(Fixtures.source("eb311/LoggingInLoop.java"))
                .build());
        assertThat(result.rulesRun()).doesNotContain("EB311");
        assertThat(result.findings()).noneMatch(f -> f.ruleKey().equals("EB311"));
    }

    @Test
    void ignoredLoggersAreAParameter() throws java.io.IOException {
        AnalysisResult result = Analysis.run(AnalysisRequest.builder()
                .addSourceRoot(Fixtures.source("eb311/LoggingInLoop.java"))
                .includeRules(Set.of("EB311"))
                .ruleParameter("EB311", LoggingInLoopRule.PARAM_IGNORED_LOGGERS, "LOG|JUL")
                .build());
        assertThat(result.errors()).isEmpty();
        // Now the audit loggers are reported and the others are not.
        java.util.List<String> lines = java.nio.file.Files.readAllLines(Fixtures.source("eb311/LoggingInLoop.java"));
        assertThat(result.findings())
                .map(f -> lines.get(f.line() - 1).strip())
                .containsExactly(
                        "AUDIT.info(\"Patient record {} accessed\", id); // Compliant: audit logger by variable name",
                        "ACCESS.info(\"Patient record {} accessed\", id); // Compliant: audit logger by category");
    }
}
