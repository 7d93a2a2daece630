package org.ecobugs.rules.api;

import com.github.javaparser.ast.Node;

/**
 * What a {@link SourceDetector} asks to see of one file: nodes of a type (subtypes included) on entering them, in
 * pre-order, or on leaving them, after their children; and the file's start and end. Visits of several detectors
 * share one walk of the file.
 */
public interface SourceVisits {

    /** A visit of a node of type {@code T}. */
    @FunctionalInterface
    interface Visit<T extends Node> {
        void visit(T node, SourceContext context);
    }

    /** Something done once per file, before or after its walk. */
    @FunctionalInterface
    interface FileHook {
        void run(SourceContext context);
    }

    /** Calls {@code visit} on entering each node of {@code type}, before its children. */
    <T extends Node> void enter(Class<T> type, Visit<? super T> visit);

    /** Calls {@code visit} on leaving each node of {@code type}, after its children. */
    <T extends Node> void leave(Class<T> type, Visit<? super T> visit);

    /** Runs {@code hook} before the walk of the file. */
    void fileStart(FileHook hook);

    /** Runs {@code hook} after the walk of the file: the place to report what was gathered along it. */
    void fileEnd(FileHook hook);
}
