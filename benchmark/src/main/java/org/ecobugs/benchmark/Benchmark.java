package org.ecobugs.benchmark;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ecobugs.benchmark.launch.JourneyLauncher;

/**
 * The one entry point of the runtime benchmark: runs a journey's {@code main} in forked JVMs under Java Flight
 * Recorder (built into the JDK: no agent), reads the recordings, and returns medians and ranges per step with the
 * estimate on the same axes as the ANS écoscore. Each measured run is a new JVM in which {@code main} is first called for the warm-up runs; with
 * {@link BenchmarkRequest#measureOverhead()} every recorded run is paired with one without recording, in alternating
 * order, to measure what recording costs.
 */
public final class Benchmark {

    static final String SETTINGS_RESOURCE = "ecobugs.jfc";

    private Benchmark() {}

    /**
     * Measures a journey.
     *
     * @throws JourneyFailedException when a run fails (the JVM does not start, main throws or does not return in time)
     * @throws IOException when the recordings cannot be written or read
     */
    public static BenchmarkResult run(BenchmarkRequest request) throws IOException, JourneyFailedException {
        boolean temporary = request.recordingsDir() == null;
        Path work = temporary
                ? Files.createTempDirectory("ecobugs-benchmark")
                : Files.createDirectories(request.recordingsDir().toAbsolutePath());
        try {
            if (work.toString().contains(",")) {
                throw new IOException("The recordings directory " + work
                        + " holds a comma, which the JVM's recording option cannot take; choose another");
            }
            Path launcher = extractLauncher(work.resolve("launcher"));
            Path settings = work.resolve(SETTINGS_RESOURCE);
            copyResource(SETTINGS_RESOURCE, settings);
            Optional<Rapl> rapl = request.useRapl() ? Rapl.find() : Optional.empty();

            List<RunRecording> runs = new ArrayList<>();
            List<Properties> recorded = new ArrayList<>();
            List<Properties> unrecorded = new ArrayList<>();
            int forks = request.runs() * (request.measureOverhead() ? 2 : 1);
            int fork = 0;
            for (int run = 1; run <= request.runs(); run++) {
                boolean unrecordedFirst = request.measureOverhead() && run % 2 == 0;
                if (unrecordedFirst) {
                    request.progress().accept("run " + ++fork + "/" + forks + " (without recording)");
                    unrecorded.add(fork(request, work, launcher, settings, rapl, "plain-" + run, false));
                }
                request.progress().accept("run " + ++fork + "/" + forks);
                recorded.add(fork(request, work, launcher, settings, rapl, "run-" + run, true));
                runs.add(RecordingReader.read(
                        work.resolve("run-" + run + ".jfr"),
                        rapl.map(Rapl::maxRangeMicrojoules).orElse(0L),
                        platformDirectories(request.java())));
                if (request.measureOverhead() && !unrecordedFirst) {
                    request.progress().accept("run " + ++fork + "/" + forks + " (without recording)");
                    unrecorded.add(fork(request, work, launcher, settings, rapl, "plain-" + run, false));
                }
            }
            Overhead overhead = request.measureOverhead()
                    ? new Overhead(
                            request.runs(),
                            spread(recorded, "wallNanos"),
                            spread(unrecorded, "wallNanos"),
                            spread(recorded, "processCpuNanos"),
                            spread(unrecorded, "processCpuNanos"))
                    : null;
            BenchmarkResult.Journey journey =
                    new BenchmarkResult.Journey(request.mainClass(), request.args(), request.runs(), request.warmup());
            return BenchmarkResult.of(journey, runs, request.model(), overhead);
        } finally {
            if (temporary) {
                deleteRecursively(work);
            }
        }
    }

    /**
     * The directories of the forked JVM's JDK, as its file events may name them: its home, and where the files of its
     * configuration directory lead.
     */
    static List<String> platformDirectories(Path java) {
        List<String> directories = new ArrayList<>();
        Path executable;
        try {
            // /usr/bin/java is often a link: its real place is in the JDK.
            executable = java.toRealPath();
        } catch (IOException e) {
            return directories;
        }
        Path bin = executable.getParent();
        Path home = bin == null ? null : bin.getParent();
        if (home == null || home.getParent() == null) {
            return directories;
        }
        directories.add(home.toString());
        // Some distributions link each configuration file to a directory of their own (Debian: /etc/java-17-openjdk).
        try (Stream<Path> files = Files.walk(home.resolve("conf"))) {
            for (Path file : files.toList()) {
                Path parent = file.toRealPath().getParent();
                if (parent != null && !parent.startsWith(home) && !directories.contains(parent.toString())) {
                    directories.add(parent.toString());
                }
            }
        } catch (IOException e) {
            // No configuration directory, or a link that leads nowhere: nothing more to leave out.
        }
        return directories;
    }

