package org.ecobugs.benchmark;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One step of a benchmark over all its runs: medians and ranges of what it spent, its scores, its impact, its top
 * methods and the profile that findings are joined to.
 *
 * @param name the step's name
 * @param wallMs wall time
 * @param cpuMs CPU time of the process
 * @param itEnergyJ IT energy: measured by RAPL or modelled from CPU time
 * @param dataBytes bytes exchanged on sockets (loopback counted once when the journey holds both ends)
 * @param socketBytesWritten bytes the process wrote to sockets
 * @param socketBytesRead bytes the process read from sockets
 * @param fileBytesWritten bytes written to files
 * @param fileBytesRead bytes read from files (class loading left out)
 * @param allocatedBytes heap allocation
 * @param cpuSamples CPU samples
 * @param sleeps sleeps, each a wake-up
 * @param dataEnergyJ energy allocated to the bytes exchanged
 * @param co2eGrams greenhouse gases of the IT energy (with the PUE) and of the data transfer
 * @param scores the median of each axis's score over the runs; null for the time outside steps, which is not scored
 * @param topMethods the methods with the most CPU samples at the top of the stack, over all runs
 * @param profile CPU samples and events per stack of application code, summed over all runs
 */
public record StepResult(
        String name,
        Spread wallMs,
        Spread cpuMs,
        Spread itEnergyJ,
        Spread dataBytes,
        Spread socketBytesWritten,
        Spread socketBytesRead,
        Spread fileBytesWritten,
        Spread fileBytesRead,
        Spread allocatedBytes,
        Spread cpuSamples,
        Spread sleeps,
        Spread dataEnergyJ,
        Spread co2eGrams,
        RuntimeEcoscore.Axes scores,
        List<MethodSamples> topMethods,
        Profile profile) {

    public StepResult {
        topMethods = List.copyOf(topMethods);
    }

    /** CPU samples of one method at the top of the stack, and their share of the step's samples. */
    public record MethodSamples(String method, long samples, double share) {}

    /**
     * Summed over all runs: the CPU samples of the step, and per stack of application code what was seen on it.
     */
    public record Profile(long samples, Map<StackKey, FrameCounts> stacks) {
        public static final Profile EMPTY = new Profile(0, Map.of());

        public Profile {
            stacks = Collections.unmodifiableMap(new TreeMap<>(stacks));
        }

        /** What was seen on the stacks that hold a frame the predicate accepts, each stack once. */
        public FrameCounts seen(java.util.function.Predicate<FrameKey> frame) {
            FrameCounts seen = FrameCounts.NONE;
            for (Map.Entry<StackKey, FrameCounts> stack : stacks.entrySet()) {
                if (stack.getKey().frames().stream().anyMatch(frame)) {
                    seen = seen.plus(stack.getValue());
                }
            }
            return seen;
        }

        /** Per frame, what was seen with it on the stack. */
        public Map<FrameKey, FrameCounts> frames() {
            return byFrame(stacks);
        }

        static Map<FrameKey, FrameCounts> byFrame(Map<StackKey, FrameCounts> stacks) {
            Map<FrameKey, FrameCounts> frames = new TreeMap<>();
            stacks.forEach(
                    (stack, counts) -> stack.frames().forEach(frame -> frames.merge(frame, counts, FrameCounts::plus)));
            return Collections.unmodifiableMap(frames);
        }
    }
}
