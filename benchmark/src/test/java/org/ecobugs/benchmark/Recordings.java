package org.ecobugs.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.ecobugs.benchmark.fixtures.TinyJourney;

/** The recorded fixtures of {@link TinyJourney} (see {@link RecordFixtures}) and what the tests build from them. */
final class Recordings {

    /** The journey with its three steps: spin, exchange, poll. */
    static final String WITH_STEPS = "tiny-journey.jfr";
    /** The same journey marking no step. */
    static final String WITHOUT_STEPS = "tiny-journey-no-steps.jfr";

    private Recordings() {}

    static Path path(String name) {
        try {
            return Path.of(Recordings.class.getResource("recordings/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static RunRecording read(String name) {
        try {
            return RecordingReader.read(path(name), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recording with steps as a one-run benchmark under the default model. */
    static BenchmarkResult tinyBenchmark() {
        return BenchmarkResult.of(
                new BenchmarkResult.Journey(TinyJourney.class.getName(), List.of(), 1, 0),
                List.of(read(WITH_STEPS)),
                ImpactModel.defaults(),
                null);
    }

    /** The source of the journey, for findings joined to the recording's frames. */
    static Path journeySource() {
        return Path.of(System.getProperty("ecobugs.repo.dir"))
                .resolve("benchmark/src/test/java/org/ecobugs/benchmark/fixtures/TinyJourney.java")
                .toAbsolutePath()
                .normalize();
    }
}
