package org.ecobugs.rules.java;

/**
 * What the helpers of this package need to know about the file a node is in: how its names resolve and what its
 * expressions fold to. A rule's source context is one, so rules hand theirs over as is.
 */
public interface FileFacts {

    /** Type names resolved through the file's imports, its package and {@code java.lang}, and the classpath. */
    JavaNames names();

    /** Compile-time values of expressions: literals, constants, simple arithmetic, durations. */
    ConstantFolder constants();
}
