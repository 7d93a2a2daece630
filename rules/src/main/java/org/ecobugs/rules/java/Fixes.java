package org.ecobugs.rules.java;

import com.github.javaparser.Range;
import com.github.javaparser.ast.Node;
import java.util.List;
import org.ecobugs.rules.Fix;

/** Builds fixes from syntax nodes, editing only the characters that change so the rest of the layout is kept. */
public final class Fixes {

    private Fixes() {}

    /** Replaces the text of {@code node}. */
    public static Fix replace(String description, Node node, String replacement) {
        Range range = range(node);
        return new Fix(
                description,
                List.of(new Fix.Edit(
                        range.begin.line, range.begin.column, range.end.line, range.end.column, replacement)));
    }

    /** Deletes the text after {@code kept} up to the end of {@code enclosing}: {@code a.b().c()} keeping {@code a.b()}. */
    public static Fix deleteAfter(String description, Node kept, Node enclosing) {
        Range keep = range(kept);
        Range all = range(enclosing);
        return new Fix(
                description,
                List.of(new Fix.Edit(keep.end.line, keep.end.column + 1, all.end.line, all.end.column, "")));
    }

    private static Range range(Node node) {
        return node.getRange()
                .orElseThrow(() -> new IllegalArgumentException("A fix needs a node with a position: " + node));
    }
}
