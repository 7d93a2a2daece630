package org.ecobugs.measurements;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.ecobugs.benchmark.Benchmark;
import org.ecobugs.benchmark.BenchmarkRequest;
import org.ecobugs.benchmark.BenchmarkResult;
import org.ecobugs.benchmark.JourneyFailedException;
import org.ecobugs.benchmark.Spread;

/**
 * The sample health app's journey against the app and against its fixed twin, measured side by side in one run,
 * alternating which goes first, and the change of the estimate and of what it spent:
 *
 * <pre>java -jar measurements/target/measurements.jar sample &lt;journey-before.jar&gt; &lt;journey-after.jar&gt;
 *     [repetitions=3] [runs=3]</pre>
 *
 * The jars are {@code test-fixtures/sample-journey/target/journey-before.jar} and {@code journey-after.jar}.
 */
final class SampleBeforeAfter {

    static final String JOURNEY = "org.ecobugs.sample.journey.SampleJourney";

    private SampleBeforeAfter() {}

    static void run(String[] args) throws IOException, JourneyFailedException {
        if (args.length < 2) {
            throw new IllegalArgumentException(
                    "usage: sample <journey-before.jar> <journey-after.jar> [repetitions]" + " [runs]");
        }
        Path before = Path.of(args[0]);
        Path after = Path.of(args[1]);
        int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        System.out.printf(
                Locale.ROOT,
                "%d repetitions, each measuring the journey against the app and its fixed twin with %d runs after %d"
                        + " warm-up calls, alternating which goes first%n",
                repetitions,
                runs,
                BenchmarkRequest.DEFAULT_WARMUP);
        System.out.println("| Repetition | Estimate before (range) | Estimate after (range) | Time axis | Energy axis"
                + " | Data axis | IT energy | Data exchanged | CO2e |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        List<BenchmarkResult> befores = new ArrayList<>();
        List<BenchmarkResult> afters = new ArrayList<>();
        int better = 0;
        for (int repetition = 1; repetition <= repetitions; repetition++) {
            BenchmarkResult b;
            BenchmarkResult a;
            if (repetition % 2 == 1) {
                b = measure(before, runs);
                a = measure(after, runs);
            } else {
                a = measure(after, runs);
                b = measure(before, runs);
            }
            befores.add(b);
            afters.add(a);
            better += a.estimate().score().median() > b.estimate().score().median() ? 1 : 0;
            System.out.printf(
                    Locale.ROOT,
                    "| %d | %.1f (%.1f–%.1f) | %.1f (%.1f–%.1f) | %.1f → %.1f | %.1f → %.1f | %.1f → %.1f |"
                            + " %.3f J → %.3f J | %,.0f B → %,.0f B | %.0f µg → %.0f µg |%n",
                    repetition,
                    b.estimate().score().median(),
                    b.estimate().score().min(),
                    b.estimate().score().max(),
                    a.estimate().score().median(),
                    a.estimate().score().min(),
                    a.estimate().score().max(),
                    b.estimate().axes().time(),
                    a.estimate().axes().time(),
                    b.estimate().axes().energy(),
                    a.estimate().axes().energy(),
                    b.estimate().axes().data(),
                    a.estimate().axes().data(),
                    b.total().itEnergyJ().median(),
                    a.total().itEnergyJ().median(),
                    b.total().dataBytes().median(),
                    a.total().dataBytes().median(),
                    b.total().co2eGrams().median() * 1e6,
                    a.total().co2eGrams().median() * 1e6);
        }
        System.out.println();
        System.out.println("Over the repetitions, medians (min–max) of each repetition's medians:");
        System.out.println("| Quantity | Before | After | After ÷ before |");
        System.out.println("|---|---|---|---|");
        row("estimate", befores, afters, r -> r.estimate().score().median(), "%.1f");
        row("time axis", befores, afters, r -> r.estimate().axes().time(), "%.1f");
        row("energy axis", befores, afters, r -> r.estimate().axes().energy(), "%.1f");
        row("data axis", befores, afters, r -> r.estimate().axes().data(), "%.1f");
        row("wall time (ms)", befores, afters, r -> r.total().wallMs().median(), "%.0f");
        row("CPU time (ms)", befores, afters, r -> r.total().cpuMs().median(), "%.0f");
        row("IT energy (J)", befores, afters, r -> r.total().itEnergyJ().median(), "%.3f");
        row("data exchanged (B)", befores, afters, r -> r.total().dataBytes().median(), "%,.0f");
        row("wake-ups", befores, afters, r -> r.total().sleeps().median(), "%.0f");
        row("CO2e (µg)", befores, afters, r -> r.total().co2eGrams().median() * 1e6, "%.0f");
        System.out.println(
                better == repetitions
                        ? "The estimate was better after the fixes in every repetition."
                        : (repetitions - better) + " repetition(s) did not show a better estimate after the fixes.");
    }

    private static void row(
            String name,
            List<BenchmarkResult> before,
            List<BenchmarkResult> after,
            ToDoubleFunction<BenchmarkResult> value,
            String format) {
        Spread b = Spread.of(before.stream().map(value::applyAsDouble).toList());
        Spread a = Spread.of(after.stream().map(value::applyAsDouble).toList());
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            double denominator = value.applyAsDouble(before.get(i));
            ratios.add(denominator == 0 ? Double.NaN : value.applyAsDouble(after.get(i)) / denominator);
        }
        Spread r = Spread.of(ratios);
        System.out.printf(
                Locale.ROOT,
                "| %s | %s (%s–%s) | %s (%s–%s) | %.2f (%.2f–%.2f) |%n",
                name,
                String.format(Locale.ROOT, format, b.median()),
                String.format(Locale.ROOT, format, b.min()),
                String.format(Locale.ROOT, format, b.max()),
                String.format(Locale.ROOT, format, a.median()),
                String.format(Locale.ROOT, format, a.min()),
                String.format(Locale.ROOT, format, a.max()),
                r.median(),
                r.min(),
                r.max());
    }

    private static BenchmarkResult measure(Path jar, int runs) throws IOException, JourneyFailedException {
        return Benchmark.run(BenchmarkRequest.builder(JOURNEY)
                .classpath(List.of(jar.toAbsolutePath().toString()))
                .runs(runs)
                .warmup(BenchmarkRequest.DEFAULT_WARMUP)
                .build());
    }
}
