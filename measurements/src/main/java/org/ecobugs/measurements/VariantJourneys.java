package org.ecobugs.measurements;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.ecobugs.benchmark.Benchmark;
import org.ecobugs.benchmark.BenchmarkRequest;
import org.ecobugs.benchmark.BenchmarkResult;
import org.ecobugs.benchmark.JourneyFailedException;
import org.ecobugs.benchmark.Spread;
import org.ecobugs.measurements.journeys.ClientJourney;
import org.ecobugs.measurements.journeys.PayloadJourney;
import org.ecobugs.measurements.journeys.WaitJourney;

/**
 * Runs the benchmark on pairs of journeys that differ only by one energy bug, several times, and prints whether the
 * buggy variant ranks worse on the axis the bug wastes, with the spread of each measurement:
 *
 * <pre>java -jar measurements/target/measurements.jar journeys [repetitions=3] [runs=3] [record=DIR]</pre>
 *
 * With {@code record=DIR} the recording of the first run of each variant in the first repetition is kept as {@code
 * DIR/<pair>-<variant>.jfr}: the benchmark module's tests read such recordings.
 */
final class VariantJourneys {

    /** A pair: the journey, its two variants, the axis the bug wastes and how to read that axis. */
    record Pair(
            String name,
            Class<?> journey,
            String buggy,
            String fixed,
            String axis,
            ToDoubleFunction<BenchmarkResult> score,
            ToDoubleFunction<BenchmarkResult> quantity,
            String unit) {}

    static final List<Pair> PAIRS = List.of(
            new Pair(
                    "wait",
                    WaitJourney.class,
                    "busy",
                    "blocking",
                    "energy",
                    r -> r.estimate().axes().energy(),
                    r -> r.total().itEnergyJ().median(),
                    "J"),
            new Pair(
                    "payload",
                    PayloadJourney.class,
                    "pretty",
                    "compact",
                    "data",
                    r -> r.estimate().axes().data(),
                    r -> r.total().dataBytes().median(),
                    "B"),
            new Pair(
                    "client",
                    ClientJourney.class,
                    "per-request",
                    "shared",
                    "energy",
                    r -> r.estimate().axes().energy(),
                    r -> r.total().itEnergyJ().median(),
                    "J"));

    private VariantJourneys() {}

