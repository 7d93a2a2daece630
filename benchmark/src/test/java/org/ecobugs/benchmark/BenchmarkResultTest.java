package org.ecobugs.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs aggregated into a result: medians and ranges, energy and CO2e per step from the model, the scores, where to
 * start, and the change from a baseline. Runs are built with known quantities, and the recorded fixture is scored as
 * the model says.
 */
class BenchmarkResultTest {

    private static final ImpactModel MODEL = ImpactModel.defaults();
    private static final double JOULES_PER_KWH = 3_600_000;

    @Test
    void takesTheMedianAndTheRangeOfEachQuantityOverTheRuns() {
        BenchmarkResult result = result(
                run(step("load", 1.0, 0.2, 100_000), step("save", 0.5, 0.1, 300_000)),
                run(step("load", 3.0, 0.6, 100_000), step("save", 0.5, 0.3, 300_000)),
                run(step("load", 2.0, 0.4, 100_000), step("save", 0.5, 0.2, 300_000)));

        assertThat(result.steps()).extracting(StepResult::name).containsExactly("load", "save");
        StepResult load = result.steps().get(0);
        assertThat(load.wallMs()).isEqualTo(new Spread(2000, 1000, 3000));
        assertThat(load.cpuMs()).isEqualTo(new Spread(400, 200, 600));
        // IT energy: CPU seconds × 3.5 W per vCPU.
        assertThat(load.itEnergyJ().median()).isCloseTo(1.4, within(1e-12));
        assertThat(load.itEnergyJ().min()).isCloseTo(0.7, within(1e-12));
        assertThat(load.itEnergyJ().max()).isCloseTo(2.1, within(1e-12));
        assertThat(load.dataBytes()).isEqualTo(new Spread(100_000, 100_000, 100_000));
        assertThat(load.dataEnergyJ().median()).isCloseTo(100_000 / 1e9 * 0.114 * JOULES_PER_KWH, within(1e-9));
        assertThat(load.co2eGrams().median()).isCloseTo((1.4 * 1.135 + 41.04) / JOULES_PER_KWH * 44.18, within(1e-12));
        assertThat(result.journey().runs()).isEqualTo(3);
    }

    @Test
    void scoresEachRunThenTakesTheMedianOfEachAxisAndOfTheEstimate() {
        BenchmarkResult result =
                result(run(step("a", 1.0, 0.5, 0)), run(step("a", 2.0, 1.0, 1_000_000)), run(step("a", 4.0, 2.0, 0)));

        // Each axis takes its own median over the runs: time 25 (2 s) and energy 50 (3.5 J) from run 2, data 100 from
        // runs 1 and 3; the estimate is the median of the runs' estimates.
        assertThat(result.estimate().axes().time()).isEqualTo(25.0);
        assertThat(result.estimate().axes().energy()).isEqualTo(50.0);
        assertThat(result.estimate().axes().data()).isEqualTo(100.0);
        List<Double> estimates = new ArrayList<>();
        estimates.add((50 + 100 * Math.pow(2, -0.5) + 100) / 3);
        estimates.add((25 + 50 + 50) / 3.0);
        estimates.add((6.25 + 25 + 100) / 3);
        assertThat(result.estimate().score().min()).isCloseTo(estimates.get(1), within(1e-9));
        assertThat(result.estimate().score().median()).isCloseTo(estimates.get(2), within(1e-9));
        assertThat(result.estimate().score().max()).isCloseTo(estimates.get(0), within(1e-9));
    }

    @Test
    void namesTheStepsWithTheLargestShareOfEnergyAndOfDataFirst() {
        BenchmarkResult result = result(run(step("search", 0.2, 0.05, 900_000), step("render", 0.8, 0.45, 100_000)));

        assertThat(result.byEnergy()).extracting(StepResult::name).containsExactly("render", "search");
        assertThat(result.byData()).extracting(StepResult::name).containsExactly("search", "render");
        assertThat(result.energyShare(result.byEnergy().get(0))).isCloseTo(0.9, within(1e-9));
        assertThat(result.dataShare(result.byData().get(0))).isCloseTo(0.9, within(1e-9));
        assertThat(BenchmarkText.whereToStart(result))
                .isEqualTo("Where to start: \"render\" carries 90 % of the IT energy; \"search\" carries 90 % of the"
                        + " data exchanged.\n");
    }

