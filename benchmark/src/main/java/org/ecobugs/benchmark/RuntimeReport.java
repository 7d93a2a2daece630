package org.ecobugs.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.meta.RuleCatalog;
import org.ecobugs.rules.report.HtmlReport;
import org.ecobugs.rules.report.ReportContext;
import org.ecobugs.rules.report.RuntimeSection;

/**
 * The measured part of an analysis's reports ({@code analyze --benchmark}): the estimate with its three axes and
 * impact, the change from a baseline, the steps, the findings ranked by the energy they sit on with what fixing them
 * would save, and the factors used.
 */
public final class RuntimeReport implements RuntimeSection {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** What the reports say when the analysis found nothing to join to the measurement. */
    static final String NOTHING_TO_RANK =
            "No finding to rank: the analysis found no energy bug; the measurement is of the code as it stands.";

    private final BenchmarkResult benchmark;
    private final EstimateChange change;
    private final List<FindingImpact> ranked;
    private final Map<String, FindingImpact.Saving> savingsByRule;

    private RuntimeReport(BenchmarkResult benchmark, EstimateChange change, List<FindingImpact> ranked) {
        this.benchmark = Objects.requireNonNull(benchmark, "benchmark");
        this.change = change;
        this.ranked = List.copyOf(ranked);
        this.savingsByRule = FindingImpacts.savingsByRule(ranked);
    }

    /**
     * The measured part for an analysis.
     *
     * @param baseline an earlier measurement to compare with, or null
     */
    public static RuntimeReport of(
            AnalysisResult result, RuleCatalog catalog, BenchmarkResult benchmark, BenchmarkResult baseline) {
        return new RuntimeReport(
                benchmark,
                baseline == null ? null : new EstimateChange(baseline, benchmark),
                FindingImpacts.rank(result.findings(), benchmark, catalog));
    }

    /**
     * What the measurement says of one finding, in a sentence for a host that shows findings one at a time (a SonarQube
     * issue): its rank by energy among the measured findings, what it sits on, and what fixing it saves; empty when the
     * recording never saw its code.
     */
    public Optional<String> noteFor(Finding finding) {
        long measured = ranked.stream().filter(FindingImpact::measured).count();
        int rank = 0;
        for (FindingImpact impact : ranked) {
            if (!impact.measured()) {
                continue;
            }
            rank++;
            if (impact.finding().equals(finding)) {
                return Optional.of("Measured on the journey "
                        + benchmark.journey().mainClass() + ": " + rank + " of "
                        + measured + " findings by energy, " + measuredCost(impact)
                        + (impact.saving() == null ? "" : "; fixing it saves " + saving(impact.saving())) + ".");
            }
        }
        return Optional.empty();
    }

    /** The energy, data and wake-ups a measured finding sits on, per run, with its code and steps. */
    private static String measuredCost(FindingImpact impact) {
        return Numbers.joules(impact.energyJ())
                + " (IT " + Numbers.joules(impact.itEnergyJ())
                + " from " + Numbers.fixed(impact.cpuSamples(), 1)
                + " CPU samples, data " + Numbers.bytes(impact.bytes())
                + (impact.sleeps() > 0 ? ", " + Numbers.fixed(impact.sleeps(), 1) + " wake-ups" : "")
                + ") in " + impact.scope().description()
                + ", step "
                + String.join(
                        ", ", impact.steps().stream().map(s -> "\"" + s + "\"").toList());
    }

    public List<FindingImpact> ranked() {
        return ranked;
    }

    /** The change from the baseline, when one was given. */
    public Optional<EstimateChange> change() {
        return Optional.ofNullable(change);
    }

    public BenchmarkResult benchmark() {
        return benchmark;
    }

