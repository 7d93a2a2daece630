package org.ecobugs.rules.api;

import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.Fix;
import org.ecobugs.rules.SecondaryLocation;
import org.ecobugs.rules.java.ConstantFolder;
import org.ecobugs.rules.java.FileFacts;
import org.ecobugs.rules.java.JavaNames;
import org.ecobugs.rules.project.DeferredFinding;
import org.ecobugs.rules.project.Effect;

/** What a source rule knows about the file it is visiting, and how it reports. */
public interface SourceContext extends FileFacts {

    Path path();

    CompilationUnit compilationUnit();

    @Override
    JavaNames names();

    @Override
    ConstantFolder constants();

    /**
     * Another place a finding relies on, shown beside it: the loop that makes a call per element, the sleep of a poll
     * loop, where a client is built; in another file, the constant or the configuration setting that decided a value.
     *
     * @param node the place in this file, reported on its range; null for a place in another file
     * @param message what the place is to the finding, in a few words ("the loop that runs it per element")
     * @param elsewhere the place in another file, with its words; null for a place in this file
     */
    record Secondary(Node node, String message, SecondaryLocation elsewhere) {

        /** A place of this file. */
        public Secondary(Node node, String message) {
            this(Objects.requireNonNull(node, "node"), message, null);
        }

        /** A place of another file: a constant of another class, a configuration file's line. */
        public static Secondary elsewhere(SecondaryLocation location) {
            return new Secondary(null, location.message(), location);
        }
    }

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

    /**
     * Reports a finding on the range of {@code node} once the whole project is read, if the method {@code call} runs
     * does one of the wanted effects through the project's own methods (see {@link
     * org.ecobugs.rules.project.ProjectModel#reach}). Each wanted effect has its message, which says how the call
     * reaches it with {@link DeferredFinding#THROUGH} ("This loop {through}, once per element; …" becomes "This loop
     * calls PatientService.load(), which reads a FHIR Patient, once per element; …"); each call of the chain and the
     * effect become secondary locations after {@code secondaries}. Only detectors that {@link
     * SourceDetector#readsProjectFacts() read project facts} may call it.
     *
     * @param messages the message for each wanted effect, in the order they are preferred
     * @param maxStatements the largest body a method of the chain may have to count as a wrapper of the effect
     */
    void reportThrough(
            Node node,
            MethodCallExpr call,
            Map<Effect.Kind, String> messages,
            int maxStatements,
            List<Secondary> secondaries);

    /**
     * Reports a finding on the range of {@code node} once the whole project is read, if the method {@code call} runs
     * does none of the {@code effects} through the project's own methods: the code it runs is not the project's (a
     * library, another module), or it does none of them. The message is final; {@code call} is also a secondary
     * location.
     */
    void reportUnlessReaches(
            Node node, MethodCallExpr call, Set<Effect.Kind> effects, String message, List<Secondary> secondaries);

    /**
     * Reports a finding on the range of {@code node} once the whole project is read, if {@code call} runs project code
     * and each method it may run only uses the object given as its argument at {@code argument} (0-based) and drops it,
     * as a helper that takes a mapper to write one value does. The message is final; {@code call} and the method are
     * also secondary locations. Only detectors that {@link SourceDetector#readsProjectFacts() read project facts} may
     * call it.
     */
    void reportIfDropped(Node node, MethodCallExpr call, int argument, String message, List<Secondary> secondaries);

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
