package org.ecobugs.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import jdk.jfr.Recording;
import org.ecobugs.benchmark.fixtures.TinyJourney;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the reader extracts from real recordings of {@link TinyJourney}, made once and kept as files: the values are
 * those of that one run, so nothing here depends on the speed of the machine the tests run on. Bytes and events are
 * exact; CPU time and samples are checked against what the journey does in each step.
 */
class RecordingReaderTest {

    private static final String JOURNEY = TinyJourney.class.getName();

    private final RunRecording run = Recordings.read(Recordings.WITH_STEPS);

    @Test
    void readsTheMeasuredCallAndTheMachine() {
        assertThat(run.mainClass()).isEqualTo(JOURNEY);
        assertThat(run.energySource()).isEqualTo(EnergySource.MODEL);
        assertThat(run.machine().hardwareThreads()).isPositive();
        assertThat(run.machine().jvm()).startsWith("OpenJDK 64-Bit Server VM 17.");
        assertThat(run.machine().os()).contains("Linux");
    }

    @Test
    void readsTheStepsInJourneyOrderAndWhatWasSpentOutsideThem() {
        assertThat(run.steps()).extracting(StepMeasures::name).containsExactly("spin", "exchange", "poll");
        assertThat(run.scoredSteps()).isEqualTo(run.steps());
        StepMeasures journey = run.journey();
        assertThat(journey.name()).isEqualTo(RunRecording.WHOLE_JOURNEY);
        long inSteps = run.steps().stream().mapToLong(StepMeasures::wallNanos).sum();
        assertThat(inSteps).isLessThanOrEqualTo(journey.wallNanos());
        assertThat(run.outsideSteps().name()).isEqualTo(RunRecording.OUTSIDE_STEPS);
        assertThat(run.outsideSteps().wallNanos()).isEqualTo(journey.wallNanos() - inSteps);
        // The journey sleeps 300 ms in spin and 5 × 20 ms in poll: each step lasts at least that.
        assertThat(step("spin").wallNanos()).isGreaterThanOrEqualTo(TinyJourney.SPIN_MS * 1_000_000);
        assertThat(step("poll").wallNanos())
                .isGreaterThanOrEqualTo(TinyJourney.POLLS * TinyJourney.POLL_MS * 1_000_000);
    }

    @Test
    void countsTheBytesOfEachStepExactly() {
        StepMeasures exchange = step("exchange");
        // The journey holds both ends of its loopback socket: 10,000 bytes one way and 2,500 back, each written once
        // and read once.
        assertThat(exchange.loopbackWritten()).isEqualTo(TinyJourney.REQUEST_BYTES + TinyJourney.RESPONSE_BYTES);
        assertThat(exchange.loopbackRead()).isEqualTo(TinyJourney.REQUEST_BYTES + TinyJourney.RESPONSE_BYTES);
        assertThat(exchange.socketWritten()).isZero();
        assertThat(exchange.socketRead()).isZero();
        assertThat(run.loopbackBothEnds()).isTrue();
        assertThat(exchange.bytesExchanged(true)).isEqualTo(12_500);
        assertThat(exchange.bytesExchanged(false)).isEqualTo(25_000);
        assertThat(exchange.fileWritten()).isEqualTo(TinyJourney.FILE_BYTES);
        assertThat(exchange.fileRead()).isEqualTo(TinyJourney.FILE_BYTES);
        for (String other : new String[] {"spin", "poll"}) {
            assertThat(step(other).bytesExchanged(true)).as(other).isZero();
            assertThat(step(other).fileWritten() + step(other).fileRead())
                    .as(other)
                    .isZero();
        }
        assertThat(run.journey().bytesExchanged(true)).isEqualTo(12_500);
    }

    @Test
    void countsTheSleepsOfEachStep() {
        assertThat(step("poll").sleeps()).isEqualTo(TinyJourney.POLLS);
        assertThat(step("spin").sleeps())
                .as("the thread that ends the spin sleeps once")
                .isEqualTo(1);
        assertThat(step("exchange").sleeps()).isZero();
        assertThat(run.journey().sleeps()).isEqualTo(TinyJourney.POLLS + 1);
    }

    @Test
    void findsTheSpinAsTheTopMethodAndTheCpuItBurnt() {
        StepMeasures spin = step("spin");
        // 15 CPU samples in the step: 14 in the spin, 1 in the recorder's own code.
        assertThat(spin.samples()).isEqualTo(15);
        assertThat(spin.selfSamples())
                .containsEntry(JOURNEY + ".spin", 14L)
                .containsEntry("java.util.HashMap.putVal", 1L)
                .hasSize(2);
        // A busy wait keeps a core busy for most of its wall time; the process's CPU time shows it.
        assertThat(spin.cpuNanos()).isGreaterThan(0.5 * spin.wallNanos()).isLessThan(2.0 * spin.wallNanos());
        assertThat(step("exchange").samples()).isZero();
        assertThat(step("poll").samples()).isZero();
        assertThat(run.journey().cpuNanos())
                .isCloseTo(
                        run.steps().stream().mapToDouble(StepMeasures::cpuNanos).sum()
                                + run.outsideSteps().cpuNanos(),
                        org.assertj.core.data.Offset.offset(1.0));
        assertThat(spin.allocatedBytes()).isPositive();
        assertThat(spin.raplJoules()).isNaN();
    }

