package org.ecobugs.benchmark;

import java.util.List;
import java.util.Locale;

/** The benchmark in plain text, as the command line prints it. */
public final class BenchmarkText {

    private BenchmarkText() {}

    /** The whole report: steps, where to start, the estimate with its impact, the overhead, and the factors used. */
    public static String render(BenchmarkResult result, EstimateChange change) {
        StringBuilder out = new StringBuilder();
        BenchmarkResult.Journey journey = result.journey();
        out.append("ecobugs benchmark of ")
                .append(journey.mainClass())
                .append(journey.args().isEmpty() ? "" : " " + String.join(" ", journey.args()))
                .append(": ")
                .append(journey.runs())
                .append(journey.runs() == 1 ? " run" : " runs")
                .append(", each in a new JVM after ")
                .append(journey.warmup())
                .append(journey.warmup() == 1 ? " warm-up call" : " warm-up calls")
                .append("; medians, with the range over the runs in brackets.\n");
        out.append("Machine: ").append(result.machine().describe()).append(".\n\n");
        out.append(stepTable(result));
        out.append('\n');
        out.append(topMethods(result));
        out.append(whereToStart(result)).append('\n');
        out.append(estimate(result));
        if (change != null) {
            out.append(change(change));
        }
        out.append(overhead(result.overhead()));
        out.append(model(result));
        return out.toString();
    }

    /** The estimate in one line, for quiet output and logs. */
    public static String summaryLine(BenchmarkResult result) {
        BenchmarkResult.Estimate estimate = result.estimate();
        return RuntimeEcoscore.LABEL + ": " + range(estimate.score(), v -> Numbers.fixed(v, 1)) + " / 100 (time "
                + Numbers.fixed(estimate.axes().time(), 1) + ", energy "
                + Numbers.fixed(estimate.axes().energy(), 1)
                + ", data " + Numbers.fixed(estimate.axes().data(), 1) + "); "
                + Numbers.grams(result.total().co2eGrams().median()) + " CO2e per journey";
    }

    static String stepTable(BenchmarkResult result) {
        TextTable table = new TextTable()
                .row(
                        "Step",
                        "Wall time",
                        "CPU time",
                        "IT energy",
                        "Data exchanged",
                        "Files written",
                        "Wake-ups",
                        "CO2e",
                        "Score");
        for (StepResult step : result.steps()) {
            table.row(cells(step));
        }
        if (result.outsideSteps() != null) {
            table.row(cells(result.outsideSteps()));
        }
        StepResult total = result.total();
        String[] totalCells = cells(total);
        totalCells[0] = "whole journey";
        table.row(totalCells);
        return table.render("  ");
    }

    private static String[] cells(StepResult step) {
        return new String[] {
            step.name(),
            range(step.wallMs(), v -> Numbers.millis(v * 1e6)),
            range(step.cpuMs(), v -> Numbers.millis(v * 1e6)),
            range(step.itEnergyJ(), Numbers::joules),
            range(step.dataBytes(), Numbers::bytes),
            Numbers.bytes(step.fileBytesWritten().median()),
            Numbers.fixed(step.sleeps().median(), 0),
            Numbers.grams(step.co2eGrams().median()),
            step.scores() == null ? "" : Numbers.fixed(step.scores().estimate(), 1)
        };
    }

    /** A median with its range, e.g. {@code 12 ms [11 ms–15 ms]}; the range is left out when all runs agree. */
    static String range(Spread spread, java.util.function.DoubleFunction<String> format) {
        String median = format.apply(spread.median());
        String min = format.apply(spread.min());
        String max = format.apply(spread.max());
        return min.equals(max) ? median : median + " [" + min + "–" + max + "]";
    }