    /**
     * A few lines for a build log: the estimate, the change from the baseline, and the first findings ranked by the
     * energy they sit on.
     *
     * @param findings how many measured findings to name at most
     */
    public List<String> headline(ReportContext context, int findings) {
        List<String> lines = new ArrayList<>();
        lines.add(BenchmarkText.summaryLine(benchmark) + " ("
                + benchmark.journey().mainClass() + ")");
        if (change != null) {
            lines.add(String.format(
                    Locale.ROOT,
                    "change from the baseline: estimate %+.1f, time %+.1f, energy %+.1f, data %+.1f points%s",
                    change.estimate(),
                    change.time(),
                    change.energy(),
                    change.data(),
                    change.comparable() ? "" : " (another journey, model or energy source)"));
        }
        List<FindingImpact> measured =
                ranked.stream().filter(FindingImpact::measured).limit(findings).toList();
        long unmeasured = ranked.stream().filter(i -> !i.measured()).count();
        if (ranked.isEmpty()) {
            lines.add("no finding to rank: the analysis found no energy bug");
            return lines;
        }
        if (measured.isEmpty()) {
            lines.add("no finding's code ran in the measured journey; the findings keep their static weight");
            return lines;
        }
        lines.add("findings ranked by the estimated energy they sit on, per run of the journey"
                + (unmeasured == 0 ? ":" : " (" + unmeasured + " without a runtime trace, in the reports):"));
        int rank = 0;
        for (FindingImpact impact : measured) {
            lines.add(
                    "  " + ++rank + ". " + context.displayPath(impact.finding().file()) + ":"
                            + impact.finding().line() + " [" + impact.finding().ruleKey() + "] "
                            + Numbers.joules(impact.energyJ())
                            + (impact.saving() == null ? "" : ", fixing it saves " + saving(impact.saving())));
        }
        return lines;
    }

    @Override
    public void writeText(ReportContext context, Writer out) throws IOException {
        StringBuilder text = new StringBuilder();
        BenchmarkResult.Journey journey = benchmark.journey();
        text.append("\nMeasured journey ")
                .append(journey.mainClass())
                .append(" (")
                .append(journey.runs())
                .append(journey.runs() == 1 ? " run" : " runs")
                .append(", ")
                .append(benchmark.energySource() == EnergySource.RAPL ? "RAPL energy" : "energy modelled from CPU time")
                .append("):\n");
        text.append("  ").append(BenchmarkText.summaryLine(benchmark)).append(".\n");
        text.append("  ").append(BenchmarkText.whereToStart(benchmark));
        if (change != null) {
            text.append(BenchmarkText.change(change).indent(2));
        }
        text.append(
                ranked.isEmpty()
                        ? NOTHING_TO_RANK + "\n"
                        : "Findings ranked by the estimated energy they sit on, per run of the journey:\n");
        int rank = 0;
        for (FindingImpact impact : ranked) {
            String location = context.displayPath(impact.finding().file()) + ":"
                    + impact.finding().line();
            text.append("  ")
                    .append(impact.measured() ? ++rank + ". " : "-. ")
                    .append(location)
                    .append(" [")
                    .append(impact.finding().ruleKey())
                    .append("] ");
            if (impact.measured()) {
                text.append(measuredCost(impact)).append('\n');
                if (impact.saving() != null) {
                    text.append("       fixing it saves ")
                            .append(saving(impact.saving()))
                            .append('\n');
                }
            } else {
                text.append("no runtime trace; static weight ")
                        .append(Numbers.plain(impact.staticWeight()))
                        .append('\n');
            }
        }
        if (!savingsByRule.isEmpty()) {
            text.append("What fixing each rule's findings would save, per run of the journey:\n");
            savingsByRule.forEach((rule, saving) -> text.append("  ")
                    .append(rule)
                    .append(": ")
                    .append(saving(saving))
                    .append(" — ")
                    .append(saving.model())
                    .append('\n'));
        }
        text.append("Model: ")
                .append(benchmark.model().describe(benchmark.energySource()))
                .append(".\n");
        text.append("Water: ")
                .append(ImpactModel.WATER)
                .append(". Land occupation: ")
                .append(ImpactModel.LAND);
        text.append(".\n");
        out.write(text.toString());
    }

