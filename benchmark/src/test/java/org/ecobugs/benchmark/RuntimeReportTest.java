package org.ecobugs.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.meta.RuleCatalog;
import org.ecobugs.rules.report.HtmlReport;
import org.ecobugs.rules.report.JsonReport;
import org.ecobugs.rules.report.ReportContext;
import org.ecobugs.rules.report.TextReport;
import org.junit.jupiter.api.Test;

/** The measured part of the reports: text, JSON and HTML, offline, escaped, with the factors and their sources. */
class RuntimeReportTest {

    private static final Path SOURCE = Recordings.journeySource();
    private static final Path BASE = SOURCE.getParent();

    private final AnalysisResult analysis = new AnalysisResult(
            List.of(finding("EB101", 76), finding("EB102", 127), finding("EB201", 97), finding("EB604", 134)),
            List.of(),
            List.of("EB101", "EB102", "EB201", "EB604"),
            1,
            0,
            new AnalysisResult.Timings(Duration.ofMillis(5), List.of(), Map.of()));

    @Test
    void theTextReportRanksTheFindingsAndNamesTheModel() throws IOException {
        String text = render(new TextReport(), context(Recordings.tinyBenchmark(), null));

        assertThat(text)
                .contains("Measured journey org.ecobugs.benchmark.fixtures.TinyJourney (1 run, energy modelled from CPU"
                        + " time):")
                .contains("  " + RuntimeEcoscore.LABEL + ": ")
                .contains("Where to start: \"spin\" carries ")
                .contains("\"exchange\" carries 100 % of the data exchanged.")
                .contains("  1. TinyJourney.java:97 [EB201] 5.13 J (IT 0 J from 0.0 CPU samples, data 12.5 kB) in"
                        + " method exchange, step \"exchange\"\n"
                        + "       fixing it saves 1.83 J and 4.5 kB\n")
                .contains("  2. TinyJourney.java:76 [EB101] ")
                .contains("  3. TinyJourney.java:127 [EB102] 0 J (IT 0 J from 0.0 CPU samples, data 0 B, 5.0 wake-ups)")
                .contains("  -. TinyJourney.java:134 [EB604] no runtime trace; static weight 1.25\n")
                .contains("  EB102: 0 J and 4.0 wake-ups — a blocking wait wakes once per wait")
                .contains("Model: " + ImpactModel.NAME + ": IT energy modelled as CPU time × 3.5 W per vCPU")
                .contains("Water: no open factor")
                .contains("Land occupation: no open factor");
    }

    @Test
    void theJsonReportCarriesTheRankingTheStepsAndTheFactors() throws IOException {
        JsonNode runtime = new ObjectMapper()
                .readTree(render(new JsonReport(), context(Recordings.tinyBenchmark(), null)))
                .get("runtime");

        assertThat(runtime.get("label").textValue()).isEqualTo(RuntimeEcoscore.LABEL);
        assertThat(runtime.at("/journey/energySource").textValue()).isEqualTo("MODEL");
        assertThat(runtime.get("steps"))
                .extracting(s -> s.get("name").textValue())
                .containsExactly("spin", "exchange", "poll");
        assertThat(runtime.get("findings"))
                .extracting(f -> f.get("rule").textValue())
                .containsExactly("EB201", "EB101", "EB102", "EB604");
        JsonNode first = runtime.get("findings").get(0);
        assertThat(first.get("file").textValue()).isEqualTo("TinyJourney.java");
        assertThat(first.get("bytes").doubleValue()).isEqualTo(12_500);
        assertThat(first.at("/saving/bytes").doubleValue()).isEqualTo(12_500 * SavingModels.INDENTATION_SHARE);
        assertThat(runtime.get("findings").get(3).get("saving").isNull()).isTrue();
        assertThat(runtime.at("/savingsByRule/EB102/wakeUps").doubleValue()).isEqualTo(4.0);
        assertThat(runtime.at("/indicators/land").textValue()).startsWith("no open factor");
        assertThat(runtime.at("/model/factors")).hasSize(5);
        assertThat(runtime.get("baseline").isNull()).isTrue();
    }

