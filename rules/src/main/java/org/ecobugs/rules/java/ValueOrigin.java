package org.ecobugs.rules.java;

import com.github.javaparser.ast.Node;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A place outside the code of an expression that decides its value: a constant of another class, a configuration
 * file's setting, a placeholder's default, a {@code @ConfigurationProperties} field's initial value. Rules name it in
 * their messages and point at it, so that a setting decided in configuration is seen where it is applied.
 *
 * @param kind what decides the value
 * @param name the constant ({@code PollSettings.INTERVAL_MS}) or the configuration key ({@code lab.poll-ms})
 * @param holder the configuration file's name for a {@link Kind#SETTING}, the class's simple name for a {@link
 *     Kind#PROPERTY_DEFAULT}; else empty
 * @param file the file it is in; empty for the analysed file itself
 * @param node where it is in a Java file (in another file, a node of that file's constants, at that file's position);
 *     empty for a configuration file's line
 * @param line the 1-based line of a configuration file's setting; 0 otherwise
 */
public record ValueOrigin(Kind kind, String name, String holder, Optional<Path> file, Optional<Node> node, int line) {

    /** What decides a value. */
    public enum Kind {
        /** A {@code static final} field of another class ({@code PollSettings.INTERVAL_MS}). */
        CONSTANT,
        /** A key a configuration file sets ({@code lab.poll-ms=1000} in {@code application.properties}). */
        SETTING,
        /** The default of a placeholder whose key no configuration file sets ({@code ${lab.poll-ms:5000}}). */
        PLACEHOLDER_DEFAULT,
        /** The initial value of a {@code @ConfigurationProperties} field whose key no configuration file sets. */
        PROPERTY_DEFAULT
    }

    /** Whether configuration decides the value: a file's setting, or the default that applies for want of one. */
    public boolean isConfiguration() {
        return kind != Kind.CONSTANT;
    }

    /**
     * What sets the value, as messages say it after "set by": {@code lab.poll-ms in application.properties}, {@code the
     * default of lab.poll-ms}, {@code the default of fhir.pretty-print in FhirProperties}, {@code
     * PollSettings.INTERVAL_MS}.
     */
    public String setBy() {
        return switch (kind) {
            case CONSTANT -> name;
            case SETTING -> name + " in " + holder;
            case PLACEHOLDER_DEFAULT -> "the default of " + name;
            case PROPERTY_DEFAULT -> "the default of " + name + " in " + holder;
        };
    }

    /** A constant of another class, declared at {@code node} of {@code file}. */
    static ValueOrigin constant(String name, Path file, Node node) {
        return new ValueOrigin(Kind.CONSTANT, name, "", Optional.of(file), Optional.of(node), 0);
    }

    /** A configuration file's setting of {@code key}. */
    public static ValueOrigin setting(String key, Path file, int line) {
        return new ValueOrigin(
                Kind.SETTING,
                key,
                file.getFileName().toString(),
                Optional.of(file),
                Optional.empty(),
                Math.max(1, line));
    }
}
