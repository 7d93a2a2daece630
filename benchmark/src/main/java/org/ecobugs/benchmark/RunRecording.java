package org.ecobugs.benchmark;

import java.util.List;
import java.util.Objects;

/**
 * One measured run of a journey, as read from its recording.
 *
 * @param mainClass the journey's main class
 * @param journey the whole measured call of {@code main}
 * @param steps the named steps in the order they first started, each the sum of the steps of that name; empty when
 *     the journey marks no step
 * @param outsideSteps what the journey spent outside its steps, or null when it marks no step
 * @param energySource where the IT energy comes from
 * @param machine the machine and JVM the run was recorded on
 */
public record RunRecording(
        String mainClass,
        StepMeasures journey,
        List<StepMeasures> steps,
        StepMeasures outsideSteps,
        EnergySource energySource,
        Machine machine) {

    /** The name of the one step of a journey that marks none. */
    public static final String WHOLE_JOURNEY = "journey";
    /** The name of what a journey with steps spent between them. */
    public static final String OUTSIDE_STEPS = "(outside steps)";

    public RunRecording {
        Objects.requireNonNull(journey, "journey");
        steps = List.copyOf(steps);
        Objects.requireNonNull(energySource, "energySource");
        Objects.requireNonNull(machine, "machine");
    }

    /** The steps the score reads: the named ones, or the whole journey as one step when it names none. */
    public List<StepMeasures> scoredSteps() {
        return steps.isEmpty() ? List.of(journey) : steps;
    }

    /**
     * Whether the journey holds both ends of its loopback connections (it starts its own server, as journeys that run
     * offline do): then every loopback byte is seen twice, written and read, and is counted once. Decided when the
     * bytes written and read on loopback agree within 10 %: they agree exactly but when the recording missed a socket
     * event (it happens: one write of 240 was missing in 2 of 10 recordings of a loopback HTTP journey on a busy
     * virtual machine).
     */
    public boolean loopbackBothEnds() {
        long written = journey.loopbackWritten();
        long read = journey.loopbackRead();
        if (written == 0 || read == 0) {
            return false;
        }
        return Math.abs(written - read) <= BOTH_ENDS_TOLERANCE * Math.max(written, read);
    }

    /** How far the loopback bytes written and read may differ when the journey holds both ends. */
    static final double BOTH_ENDS_TOLERANCE = 0.10;

    /**
     * The machine and JVM.
     *
     * @param cpu the CPU model
     * @param hardwareThreads the logical processors
     * @param os the operating system
     * @param jvm the JVM name and version
     */
    public record Machine(String cpu, int hardwareThreads, String os, String jvm) {
        public static final Machine UNKNOWN = new Machine("unknown", 0, "unknown", "unknown");

        public String describe() {
            return cpu + ", " + hardwareThreads + " hardware threads, " + os + ", " + jvm;
        }
    }
}
