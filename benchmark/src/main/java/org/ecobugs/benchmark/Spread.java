package org.ecobugs.benchmark;

import java.util.Arrays;
import java.util.Collection;

/**
 * A quantity measured over several runs: its median and its range. Journeys are measured on noisy machines; the median
 * is the value reports use and the range says how far to trust it.
 */
public record Spread(double median, double min, double max) {

    public static final Spread ZERO = new Spread(0, 0, 0);

    public static Spread of(Collection<Double> values) {
        if (values.isEmpty()) {
            return ZERO;
        }
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Spread(median(sorted), sorted[0], sorted[sorted.length - 1]);
    }

    static double median(double[] sorted) {
        double[] copy = sorted.clone();
        Arrays.sort(copy);
        int n = copy.length;
        return n % 2 == 1 ? copy[n / 2] : (copy[n / 2 - 1] + copy[n / 2]) / 2;
    }

    /** The range relative to the median, e.g. 0.08 for ±4 % around it; 0 when the median is 0. */
    public double relativeRange() {
        return median == 0 ? 0 : (max - min) / Math.abs(median);
    }

    public Spread scaled(double factor) {
        return new Spread(median * factor, min * factor, max * factor);
    }
}