    @Test
    void theHtmlSectionIsSelfContainedAndEscapesWhatComesFromTheMeasurement() throws IOException {
        BenchmarkResult odd = BenchmarkResultTest.result(BenchmarkResultTest.run(
                BenchmarkResultTest.step("<b>load & save</b>", 0.5, 0.2, 10_000),
                BenchmarkResultTest.step("render", 0.5, 0.2, 0)));

        String html = runtimeSection(render(new HtmlReport(), context(odd, null)));

        assertThat(html)
                .contains("<td>&lt;b&gt;load &amp; save&lt;/b&gt;</td>")
                .doesNotContain("<b>load")
                .doesNotContain("<script")
                .doesNotContain("<link")
                .doesNotContain("src=\"")
                .contains("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("<td>render</td>")
                .contains("no CPU sample (the step mostly waited)")
                .contains("<tr><td>water</td><td class=\"number\">none</td>")
                .contains("<caption>Model and factors used: ");
        // Four bars (three axes and the estimate), each over its background, and no baseline.
        String chart = html.substring(html.indexOf("<svg"), html.indexOf("</svg>"));
        assertThat(chart.split("<rect ", -1)).hasSize(1 + 8);
        assertThat(chart).doesNotContain("stroke-dasharray").contains("0 to 100, higher is better</text>");
    }

    @Test
    void withABaselineTheChartDashesItAndTheReportsGiveTheChange() throws IOException {
        BenchmarkResult before =
                BenchmarkResultTest.result(BenchmarkResultTest.run(BenchmarkResultTest.step("a", 1.0, 1.0, 2_000_000)));
        BenchmarkResult after =
                BenchmarkResultTest.result(BenchmarkResultTest.run(BenchmarkResultTest.step("a", 1.0, 0.5, 1_000_000)));

        String html = runtimeSection(render(new HtmlReport(), context(after, before)));
        String chart = html.substring(html.indexOf("<svg"), html.indexOf("</svg>"));
        assertThat(chart.split("stroke-dasharray", -1)).hasSize(5);
        assertThat(html)
                .contains("<p>Change from the baseline: estimate +15.2, time +0.0, energy +20.7, data +25.0"
                        + " points.</p>");

        JsonNode baseline = new ObjectMapper()
                .readTree(render(new JsonReport(), context(after, before)))
                .at("/runtime/baseline");
        assertThat(baseline.get("scoreChange").doubleValue())
                .isCloseTo(15.236, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(baseline.get("comparable").booleanValue()).isTrue();
    }

    @Test
    void aHostThatShowsFindingsOneAtATimeGetsANoteForEachMeasuredOne() {
        RuntimeReport report = RuntimeReport.of(analysis, RuleCatalog.builtIn(), Recordings.tinyBenchmark(), null);

        assertThat(report.noteFor(finding("EB201", 97)))
                .contains("Measured on the journey org.ecobugs.benchmark.fixtures.TinyJourney: 1 of 3 findings by"
                        + " energy, 5.13 J (IT 0 J from 0.0 CPU samples, data 12.5 kB) in method exchange, step"
                        + " \"exchange\"; fixing it saves 1.83 J and 4.5 kB.");
        assertThat(report.noteFor(finding("EB102", 127)))
                .hasValueSatisfying(note -> assertThat(note).contains(": 3 of 3 findings by energy, 0 J "));
        // No runtime trace, and a finding the analysis did not report: nothing to say.
        assertThat(report.noteFor(finding("EB604", 134))).isEmpty();
        assertThat(report.noteFor(finding("EB101", 1))).isEmpty();
        assertThat(report.change()).isEmpty();
    }

    @Test
    void theBuildLogGetsTheEstimateAndTheFirstFindings() {
        ReportContext context = context(Recordings.tinyBenchmark(), null);
        List<String> lines = ((RuntimeReport) context.runtime()).headline(context, 2);

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0))
                .startsWith(RuntimeEcoscore.LABEL + ": ")
                .endsWith("(org.ecobugs.benchmark.fixtures.TinyJourney)");
        assertThat(lines.get(1))
                .isEqualTo("findings ranked by the estimated energy they sit on, per run of the journey (1 without a"
                        + " runtime trace, in the reports):");
        assertThat(lines.get(2))
                .isEqualTo("  1. TinyJourney.java:97 [EB201] 5.13 J, fixing it saves 1.83 J and 4.5 kB");
        assertThat(lines.get(3)).startsWith("  2. TinyJourney.java:76 [EB101] ");
    }

    @Test
    void withoutFindingsTheReportsSaySoInsteadOfAnEmptyRanking() throws IOException {
        AnalysisResult clean = new AnalysisResult(
                List.of(),
                List.of(),
                List.of("EB101"),
                1,
                0,
                new AnalysisResult.Timings(Duration.ZERO, List.of(), Map.of()));
        RuleCatalog catalog = RuleCatalog.builtIn();
        ReportContext context = new ReportContext(clean, catalog, BASE, "0.1.0-test")
                .withRuntime(RuntimeReport.of(clean, catalog, Recordings.tinyBenchmark(), null));

        assertThat(render(new TextReport(), context))
                .contains(RuntimeReport.NOTHING_TO_RANK)
                .doesNotContain("Findings ranked");
        assertThat(render(new HtmlReport(), context))
                .contains("<p>" + RuntimeReport.NOTHING_TO_RANK + "</p>")
                .doesNotContain("<caption>Findings ranked");
        assertThat(((RuntimeReport) context.runtime()).headline(context, 3))
                .endsWith("no finding to rank: the analysis found no energy bug");
    }

    private ReportContext context(BenchmarkResult benchmark, BenchmarkResult baseline) {
        RuleCatalog catalog = RuleCatalog.builtIn();
        return new ReportContext(analysis, catalog, BASE, "0.1.0-test")
                .withRuntime(RuntimeReport.of(analysis, catalog, benchmark, baseline));
    }

    /** The measured part of an HTML report, apart from the report's own summary charts and script. */
    private static String runtimeSection(String html) {
        int start = html.indexOf("<section id=\"runtime\">");
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static String render(org.ecobugs.rules.report.ReportWriter writer, ReportContext context)
            throws IOException {
        StringWriter out = new StringWriter();
        writer.write(context, out);
        return out.toString();
    }

    private static Finding finding(String rule, int line) {
        return new Finding(rule, SOURCE, line, 1, 0, 0, "a finding", Finding.Origin.SOURCE);
    }
}
