package org.ecobugs.rules;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One energy bug found by a rule.
 *
 * @param ruleKey the stable rule key, e.g. {@code EB101}
 * @param file the source file the finding is in; absolute when the source was analysed, otherwise the path
 *     relative to a source root that the class file names (its package and {@code SourceFile} attribute); for a
 *     dependency finding, the build file ({@code pom.xml}) that declares the dependency
 * @param line 1-based line
 * @param column 1-based column, or 0 when only the line is known (bytecode findings)
 * @param endLine 1-based end line, or 0 when unknown
 * @param endColumn 1-based inclusive end column, or 0 when unknown
 * @param message one sentence naming the problem and the fix
 * @param origin which walker saw it
 * @param fixes mechanical fixes an IDE may offer, often none
 * @param secondaryLocations the other places the finding relies on (the loop, the sleep, where a client is built),
 *     each with a few words; often none
 */
public record Finding(
        String ruleKey,
        Path file,
        int line,
        int column,
        int endLine,
        int endColumn,
        String message,
        Origin origin,
        List<Fix> fixes,
        List<SecondaryLocation> secondaryLocations)
        implements Comparable<Finding> {

    /** The walker that produced a finding. */
    public enum Origin {
        SOURCE,
        BYTECODE,
        /** The dependency analysis: the finding is on a build file's {@code <dependency>} element. */
        DEPENDENCIES
    }

    private static final Comparator<Finding> ORDER = Comparator.comparing((Finding f) -> f.file.toString())
            .thenComparingInt(Finding::line)
            .thenComparingInt(Finding::column)
            .thenComparing(Finding::ruleKey)
            .thenComparing(Finding::message);

    public Finding {
        Objects.requireNonNull(ruleKey, "ruleKey");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(origin, "origin");
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1: " + line);
        }
        fixes = List.copyOf(fixes);
        secondaryLocations = List.copyOf(secondaryLocations);
    }

    /** A finding without secondary locations. */
    public Finding(
            String ruleKey,
            Path file,
            int line,
            int column,
            int endLine,
            int endColumn,
            String message,
            Origin origin,
            List<Fix> fixes) {
        this(ruleKey, file, line, column, endLine, endColumn, message, origin, fixes, List.of());
    }

    /** A finding without a fix. */
    public Finding(
            String ruleKey,
            Path file,
            int line,
            int column,
            int endLine,
            int endColumn,
            String message,
            Origin origin) {
        this(ruleKey, file, line, column, endLine, endColumn, message, origin, List.of(), List.of());
    }

    /** The same finding in another file, its secondary locations in that file too when they were in its own. */
    public Finding inFile(Path other) {
        return new Finding(
                ruleKey,
                other,
                line,
                column,
                endLine,
                endColumn,
                message,
                origin,
                fixes,
                secondaryLocations.stream()
                        .map(s -> s.file().equals(file) ? s.inFile(other) : s)
                        .toList());
    }

    public boolean hasColumn() {
        return column > 0;
    }

    public boolean hasEnd() {
        return endLine > 0 && endColumn > 0;
    }

    @Override
    public int compareTo(Finding other) {
        return ORDER.compare(this, other);
    }
}