    /** The launcher's classes, copied out of ecobugs into a directory that goes first on the journey's class path. */
    static Path extractLauncher(Path directory) throws IOException {
        for (String name : JourneyLauncher.CLASS_FILES) {
            Path target = directory.resolve(name);
            Files.createDirectories(target.getParent());
            try (InputStream in = JourneyLauncher.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("Missing launcher class " + name);
                }
                Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return directory;
    }

    /** The recording settings, for a JVM that records as the benchmark does. */
    public static String settings() {
        try (InputStream in = Benchmark.class.getResourceAsStream(SETTINGS_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties fork(
            BenchmarkRequest request,
            Path work,
            Path launcher,
            Path settings,
            Optional<Rapl> rapl,
            String name,
            boolean record)
            throws IOException, JourneyFailedException {
        Path result = work.resolve(name + ".result");
        Path log = work.resolve(name + ".log");
        Files.deleteIfExists(result);
        List<String> command = new ArrayList<>();
        command.add(request.java().toString());
        command.addAll(request.jvmArgs());
        if (record) {
            command.add("-XX:StartFlightRecording=filename=" + work.resolve(name + ".jfr") + ",settings=" + settings
                    + ",dumponexit=true");
            command.add("-D" + JourneyLauncher.RECORDED_PROPERTY + "=true");
            rapl.ifPresent(r -> command.add("-D" + JourneyLauncher.RAPL_PROPERTY + "=" + r.energyFile()));
        }
        command.add("-cp");
        List<String> classpath = new ArrayList<>();
        classpath.add(launcher.toString());
        classpath.addAll(request.classpath());
        command.add(String.join(File.pathSeparator, classpath));
        command.add(JourneyLauncher.class.getName());
        command.add(result.toString());
        command.add(Integer.toString(request.warmup()));
        command.add(request.mainClass());
        command.addAll(request.args());

        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        // A benchmark stopped from outside (Ctrl-C, a killed build) must not leave its journey running.
        Thread stopJourney = new Thread(process::destroyForcibly, "ecobugs-benchmark-stop");
        Runtime.getRuntime().addShutdownHook(stopJourney);
        try {
            if (!process.waitFor(request.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                throw new JourneyFailedException("The journey " + request.mainClass() + " did not finish within "
                        + request.timeout().toSeconds() + " s" + tail(log));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new JourneyFailedException("Interrupted while the journey ran");
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopJourney);
            } catch (IllegalStateException e) {
                // The JVM is shutting down: the hook runs.
            }
        }
        int exit = process.exitValue();
        if (exit != 0 || !Files.isRegularFile(result)) {
            String why = switch (exit) {
                case JourneyLauncher.JOURNEY_FAILED -> "its main threw";
                case JourneyLauncher.NO_MAIN -> "its main class or method was not found";
                case 0 -> "its main did not return (System.exit in the journey?)";
                default -> "its JVM exited with status " + exit;
            };
            throw new JourneyFailedException("The journey " + request.mainClass() + " failed: " + why + tail(log));
        }
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(result, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> last = lines.subList(Math.max(0, lines.size() - 20), lines.size());
            return last.isEmpty() ? "" : "; its output ended with:\n" + String.join("\n", last);
        } catch (IOException e) {
            return "";
        }
    }

    private static Spread spread(List<Properties> results, String key) {
        List<Double> millis = new ArrayList<>();
        for (Properties result : results) {
            millis.add(Long.parseLong(result.getProperty(key, "0")) / 1e6);
        }
        return Spread.of(millis);
    }

    private static void copyResource(String name, Path target) throws IOException {
        try (InputStream in = Benchmark.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // A leftover temporary file is not worth failing a measurement for.
                }
            });
        } catch (IOException e) {
            // same
        }
    }
}
