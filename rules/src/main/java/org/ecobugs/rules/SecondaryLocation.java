package org.ecobugs.rules;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Another place a finding relies on, with a few words of its own: the loop that makes a call once per element, where a
 * client is built, the sleep of a poll loop. Hosts show it beside the finding (SARIF {@code relatedLocations},
 * SonarQube secondary locations, the editor's related information).
 *
 * @param file the file it is in, most often the finding's own
 * @param line 1-based line
 * @param column 1-based column, or 0 when only the line is known (bytecode)
 * @param endLine 1-based end line, or 0 when unknown
 * @param endColumn 1-based inclusive end column, or 0 when unknown
 * @param message what this place is to the finding, e.g. "the loop that runs it per element"
 */
public record SecondaryLocation(Path file, int line, int column, int endLine, int endColumn, String message) {

    public SecondaryLocation {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1: " + line);
        }
    }

    public boolean hasColumn() {
        return column > 0;
    }

    public boolean hasEnd() {
        return endLine > 0 && endColumn > 0;
    }

    /** The same place in another file: a finding moved onto the document an editor shows, say. */
    public SecondaryLocation inFile(Path other) {
        return new SecondaryLocation(other, line, column, endLine, endColumn, message);
    }
}