    @Override
    public JsonNode json(ReportContext context) {
        ObjectNode root = NODES.objectNode();
        root.put("label", RuntimeEcoscore.LABEL);
        ObjectNode journey = root.putObject("journey");
        journey.put("mainClass", benchmark.journey().mainClass());
        journey.put("runs", benchmark.journey().runs());
        journey.put("warmup", benchmark.journey().warmup());
        journey.put("energySource", benchmark.energySource().name());
        journey.put("loopbackBothEnds", benchmark.loopbackBothEnds());
        ObjectNode estimate = root.putObject("estimate");
        estimate.put("model", RuntimeEcoscore.MODEL);
        estimate.put("score", benchmark.estimate().score().median());
        estimate.put("scoreMin", benchmark.estimate().score().min());
        estimate.put("scoreMax", benchmark.estimate().score().max());
        estimate.put("time", benchmark.estimate().axes().time());
        estimate.put("energy", benchmark.estimate().axes().energy());
        estimate.put("data", benchmark.estimate().axes().data());
        StepResult total = benchmark.total();
        root.putObject("indicators")
                .put("wallMs", total.wallMs().median())
                .put("itEnergyJ", total.itEnergyJ().median())
                .put("dataBytes", total.dataBytes().median())
                .put("dataEnergyJ", total.dataEnergyJ().median())
                .put("co2eGrams", total.co2eGrams().median())
                .put("water", ImpactModel.WATER)
                .put("land", ImpactModel.LAND);
        ArrayNode steps = root.putArray("steps");
        for (StepResult step : benchmark.steps()) {
            ObjectNode node = steps.addObject()
                    .put("name", step.name())
                    .put("wallMs", step.wallMs().median())
                    .put("itEnergyJ", step.itEnergyJ().median())
                    .put("dataBytes", step.dataBytes().median())
                    .put("co2eGrams", step.co2eGrams().median())
                    .put("energyShare", benchmark.energyShare(step))
                    .put("dataShare", benchmark.dataShare(step));
            node.put("score", step.scores() == null ? 0 : step.scores().estimate());
        }
        ArrayNode findings = root.putArray("findings");
        for (FindingImpact impact : ranked) {
            ObjectNode node = findings.addObject()
                    .put("rule", impact.finding().ruleKey())
                    .put("file", context.displayPath(impact.finding().file()))
                    .put("line", impact.finding().line())
                    .put("measured", impact.measured())
                    .put("scope", impact.scope().description());
            ArrayNode inSteps = node.putArray("steps");
            impact.steps().forEach(inSteps::add);
            node.put("cpuSamples", impact.cpuSamples())
                    .put("itEnergyJ", impact.itEnergyJ())
                    .put("bytes", impact.bytes())
                    .put("dataEnergyJ", impact.dataEnergyJ())
                    .put("energyJ", impact.energyJ())
                    .put("wakeUps", impact.sleeps())
                    .put("staticWeight", impact.staticWeight());
            if (impact.saving() == null) {
                node.putNull("saving");
            } else {
                node.set("saving", savingJson(impact.saving()));
            }
        }
        ObjectNode byRule = root.putObject("savingsByRule");
        savingsByRule.forEach((rule, saving) -> byRule.set(rule, savingJson(saving)));
        if (change == null) {
            root.putNull("baseline");
        } else {
            root.putObject("baseline")
                    .put("score", change.baseline().estimate().score().median())
                    .put("time", change.baseline().estimate().axes().time())
                    .put("energy", change.baseline().estimate().axes().energy())
                    .put("data", change.baseline().estimate().axes().data())
                    .put("scoreChange", change.estimate())
                    .put("timeChange", change.time())
                    .put("energyChange", change.energy())
                    .put("dataChange", change.data())
                    .put("comparable", change.comparable());
        }
        ObjectNode model = root.putObject("model");
        model.put("name", ImpactModel.NAME);
        model.put("description", benchmark.model().describe(benchmark.energySource()));
        ArrayNode factors = model.putArray("factors");
        benchmark.model().factors().forEach(f -> factors.add(BenchmarkJson.factor(f)));
        return root;
    }

