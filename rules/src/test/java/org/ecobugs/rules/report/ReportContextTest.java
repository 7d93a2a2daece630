package org.ecobugs.rules.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.ProductInfo;
import org.ecobugs.rules.meta.Family;
import org.ecobugs.rules.meta.RuleCatalog;
import org.ecobugs.rules.meta.RuleMetadata.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportContextTest {

    @TempDir
    Path tempDir;

    @Test
    void showsPathsUnderTheBaseDirectoryRelativeWithForwardSlashes() {
        ReportContext context = new SampleAnalysis(tempDir).context();
        Path base = context.baseDir();

        assertThat(context.displayPath(base.resolve("a/b/C.java"))).isEqualTo("a/b/C.java");
        assertThat(context.displayPath(base.resolve("x/../a/C.java"))).isEqualTo("a/C.java");
        assertThat(context.displayPath(Path.of("org", "x", "C.java"))).isEqualTo("org/x/C.java");
        assertThat(context.displayPath(base.resolveSibling("project-other/C.java")))
                .as("a sibling whose name starts like the base directory is not under it")
                .endsWith("project-other/C.java")
                .isNotEqualTo("C.java");
    }

    @Test
    void shortensTheArchiveOfAnArchiveEntryAndKeepsTheEntry() {
        ReportContext context = new SampleAnalysis(tempDir).context();

        assertThat(context.displayInput(context.baseDir().resolve("lib/a.jar") + "!/p/Q.class"))
                .isEqualTo("lib/a.jar!/p/Q.class");
        assertThat(context.inputFile(context.baseDir().resolve("lib/a.jar") + "!/p/Q.class"))
                .isEmpty();
        assertThat(context.inputFile(context.baseDir().resolve("A.java").toString()))
                .contains(context.baseDir().resolve("A.java"));
    }

    @Test
    void defaultsToTheBuiltInRulesAndThisBuildsVersion() {
        ReportContext context = ReportContext.of(new SampleAnalysis(tempDir).result, tempDir.resolve("a/.."));

        assertThat(context.catalog()).isSameAs(RuleCatalog.builtIn());
        assertThat(context.toolVersion()).isEqualTo(ProductInfo.version()).isNotBlank();
        assertThat(context.baseDir()).isEqualTo(tempDir.toAbsolutePath().normalize());
    }

    @Test
    void rejectsAResultOfRulesTheCatalogueDoesNotHold() {
        AnalysisResult result = new AnalysisResult(
                List.of(new Finding("EB999", Path.of("A.java"), 1, 0, 0, 0, "m", Finding.Origin.SOURCE)),
                List.of(),
                List.of(),
                1,
                0,
                new AnalysisResult.Timings(Duration.ZERO, List.of(), Map.of()));

        assertThatThrownBy(() -> new ReportContext(result, RuleCatalog.builtIn(), tempDir, "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EB999");
    }

    @Test
    void summarisesByRuleFamilyAndSeverity() {
        ReportSummary summary = ReportSummary.of(new SampleAnalysis(tempDir).context());

        assertThat(summary.findings()).isEqualTo(4);
        assertThat(summary.files()).isEqualTo(4);
        assertThat(summary.processingErrors()).isEqualTo(2);
        assertThat(summary.byRule())
                .containsExactly(Map.entry("EB101", 1), Map.entry("EB102", 1), Map.entry("EB604", 2));
        assertThat(summary.byFamily()).containsExactly(Map.entry(Family.POLLING, 2), Map.entry(Family.DATA_ACCESS, 2));
        assertThat(summary.bySeverity()).containsExactly(Map.entry(Severity.MAJOR, 2), Map.entry(Severity.MINOR, 2));
    }

    @Test
    void reportsRulesThatRanAndRulesThatFound() {
        assertThat(new SampleAnalysis(tempDir).context().reportedRules())
                .containsExactly("EB101", "EB102", "EB201", "EB604");
    }

    @Test
    void writesEachFormatToAFileInUtf8() throws Exception {
        ReportContext context = new SampleAnalysis(tempDir).context();
        for (ReportFormat format : ReportFormat.values()) {
            Path file = tempDir.resolve("out/nested/report." + format.extension());
            Reports.write(format, context, file);
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("EB604");
        }
        assertThat(Reports.writer(ReportFormat.TEXT)).isInstanceOf(TextReport.class);
        assertThat(Reports.writer(ReportFormat.JSON)).isInstanceOf(JsonReport.class);
        assertThat(Reports.writer(ReportFormat.SARIF)).isInstanceOf(SarifReport.class);
        assertThat(Reports.writer(ReportFormat.HTML)).isInstanceOf(HtmlReport.class);
    }
}
