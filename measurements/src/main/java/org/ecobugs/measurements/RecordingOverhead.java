package org.ecobugs.measurements;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ecobugs.benchmark.Benchmark;
import org.ecobugs.benchmark.BenchmarkRequest;
import org.ecobugs.benchmark.BenchmarkResult;
import org.ecobugs.benchmark.JourneyFailedException;
import org.ecobugs.benchmark.Overhead;
import org.ecobugs.benchmark.Spread;

/**
 * What recording costs the journeys: each is run as often with the benchmark's recording as without it, alternated
 * run by run, and the medians of the measured call's wall time and process CPU time are compared:
 *
 * <pre>java -jar measurements/target/measurements.jar overhead [runs=10] [journey-before.jar]</pre>
 *
 * The journeys are both variants of the three pairs and, when its jar is given, the sample app's journey.
 */
final class RecordingOverhead {

    private RecordingOverhead() {}

    static void run(String[] args) throws IOException, JourneyFailedException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        String own = Path.of(RecordingOverhead.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .getPath())
                .toString();
        List<String[]> journeys = new ArrayList<>();
        for (VariantJourneys.Pair pair : VariantJourneys.PAIRS) {
            journeys.add(new String[] {pair.journey().getName(), own, pair.buggy()});
            journeys.add(new String[] {pair.journey().getName(), own, pair.fixed()});
        }
        if (args.length > 1) {
            journeys.add(new String[] {
                SampleBeforeAfter.JOURNEY, Path.of(args[1]).toAbsolutePath().toString(), null
            });
        }
        System.out.printf(
                Locale.ROOT,
                "Each journey run %d times with recording and %d times without, alternated, %d warm-up calls per JVM%n",
                runs,
                runs,
                BenchmarkRequest.DEFAULT_WARMUP);
        System.out.println("| Journey | Wall with, median (range) | Wall without, median (range) | Wall time added |"
                + " CPU with, median | CPU without, median | CPU time added |");
        System.out.println("|---|---|---|---|---|---|---|");
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (String[] journey : journeys) {
            BenchmarkRequest.Builder request = BenchmarkRequest.builder(journey[0])
                    .classpath(List.of(journey[1]))
                    .runs(runs)
                    .warmup(BenchmarkRequest.DEFAULT_WARMUP)
                    .measureOverhead(true);
            if (journey[2] != null) {
                request.args(List.of(journey[2]));
            }
            BenchmarkResult result = Benchmark.run(request.build());
            Overhead overhead = result.overhead();
            wall.add(overhead.wallPercent());
            cpu.add(overhead.cpuPercent());
            System.out.printf(
                    Locale.ROOT,
                    "| %s %s | %s | %s | %+.1f %% | %.0f ms | %.0f ms | %+.1f %% |%n",
                    journey[0].substring(journey[0].lastIndexOf('.') + 1),
                    journey[2] == null ? "" : journey[2],
                    millis(overhead.recordedWallMs()),
                    millis(overhead.unrecordedWallMs()),
                    overhead.wallPercent(),
                    overhead.recordedCpuMs().median(),
                    overhead.unrecordedCpuMs().median(),
                    overhead.cpuPercent());
        }
        Spread wallSpread = Spread.of(wall);
        Spread cpuSpread = Spread.of(cpu);
        System.out.printf(
                Locale.ROOT,
                "Over the journeys: wall time added %+.1f %% median (%+.1f to %+.1f %%), CPU time added %+.1f %% median"
                        + " (%+.1f to %+.1f %%)%n",
                wallSpread.median(),
                wallSpread.min(),
                wallSpread.max(),
                cpuSpread.median(),
                cpuSpread.min(),
                cpuSpread.max());
    }

    private static String millis(Spread spread) {
        return String.format(Locale.ROOT, "%.0f ms (%.0f–%.0f)", spread.median(), spread.min(), spread.max());
    }
}
