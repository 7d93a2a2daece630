package org.ecobugs.rules.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecobugs.rules.ProductInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportTest {

    @TempDir
    Path tempDir;

    private String text;
    private JsonNode report;

    @BeforeEach
    void render() throws IOException {
        StringWriter out = new StringWriter();
        new JsonReport().write(new SampleAnalysis(tempDir).context(), out);
        text = out.toString();
        report = new ObjectMapper().readTree(text);
    }

    @Test
    void namesTheSchemaAndTheTool() {
        assertThat(fieldNames(report))
                .containsExactly(
                        "schemaVersion",
                        "tool",
                        "configurationFile",
                        "summary",
                        "findings",
                        "processingErrors",
                        "timings",
                        "suppressed",
                        "unusedSuppressions",
                        "baseline",
                        "runtime");
        assertThat(report.get("schemaVersion").intValue()).isEqualTo(1);
        assertThat(report.get("runtime").isNull())
                .as("without a measured journey")
                .isTrue();
        assertThat(report.at("/tool/name").textValue()).isEqualTo("ecobugs");
        assertThat(report.at("/tool/version").textValue()).isEqualTo(SampleAnalysis.VERSION);
        assertThat(report.get("configurationFile").isNull()).isTrue();
    }

    @Test
    void namesTheConfigurationFileAndShowsTheSeveritiesItSets() throws IOException {
        ReportContext context = new SampleAnalysis(tempDir).configured("rules:\n  EB101:\n    severity: BLOCKER\n");
        StringWriter out = new StringWriter();
        new JsonReport().write(context, out);
        JsonNode configured = new ObjectMapper().readTree(out.toString());

        assertThat(configured.get("configurationFile").textValue()).isEqualTo("ecobugs.yml");
        List<String> severities = new ArrayList<>();
        configured
                .get("findings")
                .forEach(f -> severities.add(
                        f.get("rule").textValue() + " " + f.get("severity").textValue()));
        assertThat(severities).contains("EB101 BLOCKER");
        assertThat(report.at("/findings/0/rule").textValue()).isEqualTo("EB101");
        assertThat(report.at("/findings/0/severity").textValue()).isNotEqualTo("BLOCKER");
    }

    @Test
    void summarisesTheCounts() {
        JsonNode summary = report.get("summary");
        assertThat(fieldNames(summary))
                .containsExactly(
                        "findings",
                        "files",
                        "processingErrors",
                        "sourceFiles",
                        "classFiles",
                        "byRule",
                        "durationMs",
                        "suppressed");
        assertThat(summary.get("findings").intValue()).isEqualTo(4);
        assertThat(summary.get("files").intValue()).isEqualTo(4);
        assertThat(summary.get("processingErrors").intValue()).isEqualTo(2);
        assertThat(summary.get("sourceFiles").intValue()).isEqualTo(12);
        assertThat(summary.get("classFiles").intValue()).isEqualTo(30);
        assertThat(summary.get("byRule").toString()).isEqualTo("{\"EB101\":1,\"EB102\":1,\"EB604\":2}");
        assertThat(summary.get("durationMs").longValue()).isEqualTo(812);
    }

    @Test
    void listsTheSecondaryLocationsOfAFinding() throws IOException {
        StringWriter out = new StringWriter();
        new JsonReport().write(SampleAnalysis.withSecondaryLocations(tempDir), out);
        JsonNode secondaries = new ObjectMapper().readTree(out.toString()).at("/findings/0/secondaryLocations");

        assertThat(secondaries.toString())
                .isEqualTo("[{\"file\":\"src/main/java/org/x/Orders.java\",\"line\":12,\"column\":29,\"endLine\":12,"
                        + "\"endColumn\":34,\"message\":\"the loop that runs it once per element\"},"
                        + "{\"file\":\"src/main/java/org/x/Client.java\",\"line\":7,\"column\":null,\"endLine\":null,"
                        + "\"endColumn\":null,\"message\":\"the <b>request</b> load() makes\"}]");
    }

    @Test
    void describesAFindingWithItsWholeRegion() {
        JsonNode finding = report.at("/findings/0");
        assertThat(fieldNames(finding))
                .containsExactly(
                        "rule",
                        "title",
                        "severity",
                        "file",
                        "line",
                        "column",
                        "endLine",
                        "endColumn",
                        "message",
                        "rgesn",
                        "docUrl",
                        "origin",
                        "secondaryLocations");
        assertThat(finding.get("secondaryLocations").isEmpty()).isTrue();
        assertThat(finding.get("rule").textValue()).isEqualTo("EB101");
        assertThat(finding.get("title").textValue())
                .isEqualTo("Waiting should block on the event, not spin on a condition");
        assertThat(finding.get("severity").textValue()).isEqualTo("MAJOR");
        assertThat(finding.get("file").textValue()).isEqualTo("src/main/java/org/x/Poller.java");
        assertThat(finding.get("line").intValue()).isEqualTo(12);
        assertThat(finding.get("column").intValue()).isEqualTo(9);
        assertThat(finding.get("endLine").intValue()).isEqualTo(14);
        assertThat(finding.get("endColumn").intValue()).isEqualTo(9);
        assertThat(finding.get("message").textValue()).isEqualTo("Block on a latch instead of spinning.");
        assertThat(finding.get("rgesn").toString()).isEqualTo("[\"RGESN-2024:2.6\",\"RGESN-2024:3.2\"]");
        assertThat(finding.get("docUrl").textValue()).isEqualTo(ProductInfo.ruleDocUrl("EB101"));
        assertThat(finding.get("origin").textValue()).isEqualTo("SOURCE");
    }

    @Test
    void writesUnknownPositionsAsNull() {
        JsonNode classOnly = report.at("/findings/2");
        assertThat(classOnly.get("file").textValue()).isEqualTo("org/x/Compiled.java");
        assertThat(classOnly.get("line").intValue()).isEqualTo(30);
        assertThat(classOnly.get("column").isNull()).isTrue();
        assertThat(classOnly.get("endLine").isNull()).isTrue();
        assertThat(classOnly.get("endColumn").isNull()).isTrue();
        assertThat(classOnly.get("origin").textValue()).isEqualTo("BYTECODE");
        assertThat(classOnly.get("severity").textValue()).isEqualTo("MAJOR");
    }

    @Test
    void keepsMessagesAndPathsVerbatim() {
        JsonNode dao = report.at("/findings/1");
        assertThat(dao.get("file").textValue()).isEqualTo("src/main/java/org/x/My Dao.java");
        assertThat(dao.get("message").textValue()).isEqualTo(SampleAnalysis.MARKUP_MESSAGE);
        assertThat(dao.get("severity").textValue()).isEqualTo("MINOR");
        assertThat(dao.get("endColumn").intValue()).isEqualTo(45);
    }

    @Test
    void listsProcessingErrorsWithANullRuleWhenTheInputIsAtFault() {
        JsonNode unparsable = report.at("/processingErrors/0");
        assertThat(fieldNames(unparsable)).containsExactly("input", "rule", "kind", "message");
        assertThat(unparsable.get("input").textValue()).isEqualTo("src/main/java/org/x/Broken.java");
        assertThat(unparsable.get("rule").isNull()).isTrue();
        assertThat(unparsable.get("kind").textValue()).isEqualTo("UNPARSABLE_SOURCE");
        assertThat(unparsable.get("message").textValue()).isEqualTo("Cannot parse: Parse error at line 3");

        JsonNode ruleFailure = report.at("/processingErrors/1");
        assertThat(ruleFailure.get("input").textValue()).isEqualTo("lib/app.jar!/org/x/Weird.class");
        assertThat(ruleFailure.get("rule").textValue()).isEqualTo("EB101");
        assertThat(ruleFailure.get("kind").textValue()).isEqualTo("RULE_FAILURE");
    }

    @Test
    void reportsTimingsInMillisecondsPhasesInRunOrder() {
        assertThat(report.at("/timings/phasesMs").toString())
                .isEqualTo("{\"collect inputs\":12,\"analyse sources\":600,"
                        + "\"prescreen source text, no rule could match 7 of 12 files (summed over threads)\":48,"
                        + "\"analyse classes\":190}");
        assertThat(report.at("/timings/rulesMs").toString()).isEqualTo("{\"EB101\":120,\"EB604\":35}");
    }

    @Test
    void reportsEachPhaseWithItsKindAndCountsBesideItsLabel() {
        JsonNode phases = report.at("/timings/phases");
        assertThat(phases)
                .extracting(p -> p.get("kind").textValue())
                .containsExactly("COLLECT_INPUTS", "ANALYSE_SOURCES", "PRESCREEN_SOURCE_TEXT", "ANALYSE_CLASSES");
        assertThat(phases)
                .extracting(p -> p.get("label").textValue())
                .containsExactlyElementsOf(() -> report.at("/timings/phasesMs").fieldNames());
        assertThat(phases.get(0).toString())
                .isEqualTo("{\"kind\":\"COLLECT_INPUTS\",\"label\":\"collect inputs\",\"ms\":12,"
                        + "\"summedOverThreads\":false,\"counts\":{}}");
        JsonNode prescreen = phases.get(2);
        assertThat(prescreen.get("ms").longValue()).isEqualTo(48);
        assertThat(prescreen.get("summedOverThreads").booleanValue()).isTrue();
        assertThat(prescreen.get("counts").toString()).isEqualTo("{\"unparsedFiles\":7,\"files\":12}");
    }

    @Test
    void isCompactOnOneLine() {
        assertThat(text).startsWith("{\"schemaVersion\":1,\"tool\":{\"name\":\"ecobugs\",");
        assertThat(text).endsWith("}\n").doesNotContain("\r");
        assertThat(text.lines()).hasSize(1);
    }

    @Test
    void keepsEveryTopLevelFieldWhenThereIsNothingToReport() throws IOException {
        StringWriter out = new StringWriter();
        new JsonReport().write(SampleAnalysis.empty(tempDir), out);

        assertThat(out.toString()).contains("\"findings\":[]", "\"processingErrors\":[]", "\"byRule\":{}");
        JsonNode empty = new ObjectMapper().readTree(out.toString());
        assertThat(fieldNames(empty))
                .containsExactly(
                        "schemaVersion",
                        "tool",
                        "configurationFile",
                        "summary",
                        "findings",
                        "processingErrors",
                        "timings",
                        "suppressed",
                        "unusedSuppressions",
                        "baseline",
                        "runtime");
        assertThat(empty.at("/summary/findings").intValue()).isZero();
        assertThat(empty.at("/summary/files").intValue()).isZero();
        assertThat(empty.at("/summary/sourceFiles").intValue()).isEqualTo(1);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
