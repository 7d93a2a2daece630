package org.ecobugs.rules.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import org.ecobugs.rules.ProductInfo;
import org.ecobugs.rules.meta.RuleMetadata.Severity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifReportTest {

    @TempDir
    Path tempDir;

    private SampleAnalysis sample;
    private JsonNode sarif;
    private JsonNode run;

    @BeforeEach
    void render() throws IOException {
        sample = new SampleAnalysis(tempDir);
        StringWriter out = new StringWriter();
        new SarifReport().write(sample.context(), out);
        sarif = new ObjectMapper().readTree(out.toString());
        run = sarif.at("/runs/0");
    }

    @Test
    void isOneSarif210Run() {
        assertThat(sarif.get("$schema").textValue()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
        assertThat(sarif.get("version").textValue()).isEqualTo("2.1.0");
        assertThat(sarif.get("runs").size()).isEqualTo(1);
        assertThat(run.at("/tool/driver/name").textValue()).isEqualTo("ecobugs");
        assertThat(run.at("/tool/driver/version").textValue()).isEqualTo(SampleAnalysis.VERSION);
        assertThat(run.at("/tool/driver/informationUri").textValue())
                .isEqualTo(ProductInfo.ruleDocUrl("EB101").replace("EB101.md", ""))
                .startsWith("https://");
    }

    @Test
    void describesTheRulesThatRan() {
        JsonNode rules = run.at("/tool/driver/rules");
        assertThat(rules.findValuesAsText("id")).containsExactly("EB101", "EB102", "EB201", "EB604");

        JsonNode eb101 = rules.get(0);
        assertThat(eb101.get("name").textValue()).isEqualTo("busy-wait-spin");
        assertThat(eb101.at("/shortDescription/text").textValue())
                .isEqualTo("Waiting should block on the event, not spin on a condition");
        assertThat(eb101.at("/fullDescription/text").textValue()).startsWith("A spinning thread keeps a core");
        assertThat(eb101.get("helpUri").textValue()).isEqualTo(ProductInfo.ruleDocUrl("EB101"));
        assertThat(eb101.at("/help/text").textValue()).contains(ProductInfo.ruleDocUrl("EB101"));
        assertThat(eb101.at("/defaultConfiguration/level").textValue()).isEqualTo("warning");
        assertThat(eb101.at("/properties/tags").toString())
                .isEqualTo("[\"eco-design\",\"energy\",\"polling\",\"concurrency\"]");
        assertThat(eb101.at("/properties/rgesn").toString()).isEqualTo("[\"RGESN-2024:2.6\",\"RGESN-2024:3.2\"]");
        assertThat(eb101.at("/properties/problem.severity").textValue()).isEqualTo("warning");
    }

    @Test
    void placesAFindingUnderTheSourceRootWithItsRegion() {
        JsonNode result = run.at("/results/0");
        assertThat(result.get("ruleId").textValue()).isEqualTo("EB101");
        assertThat(result.get("ruleIndex").intValue()).isZero();
        assertThat(result.get("level").textValue()).isEqualTo("warning");
        assertThat(result.at("/message/text").textValue()).isEqualTo("Block on a latch instead of spinning.");
        JsonNode physical = result.at("/locations/0/physicalLocation");
        assertThat(physical.at("/artifactLocation/uri").textValue()).isEqualTo("src/main/java/org/x/Poller.java");
        assertThat(physical.at("/artifactLocation/uriBaseId").textValue()).isEqualTo("%SRCROOT%");
        assertThat(physical.get("region").toString())
                .as("the inclusive end column 9 becomes SARIF's exclusive 10")
                .isEqualTo("{\"startLine\":12,\"startColumn\":9,\"endLine\":14,\"endColumn\":10}");
    }

    @Test
    void percentEncodesSpacesAndKeepsTheMessageText() {
        JsonNode result = run.at("/results/1");
        assertThat(result.get("ruleIndex").intValue()).isEqualTo(3);
        assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri")
                        .textValue())
                .isEqualTo("src/main/java/org/x/My%20Dao.java");
        assertThat(result.at("/message/text").textValue()).isEqualTo(SampleAnalysis.MARKUP_MESSAGE);
    }

    @Test
    void writesOnlyTheKnownPartsOfARegion() {
        JsonNode classOnly = run.at("/results/2/locations/0/physicalLocation");
        assertThat(classOnly.get("region").toString()).isEqualTo("{\"startLine\":30}");
        assertThat(classOnly.get("artifactLocation").toString())
                .as("a package path is relative to an unknown source root, not to the base directory")
                .isEqualTo("{\"uri\":\"org/x/Compiled.java\"}");

        JsonNode outside = run.at("/results/3/locations/0/physicalLocation");
        assertThat(outside.get("region").toString()).isEqualTo("{\"startLine\":3,\"startColumn\":5}");
        assertThat(outside.at("/artifactLocation/uri").textValue())
                .isEqualTo(sample.outside.toUri().toString());
        assertThat(outside.at("/artifactLocation/uriBaseId").isMissingNode()).isTrue();
    }

    @Test
    void definesTheSourceRootAsTheBaseDirectory() {
        String root = run.at("/originalUriBaseIds/%SRCROOT%/uri").textValue();
        assertThat(root).startsWith("file:/").endsWith("/project/");
        assertThat(Path.of(URI.create(root))).isEqualTo(sample.baseDir);
        assertThat(URI.create(root).resolve("src/main/java/org/x/My%20Dao.java"))
                .isEqualTo(sample.daoWithSpace.toUri());
    }

    @Test
    void givesTheSecondaryLocationsAsRelatedLocations() throws IOException {
        java.io.StringWriter out = new java.io.StringWriter();
        new SarifReport().write(SampleAnalysis.withSecondaryLocations(sample.baseDir), out);
        JsonNode result = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.toString())
                .at("/runs/0/results/0");

        assertThat(result.get("relatedLocations").toString())
                .isEqualTo(
                        "[{\"id\":1,\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"src/main/java/org/x/Orders.java\","
                                + "\"uriBaseId\":\"%SRCROOT%\"},\"region\":{\"startLine\":12,\"startColumn\":29,\"endLine\":12,"
                                + "\"endColumn\":35}},\"message\":{\"text\":\"the loop that runs it once per element\"}},"
                                + "{\"id\":2,\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"src/main/java/org/x/Client.java\","
                                + "\"uriBaseId\":\"%SRCROOT%\"},\"region\":{\"startLine\":7}},"
                                + "\"message\":{\"text\":\"the <b>request</b> load() makes\"}}]");
        assertThat(run.at("/results/0").has("relatedLocations"))
                .as("a finding without any")
                .isFalse();
        assertThat(result.at("/codeFlows/0/threadFlows/0/locations").findValuesAsText("text"))
                .as("a place in another file: a chain of calls, stepped through from the finding")
                .containsExactly(
                        result.at("/message/text").textValue(),
                        "the loop that runs it once per element",
                        "the <b>request</b> load() makes");
        assertThat(result.at("/codeFlows/0/threadFlows/0/locations/2/location/physicalLocation/artifactLocation/uri")
                        .textValue())
                .isEqualTo("src/main/java/org/x/Client.java");
    }

    @Test
    void namesTheConfigurationFileInTheInvocation() throws IOException {
        assertThat(run.at("/invocations/0").has("properties")).isFalse();
        ReportContext configured = sample.configured("rules:\n  EB101:\n    severity: INFO\n");
        java.io.StringWriter out = new java.io.StringWriter();
        new SarifReport().write(configured, out);
        JsonNode configuredRun = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.toString())
                .at("/runs/0");
        assertThat(configuredRun
                        .at("/invocations/0/properties/configurationFile")
                        .textValue())
                .isEqualTo("ecobugs.yml");
        assertThat(configuredRun.at("/results/0/ruleId").textValue()).isEqualTo("EB101");
        assertThat(configuredRun.at("/results/0/level").textValue()).isEqualTo("note");
        assertThat(run.at("/results/0/level").textValue()).isNotEqualTo("note");
    }

    @Test
    void reportsProcessingErrorsAsNotificationsOfASuccessfulRun() {
        JsonNode invocation = run.at("/invocations/0");
        assertThat(invocation.get("executionSuccessful").booleanValue()).isTrue();
        JsonNode notifications = invocation.get("toolExecutionNotifications");
        assertThat(notifications.size()).isEqualTo(2);

        JsonNode unparsable = notifications.get(0);
        assertThat(unparsable.get("level").textValue()).isEqualTo("error");
        assertThat(unparsable.at("/message/text").textValue())
                .isEqualTo("src/main/java/org/x/Broken.java: Cannot parse: Parse error at line 3");
        assertThat(unparsable
                        .at("/locations/0/physicalLocation/artifactLocation")
                        .toString())
                .isEqualTo("{\"uri\":\"src/main/java/org/x/Broken.java\",\"uriBaseId\":\"%SRCROOT%\"}");
        assertThat(unparsable.has("associatedRule")).isFalse();
        assertThat(unparsable.at("/properties/kind").textValue()).isEqualTo("UNPARSABLE_SOURCE");

        JsonNode ruleFailure = notifications.get(1);
        assertThat(ruleFailure.at("/message/text").textValue())
                .isEqualTo("lib/app.jar!/org/x/Weird.class: Rule failed: IllegalStateException: boom");
        assertThat(ruleFailure.has("locations"))
                .as("an archive entry is not a file")
                .isFalse();
        assertThat(ruleFailure.get("associatedRule").toString()).isEqualTo("{\"id\":\"EB101\",\"index\":0}");
    }

    @Test
    void foldsSeveritiesIntoSarifLevels() {
        assertThat(SarifReport.level(Severity.BLOCKER)).isEqualTo("error");
        assertThat(SarifReport.level(Severity.CRITICAL)).isEqualTo("error");
        assertThat(SarifReport.level(Severity.MAJOR)).isEqualTo("warning");
        assertThat(SarifReport.level(Severity.MINOR)).isEqualTo("warning");
        assertThat(SarifReport.level(Severity.INFO)).isEqualTo("note");
    }

    @Test
    void encodesCharactersThatAreNotAllowedInAUri() {
        assertThat(SarifReport.relativeUri("a b/c#d%e.java")).isEqualTo("a%20b/c%23d%25e.java");
        assertThat(SarifReport.relativeUri("é/Café.java")).isEqualTo("%C3%A9/Caf%C3%A9.java");
        assertThat(SarifReport.relativeUri("c:d/E.java")).isEqualTo("./c:d/E.java");
    }
}
