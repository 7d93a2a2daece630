package org.ecobugs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze --benchmark}: the sample app's findings joined to measurements of its journey, recorded once with
 * {@code ecobugs benchmark} and kept with the journey ({@code test-fixtures/sample-journey/measurements/}: {@code
 * sample-before.json} against the sample app, {@code sample-after.json} against its fixed twin). Nothing here is timed:
 * the measurements are files.
 */
class AnalyzeWithBenchmarkTest {

    private static final Path REPO =
            Path.of(System.getProperty("ecobugs.repo.dir")).toAbsolutePath().normalize();
    private static final Path SAMPLE = REPO.resolve("test-fixtures/sample-health-app");
    private static final Path FIXED = REPO.resolve("test-fixtures/sample-health-app-fixed");

    @TempDir
    Path reports;

    private static Path measurement(String name) {
        return REPO.resolve("test-fixtures/sample-journey/measurements").resolve(name);
    }

    private static CliRun analyzeSample(String... more) {
        List<String> args = new ArrayList<>(List.of(
                "analyze",
                SAMPLE.resolve("src/main/java").toString(),
                "--classes",
                SAMPLE.resolve("target/classes").toString(),
                "--base-dir",
                SAMPLE.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void ranksTheFindingsTheJourneyRanThroughByTheEnergyTheySitOn() {
        CliRun run =
                analyzeSample("--benchmark", measurement("sample-before.json").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.err()).isEmpty();
        String out = run.out();
        assertThat(out)
                .contains("Measured journey org.ecobugs.sample.journey.SampleJourney (3 runs, energy modelled from"
                        + " CPU time)")
                .contains("ecobugs' estimate on the same axes as the ANS écoscore")
                .contains("not the ANS écoscore itself");
        List<String> ranked = rankedLines(out);
        // The pretty-printing mapper sits on every byte of the API's JSON, which the data-transfer factor weighs far
        // above the CPU of the spin; the spin comes next, then the resend loop's bytes and the polling's wake-ups.
        assertThat(ranked).hasSize(5);
        assertThat(ranked.get(0)).startsWith("1. src/main/java/org/ecobugs/sample/fhir/FhirJson.java:16 [EB201] ");
        assertThat(ranked.get(1))
                .startsWith("2. src/main/java/org/ecobugs/sample/lab/LabResultPoller.java:44 [EB101] ")
                .contains("in method awaitInstrumentReady, step \"wait for a lab result\"");
        assertThat(ranked.subList(2, 4))
                .anySatisfy(line -> assertThat(line).contains("LabResultPoller.java:52 [EB102]"))
                .anySatisfy(line -> assertThat(line).contains("MllpClient.java:72 [EB301]"));
        // The journey never loses its feed: no runtime trace, static weight only.
        assertThat(ranked.get(4))
                .startsWith("-. ")
                .contains("no runtime trace; static weight")
                .contains("[EB302]");
        assertThat(out)
                .contains("What fixing each rule's findings would save, per run of the journey:")
                .containsPattern("EB101: [0-9.]+ m?J — a blocking wait")
                .containsPattern("EB102: 0 J and [0-9.]+ wake-ups — ")
                .containsPattern("EB201: [0-9.]+ m?J and [0-9.]+ kB — compact JSON")
                .contains("Water: no open factor")
                .contains("Land occupation: no open factor");
    }

    @Test
    void writesTheMeasuredPartInEveryReport() throws IOException {
        CliRun run = analyzeSample(
                "--benchmark",
                measurement("sample-before.json").toString(),
                "--format",
                "text,json,html",
                "--report-dir",
                reports.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        JsonNode runtime = new ObjectMapper()
                .readTree(reports.resolve("ecobugs.json").toFile())
                .get("runtime");
        assertThat(runtime.get("label").textValue()).startsWith("ecobugs' estimate on the same axes");
        assertThat(runtime.at("/journey/mainClass").textValue()).isEqualTo("org.ecobugs.sample.journey.SampleJourney");
        assertThat(runtime.get("steps")).hasSize(4);
        JsonNode first = runtime.get("findings").get(0);
        assertThat(first.get("rule").textValue()).isEqualTo("EB201");
        assertThat(first.get("file").textValue()).isEqualTo("src/main/java/org/ecobugs/sample/fhir/FhirJson.java");
        assertThat(first.get("measured").booleanValue()).isTrue();
        assertThat(first.get("bytes").doubleValue()).isPositive();
        assertThat(first.at("/saving/bytes").doubleValue())
                .isLessThan(first.get("bytes").doubleValue())
                .isPositive();
        assertThat(runtime.at("/indicators/water").textValue()).startsWith("no open factor");
        assertThat(runtime.get("baseline").isNull()).isTrue();
        assertThat(runtime.at("/model/factors"))
                .extracting(f -> f.get("key").textValue())
                .contains("cpu.ccf.aws.max_watts_per_vcpu", "grid.fr.ember_2024");

        String html = Files.readString(reports.resolve("ecobugs.html"));
        String runtimeSection = html.substring(
                html.indexOf("<section id=\"runtime\">"), html.indexOf("</section>", html.indexOf("id=\"runtime\"")));
        // Offline: the chart is inline SVG, nothing is loaded from elsewhere, and the measured part needs no script.
        assertThat(html).doesNotContain("<link", "src=", "@import");
        assertThat(runtimeSection).doesNotContain("<script");
        assertThat(runtimeSection)
                .contains("<svg xmlns=\"http://www.w3.org/2000/svg\"", "aria-label=\"Scores of the three axes")
                .contains(">Time</text>", ">Energy</text>", ">Data</text>", ">Estimate</text>")
                .contains("<caption>Steps of the journey (medians over the runs)</caption>")
                .contains("<td>look up a patient</td>", "<td>post observations</td>", "<td>wait for a lab result</td>")
                .contains("<td>export a bundle</td>")
                .contains("<caption>Findings ranked by the estimated energy they sit on")
                .contains("<td class=\"number\">1</td><td class=\"location\">src/main/java/org/ecobugs/sample/fhir/"
                        + "FhirJson.java:16</td><td>EB201</td>")
                .contains("<caption>Model and factors used: ")
                .contains("<code>grid.fr.ember_2024</code>", "thegreenwebfoundation/co2.js@27cbe83")
                .contains("<tr><td>water</td><td class=\"number\">none</td><td colspan=\"3\">no open factor")
                .contains("<tr><td>land occupation</td><td class=\"number\">none</td>");
        assertThat(runtimeSection.indexOf("<svg")).isLessThan(runtimeSection.indexOf("Steps of the journey"));
        assertThat(Files.readString(reports.resolve("ecobugs.txt")))
                .contains("Findings ranked by the estimated energy");
    }

    @Test
    void showsTheChangeFromABaseline() {
        CliRun run = analyzeSample(
                "--benchmark",
                measurement("sample-after.json").toString(),
                "--benchmark-baseline",
                measurement("sample-before.json").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out())
                .contains("Change from the baseline:")
                .containsPattern("estimate +[0-9.]+ +[0-9.]+ +\\+[0-9.]+");
    }

    @Test
    void theHtmlChartShowsTheBaselineDashed() throws IOException {
        CliRun run = analyzeSample(
                "--benchmark",
                measurement("sample-after.json").toString(),
                "--benchmark-baseline",
                measurement("sample-before.json").toString(),
                "--format",
                "html",
                "--report-dir",
                reports.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        String html = Files.readString(reports.resolve("ecobugs.html"));
        assertThat(html)
                .contains("dashed: baseline")
                .containsPattern(
                        "<p>Change from the baseline: estimate \\+[0-9.]+, time [-+][0-9.]+, energy \\+[0-9.]+,"
                                + " data \\+[0-9.]+ points\\.</p>");
        assertThat(html.split("stroke-dasharray", -1)).hasSize(5);
    }

    @Test
    void theFixedTwinHasNoFindingAndItsJourneyScoresBetter() {
        CliRun run = CliRun.of(
                "analyze",
                FIXED.resolve("src/main/java").toString(),
                "--classes",
                FIXED.resolve("target/classes").toString(),
                "--base-dir",
                FIXED.toString(),
                "--benchmark",
                measurement("sample-after.json").toString(),
                "--benchmark-baseline",
                measurement("sample-before.json").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CLEAN);
        assertThat(run.out()).contains("No energy bugs found").doesNotContain("warning: [EB");
        assertThat(run.out())
                .contains("No finding to rank: the analysis found no energy bug")
                .doesNotContain("Findings ranked by")
                .containsPattern("estimate +[0-9.]+ +[0-9.]+ +\\+[0-9.]+");
    }

    @Test
    void aBaselineNeedsABenchmarkAndABenchmarkMustBeOne() throws IOException {
        CliRun run = analyzeSample(
                "--benchmark-baseline", measurement("sample-before.json").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--benchmark-baseline needs --benchmark");

        Path notABenchmark = reports.resolve("report.json");
        Files.writeString(notABenchmark, "{\"schemaVersion\":1,\"tool\":{\"name\":\"ecobugs\"}}");
        run = analyzeSample("--benchmark", notABenchmark.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("is not an ecobugs benchmark file");
    }

    private static List<String> rankedLines(String out) {
        List<String> lines = out.lines().toList();
        int start = lines.indexOf("Findings ranked by the estimated energy they sit on, per run of the journey:");
        assertThat(start).as("the ranking is printed").isNotNegative();
        List<String> ranked = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (!line.startsWith("  ")) {
                break;
            }
            if (!line.startsWith("       ")) {
                ranked.add(line.strip());
            }
        }
        return ranked;
    }
}
