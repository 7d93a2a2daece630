package org.ecobugs.benchmark;

import java.util.Comparator;
import java.util.Objects;

/**
 * A place in the journey's code as a stack frame names it: the class (binary name, with {@code $} for nested classes),
 * the method and the line.
 */
public record FrameKey(String className, String method, int line) implements Comparable<FrameKey> {

    private static final Comparator<FrameKey> ORDER = Comparator.comparing(FrameKey::className)
            .thenComparing(FrameKey::method)
            .thenComparingInt(FrameKey::line);

    public FrameKey {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(method, "method");
    }

    /**
     * The source file the class was compiled from, relative to a source root, as javac names it for a top-level class:
     * {@code org/x/Outer$Inner} comes from {@code org/x/Outer.java}.
     */
    public String sourcePath() {
        String outer = className;
        int dollar = outer.indexOf('$');
        if (dollar > 0) {
            outer = outer.substring(0, dollar);
        }
        return outer.replace('.', '/') + ".java";
    }

    @Override
    public int compareTo(FrameKey other) {
        return ORDER.compare(this, other);
    }
}
