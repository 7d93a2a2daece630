package org.ecobugs.rules;

import java.util.List;
import java.util.Objects;

/**
 * A mechanical fix of a finding, as text edits on its file: what an IDE offers as a quick fix. Rules offer one only
 * when the change is safe to apply without reading the code around it.
 *
 * @param description what applying it does, e.g. "Write compact JSON"
 * @param edits the edits, non-overlapping
 */
public record Fix(String description, List<Edit> edits) {

    public Fix {
        Objects.requireNonNull(description, "description");
        edits = List.copyOf(edits);
    }

    /**
     * Replaces a range of the file: 1-based lines and columns, the end inclusive as in {@link Finding}; an empty range
     * (end just before start) inserts.
     */
    public record Edit(int line, int column, int endLine, int endColumn, String replacement) {
        public Edit {
            Objects.requireNonNull(replacement, "replacement");
        }
    }
}
