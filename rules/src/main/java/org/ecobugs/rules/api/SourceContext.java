package org.ecobugs.rules.api;

import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ecobugs.rules.Fix;
import org.ecobugs.rules.java.ConstantFolder;
import org.ecobugs.rules.java.FileFacts;
import org.ecobugs.rules.java.JavaNames;

/** What a source rule knows about the file it is visiting, and how it reports. */
public interface SourceContext extends FileFacts {

    Path path();

    CompilationUnit compilationUnit();

    @Override
    JavaNames names();

    @Override
    ConstantFolder constants();

    /**
     * Another place of the same file a finding relies on, shown beside it: the loop that makes a call per element, the
     * sleep of a poll loop, where a client is built.
     *
     * @param node the place, reported on its range
     * @param message what the place is to the finding, in a few words ("the loop that runs it per element")
     */
    record Secondary(Node node, String message) {}

    /**
     * Reports a finding on the range of {@code node}, with the other places it relies on and its fix when the rule
     * could build one.
     */
    void report(Node node, String message, List<Secondary> secondaries, Optional<Fix> fix);

    /**
     * Reports a finding on {@code range}, a part of {@code node} that no node spans alone (the header of a {@code for}
     * loop, without its body), with the other places it relies on and its fix when the rule could build one. It is
     * merged with the bytecode's findings as one reported on {@code node} would be.
     */
    void report(Range range, Node node, String message, List<Secondary> secondaries, Optional<Fix> fix);

    /** Reports a finding on {@code range}, a part of {@code node} that is no node of its own. */
    default void report(Range range, Node node, String message) {
        report(range, node, message, List.of(), Optional.empty());
    }

    /** Reports a finding on the range of {@code node}. */
    default void report(Node node, String message) {
        report(node, message, List.of(), Optional.empty());
    }

    /** Reports a finding on the range of {@code node}, with a mechanical fix an IDE may offer. */
    default void report(Node node, String message, Fix fix) {
        report(node, message, List.of(), Optional.of(fix));
    }

    /** Reports a finding on the range of {@code node}, with its fix when the rule could build one. */
    default void report(Node node, String message, Optional<Fix> fix) {
        report(node, message, List.of(), fix);
    }

    /** Reports a finding on the range of {@code node}, with the other places it relies on. */
    default void report(Node node, String message, Secondary... secondaries) {
        report(node, message, List.of(secondaries), Optional.empty());
    }
}
