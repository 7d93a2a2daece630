package org.ecobugs.rules.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ecobugs.rules.Fix;

/** Applies a fix to the lines of a file, as an IDE would. */
public final class FixApplier {

    private FixApplier() {}

    public static List<String> apply(List<String> lines, Fix fix) {
        String text = String.join("\n", lines);
        List<Fix.Edit> edits = new ArrayList<>(fix.edits());
        // From the end, so that earlier offsets stay valid.
        edits.sort(Comparator.comparingInt(Fix.Edit::line)
                .thenComparingInt(Fix.Edit::column)
                .reversed());
        StringBuilder result = new StringBuilder(text);
        for (Fix.Edit edit : edits) {
            int start = offset(lines, edit.line(), edit.column());
            int end = offset(lines, edit.endLine(), edit.endColumn()) + 1;
            result.replace(start, Math.max(start, end), edit.replacement());
        }
        return List.of(result.toString().split("\n", -1));
    }

    private static int offset(List<String> lines, int line, int column) {
        int offset = 0;
        for (int i = 0; i < line - 1; i++) {
            offset += lines.get(i).length() + 1;
        }
        return offset + column - 1;
    }
}
