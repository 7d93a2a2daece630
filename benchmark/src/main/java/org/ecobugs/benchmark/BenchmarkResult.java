package org.ecobugs.benchmark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.ecobugs.rules.ProductInfo;

/**
 * A measured journey: medians and ranges over its runs, per step and in total, with ecobugs' estimate on the axes of the ANS écoscore, the impact
 * indicators and the model and factors they come from. Written as the benchmark's JSON file and read back by {@code
 * analyze --benchmark} and {@code --baseline}.
 *
 * @param toolVersion the ecobugs version that measured it
 * @param journey what was run
 * @param machine where it ran (from the first run)
 * @param energySource where the IT energy comes from
 * @param model the impact model and its factors
 * @param loopbackBothEnds whether loopback traffic was counted once, the journey holding both ends of it
 * @param steps the scored steps in journey order: the named ones, or the whole journey as one step
 * @param outsideSteps what the journey spent outside its named steps, or null when it names none
 * @param total the whole measured call of {@code main}
 * @param estimate the score
 * @param overhead the measured cost of recording, or null when not measured
 */
public record BenchmarkResult(
        String toolVersion,
        Journey journey,
        RunRecording.Machine machine,
        EnergySource energySource,
        ImpactModel model,
        boolean loopbackBothEnds,
        List<StepResult> steps,
        StepResult outsideSteps,
        StepResult total,
        Estimate estimate,
        Overhead overhead) {

    /** How many methods each step lists by CPU samples. */
    static final int TOP_METHODS = 10;

    public BenchmarkResult {
        Objects.requireNonNull(journey, "journey");
        Objects.requireNonNull(model, "model");
        steps = List.copyOf(steps);
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(estimate, "estimate");
    }

    /**
     * What was run.
     *
     * @param mainClass the journey's main class
     * @param args its arguments
     * @param runs measured runs, each in its own JVM
     * @param warmup calls of {@code main} before the measured one, in each JVM
     */
    public record Journey(String mainClass, List<String> args, int runs, int warmup) {
        public Journey {
            args = List.copyOf(args);
        }
    }

    /**
     * The estimate: the median over runs of each axis of the journey, and of the estimate itself with its range.
     *
     * @param axes the median of each axis
     * @param score the estimate (mean of the three axes) over the runs
     */
    public record Estimate(RuntimeEcoscore.Axes axes, Spread score) {}

    /** The scored steps, the one with the largest share of IT energy first. */
    public List<StepResult> byEnergy() {
        return sorted(s -> s.itEnergyJ().median());
    }

    /** The scored steps, the one with the largest share of data exchanged first. */
    public List<StepResult> byData() {
        return sorted(s -> s.dataBytes().median());
    }

    /** A step's share of the journey's IT energy (0 to 1). */
    public double energyShare(StepResult step) {
        return share(step.itEnergyJ().median(), total.itEnergyJ().median());
    }

    /** A step's share of the journey's data exchanged (0 to 1). */
    public double dataShare(StepResult step) {
        return share(step.dataBytes().median(), total.dataBytes().median());
    }

    /** Every step that has a profile, the time outside steps included. */
    public List<StepResult> profiledSteps() {
        List<StepResult> all = new ArrayList<>(steps);
        if (outsideSteps != null) {
            all.add(outsideSteps);
        }
        return all;
    }

    private List<StepResult> sorted(ToDoubleFunction<StepResult> by) {
        List<StepResult> sorted = new ArrayList<>(steps);
        sorted.sort(Comparator.comparingDouble(by).reversed());
        return sorted;
    }

    private static double share(double part, double whole) {
        return whole <= 0 ? 0 : Math.min(1, part / whole);
    }

    /**
     * Aggregates runs into a result.
     *
     * @throws IllegalArgumentException when there is no run
     */
    public static BenchmarkResult of(Journey journey, List<RunRecording> runs, ImpactModel model, Overhead overhead) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("A benchmark needs at least one run");
        }
        long bothEnds = runs.stream().filter(RunRecording::loopbackBothEnds).count();
        boolean loopbackBothEnds = bothEnds * 2 > runs.size();
        EnergySource source = runs.get(0).energySource();

        Map<String, List<StepMeasures>> byName = new LinkedHashMap<>();
        for (RunRecording run : runs) {
            for (StepMeasures step : run.scoredSteps()) {
                byName.computeIfAbsent(step.name(), k -> new ArrayList<>()).add(step);
            }
        }
        List<StepResult> steps = new ArrayList<>();
        for (Map.Entry<String, List<StepMeasures>> entry : byName.entrySet()) {
            steps.add(step(entry.getValue(), model, source, loopbackBothEnds, true));
        }
        List<StepMeasures> outside = runs.stream()
                .map(RunRecording::outsideSteps)
                .filter(Objects::nonNull)
                .toList();
        StepResult outsideSteps = outside.isEmpty() ? null : step(outside, model, source, loopbackBothEnds, false);
        StepResult total =
                step(runs.stream().map(RunRecording::journey).toList(), model, source, loopbackBothEnds, false);

        List<Double> time = new ArrayList<>();
        List<Double> energy = new ArrayList<>();
        List<Double> data = new ArrayList<>();
        List<Double> estimates = new ArrayList<>();
        for (RunRecording run : runs) {
            List<RuntimeEcoscore.Spent> spent = run.scoredSteps().stream()
                    .map(s -> spent(s, model, source, loopbackBothEnds))
                    .toList();
            RuntimeEcoscore.Axes axes = RuntimeEcoscore.journey(spent);
            time.add(axes.time());
            energy.add(axes.energy());
            data.add(axes.data());
            estimates.add(axes.estimate());
        }
        Estimate estimate = new Estimate(
                new RuntimeEcoscore.Axes(
                        Spread.of(time).median(),
                        Spread.of(energy).median(),
                        Spread.of(data).median()),
                Spread.of(estimates));
        return new BenchmarkResult(
                ProductInfo.version(),
                journey,
                runs.get(0).machine(),
                source,
                model,
                loopbackBothEnds,
                steps,
                outsideSteps,
                total,
                estimate,
                overhead);
    }

    /** IT energy of a step in one run: RAPL when it was read, otherwise the power model. */
    static double itJoules(StepMeasures step, ImpactModel model, EnergySource source) {
        return source == EnergySource.RAPL && !Double.isNaN(step.raplJoules())
                ? step.raplJoules()
                : model.cpuJoules(step.cpuNanos());
    }

    private static RuntimeEcoscore.Spent spent(
            StepMeasures step, ImpactModel model, EnergySource source, boolean loopbackBothEnds) {
        return new RuntimeEcoscore.Spent(
                step.wallNanos() / 1e9, itJoules(step, model, source), step.bytesExchanged(loopbackBothEnds));
    }

    private static StepResult step(
            List<StepMeasures> runs, ImpactModel model, EnergySource source, boolean loopbackBothEnds, boolean scored) {
        String name = runs.get(0).name();
        List<Double> time = new ArrayList<>();
        List<Double> energy = new ArrayList<>();
        List<Double> data = new ArrayList<>();
        Map<String, Long> self = new HashMap<>();
        Map<StackKey, FrameCounts> stacks = new HashMap<>();
        long samples = 0;
        for (StepMeasures run : runs) {
            RuntimeEcoscore.Axes axes = RuntimeEcoscore.step(spent(run, model, source, loopbackBothEnds));
            time.add(axes.time());
            energy.add(axes.energy());
            data.add(axes.data());
            run.selfSamples().forEach((method, count) -> self.merge(method, count, Long::sum));
            run.stacks().forEach((stack, counts) -> stacks.merge(stack, counts, FrameCounts::plus));
            samples += run.samples();
        }
        long allSamples = samples;
        List<StepResult.MethodSamples> top = self.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_METHODS)
                .map(e -> new StepResult.MethodSamples(
                        e.getKey(), e.getValue(), allSamples == 0 ? 0 : (double) e.getValue() / allSamples))
                .toList();
        return new StepResult(
                name,
                spread(runs, s -> s.wallNanos() / 1e6),
                spread(runs, s -> s.cpuNanos() / 1e6),
                spread(runs, s -> itJoules(s, model, source)),
                spread(runs, s -> s.bytesExchanged(loopbackBothEnds)),
                spread(runs, s -> s.socketBytesWritten()),
                spread(runs, s -> s.socketBytesRead()),
                spread(runs, s -> s.fileWritten()),
                spread(runs, s -> s.fileRead()),
                spread(runs, StepMeasures::allocatedBytes),
                spread(runs, s -> s.samples()),
                spread(runs, s -> s.sleeps()),
                spread(runs, s -> model.dataJoules(s.bytesExchanged(loopbackBothEnds))),
                spread(
                        runs,
                        s -> model.co2eGrams(
                                itJoules(s, model, source), model.dataJoules(s.bytesExchanged(loopbackBothEnds)))),
                scored
                        ? new RuntimeEcoscore.Axes(
                                Spread.of(time).median(),
                                Spread.of(energy).median(),
                                Spread.of(data).median())
                        : null,
                top,
                new StepResult.Profile(samples, stacks));
    }

    private static Spread spread(List<StepMeasures> runs, ToDoubleFunction<StepMeasures> value) {
        List<Double> values = new ArrayList<>();
        runs.forEach(run -> values.add(value.applyAsDouble(run)));
        return Spread.of(values);
    }
}
