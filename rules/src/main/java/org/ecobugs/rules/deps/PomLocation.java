package org.ecobugs.rules.deps;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a {@code <dependency>} element is written, so that a finding about the dependency points at it.
 *
 * @param file the POM file
 * @param line 1-based line of the element
 * @param column 1-based column of the element's {@code <}, or 0 when unknown
 */
public record PomLocation(Path file, int line, int column) {

    public PomLocation {
        Objects.requireNonNull(file, "file");
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1: " + line);
        }
        if (column < 0) {
            throw new IllegalArgumentException("column must be >= 0: " + column);
        }
    }
}