    @Test
    void keepsTheFramesOfTheJourneysOwnCodeWithWhatWasSeenThere() {
        Map<FrameKey, FrameCounts> frames = step("spin").frames();
        assertThat(frames).containsEntry(new FrameKey(JOURNEY, "spin", 77), new FrameCounts(14, 0, 0, 0, 0));
        assertThat(frames).containsEntry(new FrameKey(JOURNEY, "main", 59), new FrameCounts(14, 0, 0, 0, 0));
        assertThat(frames).containsEntry(new FrameKey(JOURNEY, "release", 84), new FrameCounts(0, 1, 0, 0, 0));
        assertThat(frames.keySet())
                .extracting(FrameKey::className)
                .allSatisfy(name -> assertThat(name).isEqualTo(JOURNEY))
                .as("the JDK and the launcher are left out");

        Map<FrameKey, FrameCounts> exchange = step("exchange").frames();
        assertThat(exchange.get(new FrameKey(JOURNEY, "exchange", 97)).socketBytes())
                .isEqualTo(TinyJourney.REQUEST_BYTES);
        assertThat(exchange.get(new FrameKey(JOURNEY, "exchange", 99)).socketBytes())
                .isEqualTo(TinyJourney.RESPONSE_BYTES);
        assertThat(exchange.get(new FrameKey(JOURNEY, "writeAndRead", 118)).fileBytes())
                .isEqualTo(TinyJourney.FILE_BYTES);
        assertThat(step("poll").frames())
                .containsEntry(new FrameKey(JOURNEY, "poll", 128), new FrameCounts(0, 5, 0, 0, 0));
    }

    @Test
    void aJourneyWithoutStepsIsOneStep() {
        RunRecording plain = Recordings.read(Recordings.WITHOUT_STEPS);

        assertThat(plain.steps()).isEmpty();
        assertThat(plain.outsideSteps()).isNull();
        assertThat(plain.scoredSteps()).containsExactly(plain.journey());
        StepMeasures journey = plain.journey();
        assertThat(journey.loopbackWritten()).isEqualTo(12_500);
        assertThat(journey.fileWritten()).isEqualTo(TinyJourney.FILE_BYTES);
        assertThat(journey.sleeps()).isEqualTo(TinyJourney.POLLS + 1);
        assertThat(journey.selfSamples()).containsExactly(Map.entry(JOURNEY + ".spin", 12L));
    }

    @Test
    void aRecordingWithoutTheMeasuredCallIsRejected(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("other.jfr");
        try (Recording recording = new Recording()) {
            recording.start();
            recording.stop();
            recording.dump(file);
        }
        assertThatThrownBy(() -> RecordingReader.read(file, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds no ecobugs.Journey event");
    }

    @Test
    void tellsLoopbackJourneyFilesAndPlatformClassesApart() {
        assertThat(RecordingReader.isLoopback("127.0.0.1")).isTrue();
        assertThat(RecordingReader.isLoopback("/127.0.1.1")).isTrue();
        assertThat(RecordingReader.isLoopback("::1")).isTrue();
        assertThat(RecordingReader.isLoopback("localhost")).isTrue();
        assertThat(RecordingReader.isLoopback("10.0.0.7")).isFalse();
        assertThat(RecordingReader.isLoopback(null)).isFalse();

        assertThat(RecordingReader.isJourneyFile("export/summary.json")).isTrue();
        assertThat(RecordingReader.isJourneyFile("lib/app.jar")).isFalse();
        assertThat(RecordingReader.isJourneyFile("org/x/A.class")).isFalse();
        assertThat(RecordingReader.isJourneyFile("/proc/self/stat")).isFalse();
        assertThat(RecordingReader.isJourneyFile("")).isFalse();

        assertThat(RecordingReader.isPlatformClass("java.net.Socket")).isTrue();
        assertThat(RecordingReader.isPlatformClass("org.ecobugs.benchmark.launch.JourneyLauncher"))
                .isTrue();
        assertThat(RecordingReader.isPlatformClass("org.x.Poller$$Lambda$14/0x0000"))
                .isTrue();
        assertThat(RecordingReader.isPlatformClass("org.x.Poller")).isFalse();
    }

    @Test
    void namesTheMachineFromJfrsLongStrings() {
        assertThat(
                        RecordingReader.osName(
                                "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=Debian\nuname: Linux 6.1.0-9 #1 SMP x86_64"))
                .isEqualTo("Debian GNU/Linux 12 (bookworm), Linux 6.1.0-9");
        assertThat(RecordingReader.jvmName(
                        "OpenJDK 64-Bit Server VM", "OpenJDK 64-Bit Server VM (17.0.15+6) for linux"))
                .isEqualTo("OpenJDK 64-Bit Server VM 17.0.15+6");
        assertThat(RecordingReader.cpuName("Brand: AMD EPYC 7B13, Vendor: AuthenticAMD", "Intel"))
                .isEqualTo("AMD EPYC 7B13");
        assertThat(RecordingReader.cpuName("", "AMD64\nmore")).isEqualTo("AMD64");
    }

    private StepMeasures step(String name) {
        return run.steps().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
