package org.ecobugs.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.ecobugs.benchmark.fixtures.TinyJourney;
import org.ecobugs.benchmark.launch.RecordingLauncher;

/**
 * Records the JFR fixtures the tests read: {@link TinyJourney} run once in a new JVM through the benchmark's launcher
 * and under its shipped settings, without a warm-up call, with and without steps. The recording starts once the
 * journey's and the launcher's classes are loaded ({@link RecordingLauncher}), so that it holds no read of a class file, whose
 * path would name the machine it was made on; every other path it may hold is relative. Run from the {@code benchmark}
 * directory after {@code mvn test-compile}:
 *
 * <pre>java -cp target/classes:target/test-classes org.ecobugs.benchmark.RecordFixtures \
 *     src/test/resources/org/ecobugs/benchmark/recordings</pre>
 */
public final class RecordFixtures {

    private RecordFixtures() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Path output = Path.of(args.length > 0 ? args[0] : "src/test/resources/org/ecobugs/benchmark/recordings");
        Path work = Files.createDirectories(Path.of("target", "fixture-recording"));
        Benchmark.extractLauncher(work.resolve("launcher"));
        try (InputStream settings = Benchmark.class.getResourceAsStream(Benchmark.SETTINGS_RESOURCE)) {
            Files.copy(settings, work.resolve(Benchmark.SETTINGS_RESOURCE), StandardCopyOption.REPLACE_EXISTING);
        }
        String testClasses = work.toAbsolutePath()
                .relativize(Path.of("target", "test-classes").toAbsolutePath())
                .toString();
        Files.createDirectories(output);
        record(work, testClasses, "tiny-journey", List.of(), output);
        record(work, testClasses, "tiny-journey-no-steps", List.of("no-steps"), output);
    }

    private static void record(Path work, String testClasses, String name, List<String> journeyArgs, Path output)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                BenchmarkRequest.currentJava().toString(),
                "-cp",
                "launcher" + java.io.File.pathSeparator + testClasses,
                RecordingLauncher.class.getName(),
                Benchmark.SETTINGS_RESOURCE,
                name + ".jfr",
                name + ".result",
                TinyJourney.class.getName()));
        command.addAll(journeyArgs);
        Process process =
                new ProcessBuilder(command).directory(work.toFile()).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(name + ": the journey failed with status " + process.exitValue());
        }
        Files.copy(work.resolve(name + ".jfr"), output.resolve(name + ".jfr"), StandardCopyOption.REPLACE_EXISTING);
        System.out.println(output.resolve(name + ".jfr") + ": " + Files.size(output.resolve(name + ".jfr")) + " bytes");
    }
}
