package org.ecobugs.benchmark;

import java.util.Arrays;

/**
 * A cumulative counter of the process (CPU time, allocated bytes, energy) sampled over time, from which the amount
 * spent in any interval is read: the difference of the counter, linearly interpolated, at the interval's ends.
 * Cumulative counters make intervals exact up to the counter's own resolution (10 ms for the process CPU time on
 * Linux), whatever the sampling period.
 */
final class CounterSeries {

    private final long[] times;
    private final double[] values;

    /**
     * @param times nanosecond instants, ascending
     * @param values the counter at each instant, never decreasing
     */
    CounterSeries(long[] times, double[] values) {
        if (times.length != values.length) {
            throw new IllegalArgumentException("times and values differ in length");
        }
        this.times = times.clone();
        this.values = values.clone();
        for (int i = 1; i < times.length; i++) {
            if (times[i] < times[i - 1]) {
                throw new IllegalArgumentException("times must be ascending");
            }
        }
    }

    boolean isEmpty() {
        return times.length == 0;
    }

    /** How much the counter grew between two instants; 0 when the series is empty. */
    double between(long from, long to) {
        if (times.length == 0 || to <= from) {
            return 0;
        }
        return Math.max(0, at(to) - at(from));
    }

    /** The counter at an instant: interpolated inside the series, held constant outside it. */
    double at(long time) {
        if (time <= times[0]) {
            return values[0];
        }
        int last = times.length - 1;
        if (time >= times[last]) {
            return values[last];
        }
        int index = Arrays.binarySearch(times, time);
        if (index >= 0) {
            return values[index];
        }
        int after = -index - 1;
        int before = after - 1;
        long span = times[after] - times[before];
        if (span == 0) {
            return values[after];
        }
        double fraction = (double) (time - times[before]) / span;
        return values[before] + fraction * (values[after] - values[before]);
    }

    /**
     * The process's share of RAPL package energy as a cumulative series, in joules: for each sampling interval, the
     * energy the package used (corrected when the counter wrapped at {@code maxRangeMicrojoules}) times the process's
     * part of the machine's busy CPU time, as JoularJX shares it. Samples where a counter could not be read are skipped.
     */
    static CounterSeries processEnergy(
            long[] times,
            long[] packageMicrojoules,
            double[] processCpuNanos,
            double[] machineCpuNanos,
            long maxRangeMicrojoules) {
        double[] cumulative = new double[times.length];
        int previous = -1;
        double total = 0;
        for (int i = 0; i < times.length; i++) {
            if (packageMicrojoules[i] < 0 || machineCpuNanos[i] < 0) {
                cumulative[i] = total;
                continue;
            }
            if (previous >= 0) {
                long energy = packageMicrojoules[i] - packageMicrojoules[previous];
                if (energy < 0 && maxRangeMicrojoules > 0) {
                    energy += maxRangeMicrojoules;
                }
                double machine = machineCpuNanos[i] - machineCpuNanos[previous];
                double process = processCpuNanos[i] - processCpuNanos[previous];
                if (energy > 0 && machine > 0 && process > 0) {
                    total += energy / 1e6 * Math.min(1, process / machine);
                }
            }
            previous = i;
            cumulative[i] = total;
        }
        return new CounterSeries(times, cumulative);
    }
}