    @Override
    public String html(ReportContext context) {
        StringBuilder html = new StringBuilder("<section id=\"runtime\">\n<h2>Measured cost</h2>\n");
        BenchmarkResult.Estimate estimate = benchmark.estimate();
        html.append("<p><strong>")
                .append(e(RuntimeEcoscore.LABEL))
                .append(":</strong> ")
                .append(e(Numbers.fixed(estimate.score().median(), 1)))
                .append(" / 100 (")
                .append(e(Numbers.fixed(estimate.score().min(), 1) + "–"
                        + Numbers.fixed(estimate.score().max(), 1)))
                .append(" over ")
                .append(benchmark.journey().runs())
                .append(" runs of ")
                .append(e(benchmark.journey().mainClass()))
                .append(").</p>\n");
        html.append(chart());
        StepResult total = benchmark.total();
        html.append("<p>Per run of the journey (the functional unit): ")
                .append(e(Numbers.grams(total.co2eGrams().median())))
                .append(" CO2e; ")
                .append(e(Numbers.millis(total.wallMs().median() * 1e6)))
                .append(" of wall time; ")
                .append(e(Numbers.joules(total.itEnergyJ().median())))
                .append(" of IT energy; ")
                .append(e(Numbers.bytes(total.dataBytes().median())))
                .append(" exchanged (")
                .append(e(Numbers.joules(total.dataEnergyJ().median())))
                .append(" allocated to the network and data centres). Water: ")
                .append(e(ImpactModel.WATER))
                .append(". Land occupation: ")
                .append(e(ImpactModel.LAND))
                .append(".</p>\n");
        html.append("<p>")
                .append(e(BenchmarkText.whereToStart(benchmark).strip()))
                .append("</p>\n");
        if (change != null) {
            html.append("<p>Change from the baseline: estimate ")
                    .append(e(signed(change.estimate())))
                    .append(", time ")
                    .append(e(signed(change.time())))
                    .append(", energy ")
                    .append(e(signed(change.energy())))
                    .append(", data ")
                    .append(e(signed(change.data())))
                    .append(" points")
                    .append(change.comparable() ? "" : " (another journey, model or energy source)")
                    .append(".</p>\n");
        }
        if (benchmark.overhead() != null) {
            html.append("<p>")
                    .append(e(BenchmarkText.overhead(benchmark.overhead()).strip()))
                    .append("</p>\n");
        }
        appendSteps(html);
        appendFindings(html, context);
        appendFactors(html);
        html.append("</section>\n");
        return html.toString();
    }

