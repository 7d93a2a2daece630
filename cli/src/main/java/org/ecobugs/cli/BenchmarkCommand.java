package org.ecobugs.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ecobugs.benchmark.Benchmark;
import org.ecobugs.benchmark.BenchmarkJson;
import org.ecobugs.benchmark.BenchmarkRequest;
import org.ecobugs.benchmark.BenchmarkResult;
import org.ecobugs.benchmark.BenchmarkText;
import org.ecobugs.benchmark.EstimateChange;
import org.ecobugs.benchmark.ImpactModel;
import org.ecobugs.benchmark.JourneyFailedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecobugs benchmark}: measures a journey under Java Flight Recorder and prints the estimate. */
@Command(
        name = "benchmark",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs a journey's main in forked JVMs under Java Flight Recorder and reports, per step and in total, wall"
                    + " time, CPU time, energy, bytes exchanged, the top methods, and ecobugs' estimate on the same"
                    + " axes as the ANS écoscore (not the ANS écoscore).",
            "Exit status: 0 when measured, 1 when the estimate dropped from the baseline by more than --max-drop,"
                    + " 2 on bad usage or when the journey fails."
        })
final class BenchmarkCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--classpath",
            required = true,
            paramLabel = "CP",
            description = "The journey's class path, separated by '${sys:path.separator}' (dir/* takes every jar of"
                    + " dir).")
    String classpath;

    @Option(names = "--main", required = true, paramLabel = "CLASS", description = "The journey's main class.")
    String mainClass;

    @Option(
            names = "--args",
            arity = "1..*",
            paramLabel = "ARG",
            description = "Arguments of the journey's main (write --args=-x for one that starts with a dash).")
    List<String> args = new ArrayList<>();

    @Option(
            names = "--runs",
            paramLabel = "N",
            description = "Measured runs, each in a new JVM (default: ${DEFAULT-VALUE}).")
    int runs = 5;

    @Option(
            names = "--warmup",
            paramLabel = "N",
            description = "Calls of main before the measured one in each JVM (default: ${DEFAULT-VALUE}).")
    int warmup = BenchmarkRequest.DEFAULT_WARMUP;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the measurement as JSON to FILE.")
    Path output;

    @Option(
            names = "--baseline",
            paramLabel = "FILE",
            description = "A previous measurement (JSON): shows the change per axis.")
    Path baseline;

    @Option(
            names = "--max-drop",
            paramLabel = "POINTS",
            description = "With --baseline, exit 1 when the estimate dropped by more than POINTS.")
    Double maxDrop;

    @Option(
            names = "--overhead",
            description = "Also run the journey as often without recording, alternated, and report what recording"
                    + " costs.")
    boolean overhead;

    @Option(names = "--cpu-power", paramLabel = "NAME|W", description = "Watts per vCPU: " + ImpactModel.CPU_HELP + ".")
    String cpuPower = "aws";

    @Option(
            names = "--data-energy",
            paramLabel = "NAME|KWH",
            description = "Energy per GB exchanged: " + ImpactModel.DATA_HELP + ".")
    String dataEnergy = "swd-v4";

    @Option(
            names = "--grid",
            paramLabel = "NAME|G",
            description = "Grid carbon intensity: " + ImpactModel.GRID_HELP + ".")
    String grid = "fr";

    @Option(names = "--no-rapl", description = "Model the energy from CPU time even where RAPL is readable.")
    boolean noRapl;

    @Option(
            names = "--java",
            paramLabel = "PATH",
            description = "The java executable of the forked JVMs (default: this one's).")
    Path java = BenchmarkRequest.currentJava();

    @Option(names = "--jvm-arg", paramLabel = "OPTION", description = "An option of the forked JVMs, repeatable.")
    List<String> jvmArgs = new ArrayList<>();

    @Option(
            names = "--recordings",
            paramLabel = "DIR",
            description = "Keep the recordings and the journey's output in DIR (default: a temporary directory).")
    Path recordings;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            description = "The longest one run may take (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds = 600;

    @Option(
            names = {"-q", "--quiet"},
            description = "Print nothing but errors and the estimate line.")
    boolean quiet;

    @Override
    public Integer call() {
        if (maxDrop != null && baseline == null) {
            throw new UsageException("--max-drop needs --baseline");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BenchmarkResult previous = baseline == null ? null : read(baseline);
        List<String> entries = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(entry);
            }
        }
        BenchmarkRequest request = BenchmarkRequest.builder(mainClass)
                .classpath(entries)
                .args(args)
                .runs(runs)
                .warmup(warmup)
                .java(java)
                .jvmArgs(jvmArgs)
                .measureOverhead(overhead)
                .recordingsDir(recordings)
                .model(ImpactModel.of(cpuPower, dataEnergy, grid))
                .useRapl(!noRapl)
                .timeout(Duration.ofSeconds(timeoutSeconds))
                .progress(
                        quiet
                                ? null
                                : message -> {
                                    err.println("ecobugs benchmark: " + message);
                                    err.flush();
                                })
                .build();
        BenchmarkResult result;
        try {
            result = Benchmark.run(request);
        } catch (JourneyFailedException e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EstimateChange change = previous == null ? null : new EstimateChange(previous, result);
        if (quiet) {
            out.println(BenchmarkText.summaryLine(result));
        } else {
            out.print(BenchmarkText.render(result, change));
        }
        if (output != null) {
            try {
                BenchmarkJson.write(result, output);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + output + ": " + e, e);
            }
            if (!quiet) {
                out.println("Measurement written to " + output + ".");
            }
        }
        out.flush();
        if (change != null && maxDrop != null && change.droppedMoreThan(maxDrop)) {
            err.printf(
                    Locale.ROOT,
                    "ecobugs: the estimate dropped by %.1f points from the baseline, more than the %.1f allowed%n",
                    -change.estimate(),
                    maxDrop);
            return ExitCodes.FINDINGS;
        }
        return ExitCodes.CLEAN;
    }

    static BenchmarkResult read(Path file) {
        try {
            return BenchmarkJson.read(file);
        } catch (IOException e) {
            throw new UsageException("Cannot read " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
