package org.ecobugs.benchmark;

/**
 * What the recording saw on one stack of application code ({@link StackKey}), or with one frame on the stack.
 *
 * @param samples CPU samples
 * @param sleeps sleeps (each ends in a wake-up)
 * @param socketBytes bytes written and read on sockets
 * @param fileBytes bytes written and read on files
 * @param allocationSamples allocation samples: JFR samples allocations at a throttled rate, and code that allocates
 *     while it runs (a serializer building a payload, say) shows up in them even when it takes few CPU samples
 */
public record FrameCounts(long samples, long sleeps, long socketBytes, long fileBytes, long allocationSamples) {

    public static final FrameCounts NONE = new FrameCounts(0, 0, 0, 0, 0);

    public FrameCounts plus(FrameCounts other) {
        return new FrameCounts(
                samples + other.samples,
                sleeps + other.sleeps,
                socketBytes + other.socketBytes,
                fileBytes + other.fileBytes,
                allocationSamples + other.allocationSamples);
    }

    public boolean isEmpty() {
        return samples == 0 && sleeps == 0 && socketBytes == 0 && fileBytes == 0 && allocationSamples == 0;
    }
}
