package org.ecobugs.benchmark;

import java.util.Objects;

/**
 * How a journey's estimate changed from a baseline measurement to the current one, per axis and in what it spent. A
 * positive change of a score is an improvement; the build can fail when the estimate drops by more than a threshold.
 *
 * @param baseline the earlier measurement
 * @param current the new one
 */
public record EstimateChange(BenchmarkResult baseline, BenchmarkResult current) {

    public EstimateChange {
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(current, "current");
    }

    /** The change of the estimate, in points (positive: better). */
    public double estimate() {
        return current.estimate().score().median() - baseline.estimate().score().median();
    }

    public double time() {
        return current.estimate().axes().time() - baseline.estimate().axes().time();
    }

    public double energy() {
        return current.estimate().axes().energy() - baseline.estimate().axes().energy();
    }

    public double data() {
        return current.estimate().axes().data() - baseline.estimate().axes().data();
    }

    /** Whether the estimate dropped by more than {@code maxDrop} points. */
    public boolean droppedMoreThan(double maxDrop) {
        return -estimate() > maxDrop;
    }

    /** Whether the two measurements are of the same journey with the same model, so that comparing them is fair. */
    public boolean comparable() {
        return baseline.journey().mainClass().equals(current.journey().mainClass())
                && baseline.model().equals(current.model())
                && baseline.energySource() == current.energySource();
    }
}