    /** The three axes as horizontal bars (inline SVG, no script), with the baseline as an outline when there is one. */
    private String chart() {
        RuntimeEcoscore.Axes axes = benchmark.estimate().axes();
        RuntimeEcoscore.Axes before =
                change == null ? null : change.baseline().estimate().axes();
        double[] now = {
            axes.time(),
            axes.energy(),
            axes.data(),
            benchmark.estimate().score().median()
        };
        double[] then = before == null
                ? null
                : new double[] {
                    before.time(),
                    before.energy(),
                    before.data(),
                    change.baseline().estimate().score().median()
                };
        String[] names = {"Time", "Energy", "Data", "Estimate"};
        int bars = names.length;
        int barHeight = 22;
        int gap = 12;
        int left = 70;
        int width = 300;
        int height = bars * (barHeight + gap) + 26;
        StringBuilder svg = new StringBuilder();
        svg.append("<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
                .append(left + width + 60)
                .append("\" height=\"")
                .append(height)
                .append("\" aria-label=\"Scores of the three axes and the estimate, out of 100\">\n");
        for (int i = 0; i < bars; i++) {
            // The estimate, the mean of the three axes, is set apart below them and drawn darker.
            int y = i * (barHeight + gap) + (i == bars - 1 ? 6 : 0);
            svg.append("<text x=\"0\" y=\"")
                    .append(y + 16)
                    .append("\" font-size=\"13\" font-family=\"sans-serif\">")
                    .append(names[i])
                    .append("</text>\n");
            svg.append("<rect x=\"")
                    .append(left)
                    .append("\" y=\"")
                    .append(y)
                    .append("\" width=\"")
                    .append(width)
                    .append("\" height=\"")
                    .append(barHeight)
                    .append("\" fill=\"#f6f8fa\" stroke=\"#d0d7de\"/>\n");
            svg.append("<rect x=\"")
                    .append(left)
                    .append("\" y=\"")
                    .append(y)
                    .append("\" width=\"")
                    .append(Numbers.fixed(width * now[i] / 100, 1))
                    .append("\" height=\"")
                    .append(barHeight)
                    .append(i == bars - 1 ? "\" fill=\"#1a7f37\"/>\n" : "\" fill=\"#2da44e\"/>\n");
            if (then != null) {
                svg.append("<rect x=\"")
                        .append(left)
                        .append("\" y=\"")
                        .append(y + 3)
                        .append("\" width=\"")
                        .append(Numbers.fixed(width * then[i] / 100, 1))
                        .append("\" height=\"")
                        .append(barHeight - 6)
                        .append("\" fill=\"none\" stroke=\"#1b1f23\" stroke-dasharray=\"4 2\"/>\n");
            }
            svg.append("<text x=\"")
                    .append(left + width + 6)
                    .append("\" y=\"")
                    .append(y + 16)
                    .append("\" font-size=\"13\" font-family=\"sans-serif\">")
                    .append(Numbers.fixed(now[i], 1))
                    .append("</text>\n");
        }
        svg.append("<text x=\"")
                .append(left)
                .append("\" y=\"")
                .append(height - 4)
                .append("\" font-size=\"11\" font-family=\"sans-serif\" fill=\"#57606a\">")
                .append(then == null ? "0 to 100, higher is better" : "0 to 100, higher is better; dashed: baseline")
                .append(
                        "</text>\n</svg>\n<figcaption>Each axis is the mean of the steps' scores and the estimate is the mean of"
                                + " the three axes; a step scores 50 at ")
                .append(e(Numbers.plain(RuntimeEcoscore.TIME_REFERENCE_SECONDS)))
                .append(" s, ")
                .append(e(Numbers.plain(RuntimeEcoscore.ENERGY_REFERENCE_JOULES)))
                .append(" J or ")
                .append(e(Numbers.bytes(RuntimeEcoscore.DATA_REFERENCE_BYTES)))
                .append(" (")
                .append(e(RuntimeEcoscore.MODEL))
                .append(").</figcaption>\n</figure>\n");
        return svg.toString();
    }

    private void appendSteps(StringBuilder html) {
        html.append("<table>\n<caption>Steps of the journey (medians over the runs)</caption>\n<thead><tr>")
                .append("<th>Step</th><th>Wall time</th><th>CPU time</th><th>IT energy</th><th>Share of energy</th>")
                .append("<th>Data exchanged</th><th>Share of data</th><th>Wake-ups</th><th>CO2e</th><th>Score</th>")
                .append("<th>Top method by CPU samples</th></tr></thead>\n<tbody>\n");
        for (StepResult step : benchmark.steps()) {
            html.append("<tr><td>")
                    .append(e(step.name()))
                    .append("</td><td class=\"number\">")
                    .append(e(Numbers.millis(step.wallMs().median() * 1e6)))
                    .append("</td><td class=\"number\">")
                    .append(e(Numbers.millis(step.cpuMs().median() * 1e6)))
                    .append("</td><td class=\"number\">")
                    .append(e(Numbers.joules(step.itEnergyJ().median())))
                    .append("</td><td class=\"number\">")
                    .append(e(Numbers.fixed(benchmark.energyShare(step) * 100, 0) + " %"))
                    .append("</td><td class=\"number\">")
                    .append(e(Numbers.bytes(step.dataBytes().median())))
                    .append("</td><td class=\"number\">")
                    .append(e(Numbers.fixed(benchmark.dataShare(step) * 100, 0) + " %"))
                    .append("</td><td class=\"number\">")
                    .append(e(Numbers.fixed(step.sleeps().median(), 0)))
                    .append("</td><td class=\"number\">")
                    .append(e(Numbers.grams(step.co2eGrams().median())))
                    .append("</td><td class=\"number\">")
                    .append(
                            step.scores() == null
                                    ? ""
                                    : e(Numbers.fixed(step.scores().estimate(), 1)))
                    .append("</td><td>")
                    .append(
                            step.topMethods().isEmpty()
                                    ? "no CPU sample (the step mostly waited)"
                                    : "<code>"
                                            + e(step.topMethods().get(0).method() + " ("
                                                    + Numbers.fixed(
                                                            step.topMethods()
                                                                            .get(0)
                                                                            .share()
                                                                    * 100,
                                                            0)
                                                    + " % of " + step.profile().samples() + ")")
                                            + "</code>")
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private void appendFindings(StringBuilder html, ReportContext context) {
        if (ranked.isEmpty()) {
            html.append("<p>").append(e(NOTHING_TO_RANK)).append("</p>\n");
            return;
        }
        html.append("<table>\n<caption>Findings ranked by the estimated energy they sit on, per run of the journey")
                .append("</caption>\n<thead><tr><th>#</th><th>Location</th><th>Rule</th><th>Estimated energy</th>")
                .append("<th>Where</th><th>Fixing it would save</th></tr></thead>\n<tbody>\n");
        int rank = 0;
        for (FindingImpact impact : ranked) {
            String location = context.displayPath(impact.finding().file()) + ":"
                    + impact.finding().line();
            html.append("<tr><td class=\"number\">")
                    .append(impact.measured() ? Integer.toString(++rank) : "")
                    .append("</td><td class=\"location\">")
                    .append(e(location))
                    .append("</td><td>")
                    .append(e(impact.finding().ruleKey()))
                    .append("</td><td>");
            if (impact.measured()) {
                html.append(e(Numbers.joules(impact.energyJ())
                                + " (IT " + Numbers.joules(impact.itEnergyJ()) + ", data "
                                + Numbers.bytes(impact.bytes()) + ")"))
                        .append("</td><td>")
                        .append(e(impact.scope().description() + " in " + String.join(", ", impact.steps())))
                        .append("</td><td>")
                        .append(
                                impact.saving() == null
                                        ? "no model for this rule"
                                        : e(saving(impact.saving())) + "<br><small>"
                                                + e(impact.saving().model()) + "</small>");
            } else {
                html.append("no runtime trace</td><td>")
                        .append(e("static weight " + Numbers.plain(impact.staticWeight())))
                        .append("</td><td>");
            }
            html.append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private void appendFactors(StringBuilder html) {
        html.append("<table>\n<caption>Model and factors used: ")
                .append(e(benchmark.model().describe(benchmark.energySource())))
                .append("</caption>\n<thead><tr><th>Factor</th><th>Value</th><th>What it is</th><th>Source</th>")
                .append("<th>Licence</th></tr></thead>\n<tbody>\n");
        for (ImpactFactor factor : benchmark.model().factors()) {
            html.append("<tr><td><code>")
                    .append(e(factor.key()))
                    .append("</code></td><td class=\"number\">")
                    .append(e(Numbers.plain(factor.value()) + " " + factor.unit()))
                    .append("</td><td>")
                    .append(e(factor.description()))
                    .append("</td><td>")
                    .append(e(factor.source() + (factor.where().isEmpty() ? "" : " — " + factor.where())))
                    .append("</td><td>")
                    .append(e(factor.licence()))
                    .append("</td></tr>\n");
        }
        html.append("<tr><td>water</td><td class=\"number\">none</td><td colspan=\"3\">")
                .append(e(ImpactModel.WATER))
                .append("</td></tr>\n<tr><td>land occupation</td><td class=\"number\">none</td><td colspan=\"3\">")
                .append(e(ImpactModel.LAND))
                .append("</td></tr>\n");
        html.append("</tbody>\n</table>\n");
    }

    private static ObjectNode savingJson(FindingImpact.Saving saving) {
        return NODES.objectNode()
                .put("model", saving.model())
                .put("itEnergyJ", saving.itEnergyJ())
                .put("bytes", saving.bytes())
                .put("dataEnergyJ", saving.dataEnergyJ())
                .put("energyJ", saving.energyJ())
                .put("wakeUps", saving.wakeUps());
    }

    static String saving(FindingImpact.Saving saving) {
        StringBuilder text = new StringBuilder(Numbers.joules(saving.energyJ()));
        if (saving.bytes() > 0) {
            text.append(" and ").append(Numbers.bytes(saving.bytes()));
        }
        if (saving.wakeUps() > 0) {
            text.append(" and ").append(Numbers.fixed(saving.wakeUps(), 1)).append(" wake-ups");
        }
        return text.toString();
    }

    private static String signed(double points) {
        return String.format(Locale.ROOT, "%+.1f", points);
    }

    private static String e(String text) {
        return HtmlReport.escape(text);
    }
}