    static void run(String[] args) throws IOException, JourneyFailedException {
        int repetitions = args.length > 0 && !args[0].startsWith("record=") ? Integer.parseInt(args[0]) : 3;
        int runs = args.length > 1 && !args[1].startsWith("record=") ? Integer.parseInt(args[1]) : 3;
        Path record = null;
        for (String arg : args) {
            if (arg.startsWith("record=")) {
                record = Path.of(arg.substring("record=".length()));
            }
        }
        String classpath = Path.of(VariantJourneys.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .getPath())
                .toString();
        System.out.printf(
                Locale.ROOT,
                "%d repetitions of each pair, each variant measured with %d runs after %d warm-up calls%n",
                repetitions,
                runs,
                BenchmarkRequest.DEFAULT_WARMUP);
        System.out.println("| Pair | Repetition | Axis | Buggy: axis score (range) | Fixed: axis score (range) |"
                + " Buggy: quantity, median (range) | Fixed: quantity, median (range) | Buggy ÷ fixed |"
                + " Estimate buggy → fixed | Buggy worse? |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        int failures = 0;
        List<String> summary = new ArrayList<>();
        for (Pair pair : PAIRS) {
            List<Double> buggyQuantities = new ArrayList<>();
            List<Double> fixedQuantities = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            List<Double> buggyScores = new ArrayList<>();
            List<Double> fixedScores = new ArrayList<>();
            for (int repetition = 1; repetition <= repetitions; repetition++) {
                Path keep = repetition == 1 ? record : null;
                // Alternate which variant goes first, so that a slow phase of the machine does not favour one.
                BenchmarkResult buggy;
                BenchmarkResult fixed;
                if (repetition % 2 == 1) {
                    buggy = measure(pair, pair.buggy(), classpath, runs, keep);
                    fixed = measure(pair, pair.fixed(), classpath, runs, keep);
                } else {
                    fixed = measure(pair, pair.fixed(), classpath, runs, keep);
                    buggy = measure(pair, pair.buggy(), classpath, runs, keep);
                }
                double buggyScore = pair.score().applyAsDouble(buggy);
                double fixedScore = pair.score().applyAsDouble(fixed);
                boolean worse = buggyScore < fixedScore;
                failures += worse ? 0 : 1;
                double buggyQuantity = pair.quantity().applyAsDouble(buggy);
                double fixedQuantity = pair.quantity().applyAsDouble(fixed);
                double ratio = fixedQuantity == 0 ? Double.NaN : buggyQuantity / fixedQuantity;
                buggyQuantities.add(buggyQuantity);
                fixedQuantities.add(fixedQuantity);
                ratios.add(ratio);
                buggyScores.add(buggyScore);
                fixedScores.add(fixedScore);
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %d | %s | %.1f (%s) | %.1f (%s) | %s | %s | %.2f | %.1f → %.1f | %s |%n",
                        pair.name(),
                        repetition,
                        pair.axis(),
                        buggyScore,
                        axisRange(pair, buggy),
                        fixedScore,
                        axisRange(pair, fixed),
                        quantity(pair, buggy),
                        quantity(pair, fixed),
                        ratio,
                        buggy.estimate().score().median(),
                        fixed.estimate().score().median(),
                        worse ? "yes" : "NO");
            }
            summary.add(String.format(
                    Locale.ROOT,
                    "| %s | %s | %.1f (%.1f–%.1f) | %.1f (%.1f–%.1f) | %s | %s | %.2f (%.2f–%.2f) |",
                    pair.name(),
                    pair.axis(),
                    Spread.of(buggyScores).median(),
                    Spread.of(buggyScores).min(),
                    Spread.of(buggyScores).max(),
                    Spread.of(fixedScores).median(),
                    Spread.of(fixedScores).min(),
                    Spread.of(fixedScores).max(),
                    format(pair, Spread.of(buggyQuantities)),
                    format(pair, Spread.of(fixedQuantities)),
                    Spread.of(ratios).median(),
                    Spread.of(ratios).min(),
                    Spread.of(ratios).max()));
        }
        System.out.println();
        System.out.println("Over the repetitions, medians (min–max) of each repetition's medians:");
        System.out.println("| Pair | Axis | Buggy: axis score | Fixed: axis score | Buggy: quantity | Fixed: quantity |"
                + " Buggy ÷ fixed |");
        System.out.println("|---|---|---|---|---|---|---|");
        summary.forEach(System.out::println);
        System.out.println(
                failures == 0
                        ? "The buggy variant ranked worse on its axis in every repetition."
                        : failures + " repetition(s) did not rank the buggy variant worse on its axis.");
    }

    private static BenchmarkResult measure(Pair pair, String variant, String classpath, int runs, Path record)
            throws IOException, JourneyFailedException {
        Path recordings = record == null ? null : Files.createTempDirectory("ecobugs-journey");
        BenchmarkResult result =
                Benchmark.run(BenchmarkRequest.builder(pair.journey().getName())
                        .classpath(List.of(classpath))
                        .args(List.of(variant))
                        .runs(runs)
                        .warmup(BenchmarkRequest.DEFAULT_WARMUP)
                        .recordingsDir(recordings)
                        .build());
        if (record != null) {
            Files.createDirectories(record);
            Files.copy(
                    recordings.resolve("run-1.jfr"),
                    record.resolve(pair.name() + "-" + variant + ".jfr"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        return result;
    }

    private static String axisRange(Pair pair, BenchmarkResult result) {
        // The spread of the axis over the runs is that of the quantity it scores.
        Spread spread = pair.axis().equals("data")
                ? result.total().dataBytes()
                : result.total().itEnergyJ();
        return String.format(Locale.ROOT, "runs span %.0f %%", spread.relativeRange() * 100);
    }

    private static String format(Pair pair, Spread spread) {
        return pair.unit().equals("B")
                ? String.format(Locale.ROOT, "%,.0f B (%,.0f–%,.0f)", spread.median(), spread.min(), spread.max())
                : String.format(Locale.ROOT, "%.3f J (%.3f–%.3f)", spread.median(), spread.min(), spread.max());
    }

    private static String quantity(Pair pair, BenchmarkResult result) {
        Spread spread = pair.axis().equals("data")
                ? result.total().dataBytes()
                : result.total().itEnergyJ();
        List<String> parts = new ArrayList<>();
        for (double value : new double[] {spread.median(), spread.min(), spread.max()}) {
            parts.add(
                    pair.unit().equals("B")
                            ? String.format(Locale.ROOT, "%,.0f B", value)
                            : String.format(Locale.ROOT, "%.3f J", value));
        }
        return parts.get(0) + " (" + parts.get(1) + "–" + parts.get(2) + ")";
    }
}
