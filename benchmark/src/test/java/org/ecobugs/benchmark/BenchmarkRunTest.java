package org.ecobugs.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.ecobugs.benchmark.fixtures.TinyJourney;
import org.junit.jupiter.api.Test;

/**
 * The whole benchmark on {@link TinyJourney}: forked JVMs, the launcher, the shipped settings, the reader. What the
 * journey does is known exactly (bytes, files, sleeps), so that is what is checked; nothing is timed.
 */
class BenchmarkRunTest {

    private static BenchmarkRequest.Builder request() {
        try {
            Path classes = Path.of(TinyJourney.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return BenchmarkRequest.builder(TinyJourney.class.getName())
                    .classpath(List.of(classes.toString()))
                    .runs(1)
                    .warmup(0)
                    .timeout(Duration.ofMinutes(2));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void measuresTheJourneyInAForkedJvmAndTheCostOfRecording() throws Exception {
        BenchmarkResult result = Benchmark.run(request().measureOverhead(true).build());

        assertThat(result.steps()).extracting(StepResult::name).containsExactly("spin", "exchange", "poll");
        StepResult exchange = result.steps().get(1);
        assertThat(exchange.dataBytes().median()).isEqualTo(12_500);
        assertThat(exchange.fileBytesWritten().median()).isEqualTo(TinyJourney.FILE_BYTES);
        assertThat(exchange.fileBytesRead().median()).isEqualTo(TinyJourney.FILE_BYTES);
        assertThat(result.steps().get(2).sleeps().median()).isEqualTo(TinyJourney.POLLS);
        assertThat(result.loopbackBothEnds()).isTrue();
        assertThat(result.total().cpuMs().median()).isPositive();
        assertThat(result.overhead().runs()).isEqualTo(1);
        assertThat(result.overhead().unrecordedWallMs().median()).isPositive();
        assertThat(result.energySource()).isIn(EnergySource.MODEL, EnergySource.RAPL);
        assertThat(result.machine().jvm()).isNotEqualTo("unknown");
    }

    @Test
    void theJdksOwnFilesAreThePlatformsNotTheJourneys() throws Exception {
        List<String> directories = Benchmark.platformDirectories(BenchmarkRequest.currentJava());

        Path home = Path.of(System.getProperty("java.home")).toRealPath();
        assertThat(directories).contains(home.toString());
        assertThat(directories)
                .allSatisfy(d -> assertThat(Path.of(d)).isAbsolute().isDirectory());
        assertThat(Benchmark.platformDirectories(Path.of("no-such-java"))).isEmpty();
    }

    @Test
    void aJourneyThatCannotRunIsReportedWithWhy() {
        assertThatThrownBy(() -> Benchmark.run(BenchmarkRequest.builder("org.example.Missing")
                        .classpath(List.of("."))
                        .runs(1)
                        .warmup(0)
                        .build()))
                .isInstanceOf(JourneyFailedException.class)
                .hasMessageStartingWith(
                        "The journey org.example.Missing failed: its main class or method was not found");
    }
}