    static String topMethods(BenchmarkResult result) {
        StringBuilder out = new StringBuilder("Top methods by CPU samples (at the top of the stack, all runs):\n");
        for (StepResult step : result.profiledSteps()) {
            List<StepResult.MethodSamples> top = step.topMethods();
            out.append("  ").append(step.name()).append(": ");
            if (top.isEmpty()) {
                out.append("no CPU sample (the step mostly waited)\n");
                continue;
            }
            List<String> parts = top.stream()
                    .limit(3)
                    .map(m -> m.method() + " " + Numbers.fixed(m.share() * 100, 0) + " %")
                    .toList();
            out.append(String.join(", ", parts))
                    .append(" of ")
                    .append(step.profile().samples())
                    .append(" samples\n");
        }
        return out.toString();
    }

    static String whereToStart(BenchmarkResult result) {
        if (result.steps().size() == 1 && result.outsideSteps() == null) {
            return "Where to start: the journey marks no steps (emit " + RecordingReader.STEP_EVENT
                    + " events to see which part costs most).\n";
        }
        if (result.steps().size() == 1) {
            return "Where to start: the journey has one step, \""
                    + result.steps().get(0).name() + "\".\n";
        }
        StepResult energy = result.byEnergy().get(0);
        StepResult data = result.byData().get(0);
        return "Where to start: \"" + energy.name() + "\" carries " + percent(result.energyShare(energy))
                + " of the IT energy; \"" + data.name() + "\" carries " + percent(result.dataShare(data))
                + " of the data exchanged.\n";
    }

    static String estimate(BenchmarkResult result) {
        BenchmarkResult.Estimate estimate = result.estimate();
        StepResult total = result.total();
        StringBuilder out = new StringBuilder();
        out.append(RuntimeEcoscore.LABEL).append(":\n");
        out.append("  ")
                .append(range(estimate.score(), v -> Numbers.fixed(v, 1)))
                .append(" / 100   time ")
                .append(Numbers.fixed(estimate.axes().time(), 1))
                .append(" · energy ")
                .append(Numbers.fixed(estimate.axes().energy(), 1))
                .append(" · data ")
                .append(Numbers.fixed(estimate.axes().data(), 1))
                .append("   (")
                .append(RuntimeEcoscore.MODEL)
                .append("; each step scored against ")
                .append(Numbers.plain(RuntimeEcoscore.TIME_REFERENCE_SECONDS))
                .append(" s, ")
                .append(Numbers.plain(RuntimeEcoscore.ENERGY_REFERENCE_JOULES))
                .append(" J and ")
                .append(Numbers.bytes(RuntimeEcoscore.DATA_REFERENCE_BYTES))
                .append(")\n");
        ImpactModel model = result.model();
        out.append("  Impact of one journey (SCI-style, per functional unit = one run of the journey): ")
                .append(Numbers.grams(total.co2eGrams().median()))
                .append(" CO2e from ")
                .append(Numbers.joules(total.itEnergyJ().median()))
                .append(" of IT energy × PUE ")
                .append(Numbers.plain(model.pue().value()))
                .append(" and ")
                .append(Numbers.joules(total.dataEnergyJ().median()))
                .append(" allocated to ")
                .append(Numbers.bytes(total.dataBytes().median()))
                .append(" exchanged, at ")
                .append(Numbers.plain(model.grid().value()))
                .append(' ')
                .append(model.grid().unit())
                .append(".\n");
        out.append("  Water: ").append(ImpactModel.WATER).append(".\n");
        out.append("  Land occupation: ").append(ImpactModel.LAND).append(".\n");
        return out.toString();
    }

