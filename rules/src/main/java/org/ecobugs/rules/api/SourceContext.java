package org.ecobugs.rules.api;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import java.nio.file.Path;
import java.util.Optional;
import org.ecobugs.rules.Fix;
import org.ecobugs.rules.java.ConstantFolder;
import org.ecobugs.rules.java.JavaNames;

/** What a source rule knows about the file it is visiting, and how it reports. */
public interface SourceContext {

    Path path();

    CompilationUnit compilationUnit();

    /** Type names resolved through the file's imports, its package and {@code java.lang}, and the classpath. */
    JavaNames names();

    /** Compile-time values of expressions: literals, constants, simple arithmetic, durations. */
    ConstantFolder constants();

    /** Reports a finding on the range of {@code node}. */
    void report(Node node, String message);

    /** Reports a finding on the range of {@code node}, with a mechanical fix an IDE may offer. */
    void report(Node node, String message, Fix fix);

    /** Reports a finding on the range of {@code node}, with its fix when the rule could build one. */
    default void report(Node node, String message, Optional<Fix> fix) {
        if (fix.isPresent()) {
            report(node, message, fix.get());
        } else {
            report(node, message);
        }
    }
}