    @Test
    void countsLoopbackOnceWhenTheJourneyHoldsBothEnds() {
        StepMeasures both = new StepMeasures(
                "s", 1_000_000_000, 0, Double.NaN, 0, 0, 0, 5_000, 5_000, 0, 0, 0, 0, Map.of(), Map.of());
        BenchmarkResult result =
                result(new RunRecording("J", both, List.of(), null, EnergySource.MODEL, RunRecording.Machine.UNKNOWN));

        assertThat(result.loopbackBothEnds()).isTrue();
        assertThat(result.total().dataBytes().median()).isEqualTo(5_000);
        assertThat(result.total().socketBytesWritten().median()).isEqualTo(5_000);

        // A write event the recording missed: the reads still count every byte.
        StepMeasures missed = new StepMeasures(
                "s", 1_000_000_000, 0, Double.NaN, 0, 0, 0, 4_700, 5_000, 0, 0, 0, 0, Map.of(), Map.of());
        RunRecording run =
                new RunRecording("J", missed, List.of(), null, EnergySource.MODEL, RunRecording.Machine.UNKNOWN);
        assertThat(run.loopbackBothEnds()).isTrue();
        assertThat(missed.bytesExchanged(true)).isEqualTo(5_000);
        assertThat(missed.bytesExchanged(false)).isEqualTo(9_700);
        // A journey that only talks to a service of the machine: its loopback bytes are its own, each counted.
        StepMeasures oneEnd = new StepMeasures(
                "s", 1_000_000_000, 0, Double.NaN, 0, 0, 0, 300, 5_000, 0, 0, 0, 0, Map.of(), Map.of());
        assertThat(new RunRecording("J", oneEnd, List.of(), null, EnergySource.MODEL, RunRecording.Machine.UNKNOWN)
                        .loopbackBothEnds())
                .isFalse();
    }

    @Test
    void usesRaplEnergyWhenTheRunsHaveIt() {
        StepMeasures measured =
                new StepMeasures("s", 1_000_000_000, 1e9, 12.0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), Map.of());
        BenchmarkResult result = result(
                new RunRecording("J", measured, List.of(), null, EnergySource.RAPL, RunRecording.Machine.UNKNOWN));

