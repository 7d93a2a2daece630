package org.ecobugs.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.ecobugs.rules.Analysis;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.ProductInfo;
import org.ecobugs.rules.meta.RuleCatalog;
import org.ecobugs.rules.report.ReportContext;
import org.ecobugs.rules.report.ReportFormat;
import org.ecobugs.rules.report.Reports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceSuppressionsTest {

    private static final String SPIN = "        while (!ready) {\n            Thread.onSpinWait();\n        }\n";

    @TempDir
    Path dir;

    @Test
    void annotationsAndCommentsSuppressWhatTheyNameWithTheirReason() throws IOException {
        Path source = Files.writeString(
                dir.resolve("Handover.java"),
                "package lab;\n"
                        + "class Handover {\n"
                        + "    private volatile boolean ready;\n"
                        + "    @SuppressWarnings(\"ecobugs:EB101\")\n"
                        + "    void annotated() {\n" + SPIN + "    }\n"
                        + "    @SuppressWarnings({\"unchecked\", \"ecobugs\"})\n"
                        + "    void everyRule() {\n" + SPIN + "    }\n"
                        + "    void commentAbove() {\n"
                        + "        // ecobugs:ignore EB101 the analyser hands over within microseconds\n" + SPIN
                        + "    }\n"
                        + "    void commentOnTheLine() {\n"
                        + "        while (!ready) { // ecobugs:ignore EB205, EB101: measured, one core is ours\n"
                        + "            Thread.onSpinWait();\n        }\n    }\n"
                        + "    @SuppressWarnings(\"ecobugs:EB102\")\n"
                        + "    void anotherRule() {\n" + SPIN + "    }\n"
                        + "    void commentTooFarAbove() {\n"
                        + "        // ecobugs:ignore EB101\n\n" + SPIN + "    }\n"
                        + "    void plain() {\n" + SPIN + "    }\n"
                        + "}\n");
        AnalysisResult result = Analysis.run(AnalysisRequest.builder()
                .addSourceRoot(dir)
                .includeRules(Set.of("EB101"))
                .threads(1)
                .build());

        assertThat(result.findings()).extracting(Finding::line).containsExactly(29, 36, 41);
        Map<Integer, String> suppressed = result.suppressed().stream()
                .collect(Collectors.toMap(
                        Finding::line, f -> result.suppression(f).justification()));
        assertThat(suppressed)
                .containsOnly(
                        Map.entry(6, "@SuppressWarnings(\"ecobugs:EB101\") on annotated"),
                        Map.entry(12, "@SuppressWarnings(\"ecobugs\") on everyRule"),
                        Map.entry(18, "ecobugs:ignore comment: the analyser hands over within microseconds"),
                        Map.entry(23, "ecobugs:ignore comment: measured, one core is ours"));
        assertThat(result.suppressed()).allMatch(f -> f.file().equals(source));
    }

    @Test
    void suppressionsThatMatchNoFindingAreListedWhenAsked() throws IOException {
        Files.writeString(
                dir.resolve("Handover.java"),
                "package lab;\nclass Handover {\n    private volatile boolean ready;\n"
                        + "    void spin() {\n        // ecobugs:ignore EB101 still spinning\n" + SPIN + "    }\n"
                        + "    @SuppressWarnings(\"ecobugs:EB101\")\n    void fixed() throws Exception {\n"
                        + "        ready = true;\n    }\n"
                        + "    // ecobugs:ignore EB604 a rule that did not run is not judged\n"
                        + "    void other() {}\n}\n");
        AnalysisRequest.Builder request = AnalysisRequest.builder()
                .addSourceRoot(dir)
                .includeRules(Set.of("EB101"))
                .threads(1);

        assertThat(Analysis.run(request.build()).unusedSuppressions()).isEmpty();
        AnalysisResult result =
                Analysis.run(request.reportUnusedSuppressions(true).build());
        assertThat(result.suppressed()).hasSize(1);
        assertThat(result.unusedSuppressions()).singleElement().satisfies(unused -> {
            assertThat(unused.line()).isEqualTo(10);
            assertThat(unused.suppression()).isEqualTo("@SuppressWarnings(\"ecobugs:EB101\") on fixed");
        });
    }

    @Test
    void reportsListSuppressedFindingsWithTheirJustification() throws IOException {
        Files.writeString(
                dir.resolve("Handover.java"),
                "package lab;\nclass Handover {\n    private volatile boolean ready;\n"
                        + "    void spin() {\n        // ecobugs:ignore EB101 hand-over within microseconds\n" + SPIN
                        + "    }\n}\n");
        Path config = Files.writeString(
                dir.resolve("application.properties"),
                "# ecobugs:ignore EB203 the gateway in front compresses\nserver.compression.enabled=false\n");
        AnalysisResult result = Analysis.run(AnalysisRequest.builder()
                .addSourceRoot(dir)
                .addResourceRoot(config)
                .includeRules(Set.of("EB101", "EB203"))
                .threads(1)
                .build());
        assertThat(result.findings()).isEmpty();
        assertThat(result.suppressed()).extracting(Finding::ruleKey).containsExactlyInAnyOrder("EB101", "EB203");

        ReportContext context = new ReportContext(result, RuleCatalog.builtIn(), dir, ProductInfo.version());
        StringWriter sarif = new StringWriter();
        Reports.writer(ReportFormat.SARIF).write(context, sarif);
        assertThat(sarif.toString())
                .contains("\"kind\":\"inSource\"")
                .contains("\"justification\":\"ecobugs:ignore comment: hand-over within microseconds\"");
        StringWriter json = new StringWriter();
        Reports.writer(ReportFormat.JSON).write(context, json);
        assertThat(json.toString())
                .contains("\"justification\":\"ecobugs:ignore comment: the gateway in front compresses\"");
        StringWriter text = new StringWriter();
        Reports.writer(ReportFormat.TEXT).write(context, text);
        assertThat(text.toString())
                .contains("Handover.java:6:16: note: [EB101] suppressed (ecobugs:ignore comment: hand-over within"
                        + " microseconds): ");
    }
}
