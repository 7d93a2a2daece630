package org.ecobugs.benchmark;

/**
 * The cost of recording, measured on the journey itself: the measured call of {@code main} timed by the launcher in
 * runs with and without the recording, alternated.
 *
 * @param runs pairs of runs
 * @param recordedWallMs wall time of the measured call with the recording
 * @param unrecordedWallMs wall time without it
 * @param recordedCpuMs process CPU time during the call with the recording
 * @param unrecordedCpuMs process CPU time without it
 */
public record Overhead(
        int runs, Spread recordedWallMs, Spread unrecordedWallMs, Spread recordedCpuMs, Spread unrecordedCpuMs) {

    /** The added wall time, in percent of the unrecorded median. */
    public double wallPercent() {
        return percent(recordedWallMs.median(), unrecordedWallMs.median());
    }

    /** The added CPU time, in percent of the unrecorded median. */
    public double cpuPercent() {
        return percent(recordedCpuMs.median(), unrecordedCpuMs.median());
    }

    private static double percent(double recorded, double unrecorded) {
        return unrecorded == 0 ? 0 : (recorded - unrecorded) / unrecorded * 100;
    }
}