    static String change(EstimateChange change) {
        BenchmarkResult before = change.baseline();
        BenchmarkResult after = change.current();
        StringBuilder out = new StringBuilder("Change from the baseline");
        if (!change.comparable()) {
            out.append(" (another journey, model or energy source: compare with care)");
        }
        out.append(":\n");
        out.append(new TextTable()
                .row("", "Baseline", "Now", "Change")
                .row(
                        "estimate",
                        Numbers.fixed(before.estimate().score().median(), 1),
                        Numbers.fixed(after.estimate().score().median(), 1),
                        points(change.estimate()))
                .row(
                        "time axis",
                        Numbers.fixed(before.estimate().axes().time(), 1),
                        Numbers.fixed(after.estimate().axes().time(), 1),
                        points(change.time()))
                .row(
                        "energy axis",
                        Numbers.fixed(before.estimate().axes().energy(), 1),
                        Numbers.fixed(after.estimate().axes().energy(), 1),
                        points(change.energy()))
                .row(
                        "data axis",
                        Numbers.fixed(before.estimate().axes().data(), 1),
                        Numbers.fixed(after.estimate().axes().data(), 1),
                        points(change.data()))
                .row(
                        "wall time",
                        Numbers.millis(before.total().wallMs().median() * 1e6),
                        Numbers.millis(after.total().wallMs().median() * 1e6),
                        Numbers.percentChange(
                                before.total().wallMs().median(),
                                after.total().wallMs().median()))
                .row(
                        "IT energy",
                        Numbers.joules(before.total().itEnergyJ().median()),
                        Numbers.joules(after.total().itEnergyJ().median()),
                        Numbers.percentChange(
                                before.total().itEnergyJ().median(),
                                after.total().itEnergyJ().median()))
                .row(
                        "data exchanged",
                        Numbers.bytes(before.total().dataBytes().median()),
                        Numbers.bytes(after.total().dataBytes().median()),
                        Numbers.percentChange(
                                before.total().dataBytes().median(),
                                after.total().dataBytes().median()))
                .row(
                        "CO2e",
                        Numbers.grams(before.total().co2eGrams().median()),
                        Numbers.grams(after.total().co2eGrams().median()),
                        Numbers.percentChange(
                                before.total().co2eGrams().median(),
                                after.total().co2eGrams().median()))
                .render("  "));
        return out.toString();
    }

    static String overhead(Overhead overhead) {
        if (overhead == null) {
            return "Recording overhead: not measured (--overhead runs the journey as often without recording).\n";
        }
        return "Recording overhead on the journey: wall time "
                + change(overhead.recordedWallMs(), overhead.unrecordedWallMs())
                + ", process CPU time "
                + change(overhead.recordedCpuMs(), overhead.unrecordedCpuMs())
                + "; medians of " + overhead.runs() + " alternated pairs (ranges: with "
                + range(overhead.recordedWallMs(), v -> Numbers.millis(v * 1e6)) + ", without "
                + range(overhead.unrecordedWallMs(), v -> Numbers.millis(v * 1e6)) + ").\n";
    }

    /** {@code +12 ms (+3.1 %; 400 ms with, 388 ms without)}; the percentage is left out against nothing. */
    private static String change(Spread with, Spread without) {
        double delta = with.median() - without.median();
        String percent =
                without.median() == 0 ? "" : String.format(Locale.ROOT, "%+.1f %%; ", delta / without.median() * 100);
        return String.format(Locale.ROOT, "%+.0f ms (", delta) + percent
                + Numbers.millis(with.median() * 1e6) + " with, " + Numbers.millis(without.median() * 1e6)
                + " without)";
    }

    static String model(BenchmarkResult result) {
        StringBuilder out = new StringBuilder();
        out.append("Energy: ")
                .append(
                        result.energySource() == EnergySource.RAPL
                                ? "measured by RAPL (package energy, the process's share of the CPU time)"
                                : "modelled from CPU time (no readable RAPL counter in /sys/class/powercap)")
                .append(
                        result.loopbackBothEnds()
                                ? "; loopback traffic counted once, the journey holding both ends of it"
                                : "")
                .append(".\n");
        out.append("Model: ")
                .append(result.model().describe(result.energySource()))
                .append(".\n");
        out.append("Factors used:\n");
        for (ImpactFactor factor : result.model().factors()) {
            out.append("  ").append(factor.credit()).append('\n');
        }
        return out.toString();
    }

    private static String points(double change) {
        return String.format(Locale.ROOT, "%+.1f", change);
    }

    private static String percent(double share) {
        return Numbers.fixed(share * 100, 0) + " %";
    }
}
