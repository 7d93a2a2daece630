package org.ecobugs.benchmark;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one run of the journey spent in one step (all intervals of the steps of that name), as read from its
 * recording.
 *
 * @param name the step's name
 * @param wallNanos wall time
 * @param cpuNanos CPU time of the whole process (every thread, the JVM's own included)
 * @param raplJoules the process's share of RAPL package energy, or NaN without RAPL
 * @param allocatedBytes heap allocation of all threads
 * @param socketWritten bytes written to sockets whose peer is not on this machine's loopback
 * @param socketRead bytes read from such sockets
 * @param loopbackWritten bytes written to loopback sockets
 * @param loopbackRead bytes read from loopback sockets
 * @param fileWritten bytes written to files
 * @param fileRead bytes read from files, class loading left out (jars, class files, {@code /proc}, {@code /sys})
 * @param samples CPU samples of all threads
 * @param sleeps calls to {@code Thread.sleep}, each ending in a wake-up
 * @param selfSamples CPU samples per method at the top of the stack ({@code class.method})
 * @param stacks per stack of application code (the JDK left out), what was seen on it
 */
public record StepMeasures(
        String name,
        long wallNanos,
        double cpuNanos,
        double raplJoules,
        double allocatedBytes,
        long socketWritten,
        long socketRead,
        long loopbackWritten,
        long loopbackRead,
        long fileWritten,
        long fileRead,
        long samples,
        long sleeps,
        Map<String, Long> selfSamples,
        Map<StackKey, FrameCounts> stacks) {

    public StepMeasures {
        selfSamples = Collections.unmodifiableMap(new TreeMap<>(selfSamples));
        stacks = Collections.unmodifiableMap(new TreeMap<>(stacks));
    }

    /** Per frame of application code, what was seen with it on the stack: the stacks summed frame by frame. */
    public Map<FrameKey, FrameCounts> frames() {
        return StepResult.Profile.byFrame(stacks);
    }

    /**
     * Bytes exchanged on sockets, loopback traffic counted once when the journey holds both ends of it: then every byte
     * is written by one end and read by the other, and the larger of the two counts stands for both (a recording
     * occasionally misses one socket event, and the other end's count is then the right one).
     */
    public double bytesExchanged(boolean loopbackBothEnds) {
        double loopback =
                loopbackBothEnds ? Math.max(loopbackWritten, loopbackRead) : (double) loopbackWritten + loopbackRead;
        return socketWritten + socketRead + loopback;
    }

    /** Bytes written to sockets by the process, loopback included. */
    public long socketBytesWritten() {
        return socketWritten + loopbackWritten;
    }

    /** Bytes read from sockets by the process, loopback included. */
    public long socketBytesRead() {
        return socketRead + loopbackRead;
    }
}
