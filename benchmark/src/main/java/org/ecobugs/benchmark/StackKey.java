package org.ecobugs.benchmark;

import java.util.List;

/**
 * The frames of application code on one stack (the JDK and the launcher left out), innermost first, each method once:
 * the recording's events are counted per stack, so that an event counts once for a piece of code however many of its
 * frames the stack holds.
 */
public record StackKey(List<FrameKey> frames) implements Comparable<StackKey> {

    public StackKey {
        frames = List.copyOf(frames);
    }

    @Override
    public int compareTo(StackKey other) {
        int common = Math.min(frames.size(), other.frames.size());
        for (int i = 0; i < common; i++) {
            int order = frames.get(i).compareTo(other.frames.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(frames.size(), other.frames.size());
    }
}