        assertThat(result.energySource()).isEqualTo(EnergySource.RAPL);
        assertThat(result.total().itEnergyJ().median()).isEqualTo(12.0);
    }

    @Test
    void scoresTheRecordedJourneyAsTheModelSays() {
        RunRecording run = Recordings.read(Recordings.WITH_STEPS);
        BenchmarkResult result = Recordings.tinyBenchmark();

        assertThat(result.steps()).extracting(StepResult::name).containsExactly("spin", "exchange", "poll");
        assertThat(result.outsideSteps().scores()).isNull();
        List<RuntimeEcoscore.Spent> spent = run.steps().stream()
                .map(s -> new RuntimeEcoscore.Spent(
                        s.wallNanos() / 1e9, s.cpuNanos() / 1e9 * 3.5, s.bytesExchanged(true)))
                .toList();
        RuntimeEcoscore.Axes expected = RuntimeEcoscore.journey(spent);
        assertThat(result.estimate().axes().time()).isCloseTo(expected.time(), within(1e-9));
        assertThat(result.estimate().axes().energy()).isCloseTo(expected.energy(), within(1e-9));
        assertThat(result.estimate().axes().data()).isCloseTo(expected.data(), within(1e-9));
        assertThat(result.estimate().score().median()).isCloseTo(expected.estimate(), within(1e-9));
        StepResult exchange = result.steps().get(1);
        assertThat(exchange.dataBytes().median()).isEqualTo(12_500);
        assertThat(exchange.topMethods()).isEmpty();
        assertThat(result.steps().get(0).topMethods())
                .containsExactly(
                        new StepResult.MethodSamples("org.ecobugs.benchmark.fixtures.TinyJourney.spin", 14, 14 / 15.0),
                        new StepResult.MethodSamples("java.util.HashMap.putVal", 1, 1 / 15.0));
    }

    @Test
    void aBenchmarkNeedsARun() {
        assertThatThrownBy(() -> result())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A benchmark needs at least one run");
    }

    @Test
    void theChangeFromABaselineIsPerAxisAndPositiveWhenBetter() {
        BenchmarkResult before = result(run(step("a", 1.0, 1.0, 2_000_000)));
        BenchmarkResult after = result(run(step("a", 1.0, 0.5, 1_000_000)));
        EstimateChange change = new EstimateChange(before, after);

        assertThat(change.time()).isZero();
        assertThat(change.energy()).isCloseTo(100 * Math.pow(2, -0.5) - 100 * Math.pow(2, -1), within(1e-9));
        assertThat(change.data()).isCloseTo(50 - 25, within(1e-9));
        assertThat(change.estimate()).isCloseTo((change.energy() + change.data()) / 3, within(1e-9));
        assertThat(change.comparable()).isTrue();
        assertThat(change.droppedMoreThan(0)).isFalse();
        EstimateChange back = new EstimateChange(after, before);
        assertThat(back.droppedMoreThan(back.estimate() * -1 - 0.01)).isTrue();
        assertThat(back.droppedMoreThan(-back.estimate() + 0.01)).isFalse();

        BenchmarkResult otherModel = BenchmarkResult.of(
                before.journey(), List.of(run(step("a", 1.0, 1.0, 0))), ImpactModel.of("gcp", null, null), null);
        assertThat(new EstimateChange(before, otherModel).comparable()).isFalse();
    }

    @Test
    void aSpreadIsTheMedianAndTheRange() {
        assertThat(Spread.of(List.of(3.0, 1.0, 2.0))).isEqualTo(new Spread(2, 1, 3));
        assertThat(Spread.of(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(new Spread(2.5, 1, 4));
        assertThat(Spread.of(List.of())).isEqualTo(Spread.ZERO);
        assertThat(new Spread(100, 96, 104).relativeRange()).isCloseTo(0.08, within(1e-12));
        assertThat(Spread.ZERO.relativeRange()).isZero();
        assertThat(new Spread(2, 1, 3).scaled(10)).isEqualTo(new Spread(20, 10, 30));
    }

    @Test
    void theOverheadIsTheRecordedMedianAgainstTheUnrecordedOne() {
        Overhead overhead = new Overhead(
                3, new Spread(105, 100, 110), new Spread(100, 95, 120), new Spread(60, 50, 70), Spread.ZERO);
        assertThat(overhead.wallPercent()).isCloseTo(5.0, within(1e-12));
        assertThat(overhead.cpuPercent()).isZero();
        assertThat(BenchmarkText.overhead(overhead))
                .startsWith("Recording overhead on the journey: wall time +5 ms (+5.0 %; 105 ms with, 100 ms without)");
    }

    /** A step of one run: wall seconds, CPU seconds and bytes sent to another machine. */
    static StepMeasures step(String name, double wallSeconds, double cpuSeconds, long bytes) {
        return new StepMeasures(
                name,
                Math.round(wallSeconds * 1e9),
                cpuSeconds * 1e9,
                Double.NaN,
                0,
                bytes,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                Map.of(),
                Map.of());
    }

    /** A run of the named steps, its journey their sum. */
    static RunRecording run(StepMeasures... steps) {
        long wall = 0;
        double cpu = 0;
        long bytes = 0;
        for (StepMeasures step : steps) {
            wall += step.wallNanos();
            cpu += step.cpuNanos();
            bytes += step.socketWritten();
        }
        StepMeasures journey = new StepMeasures(
                RunRecording.WHOLE_JOURNEY, wall, cpu, Double.NaN, 0, bytes, 0, 0, 0, 0, 0, 0, 0, Map.of(), Map.of());
        return new RunRecording(
                "org.example.Journey", journey, List.of(steps), null, EnergySource.MODEL, RunRecording.Machine.UNKNOWN);
    }

    static BenchmarkResult result(RunRecording... runs) {
        return BenchmarkResult.of(
                new BenchmarkResult.Journey("org.example.Journey", List.of(), runs.length, 0),
                List.of(runs),
                MODEL,
                null);
    }
}
