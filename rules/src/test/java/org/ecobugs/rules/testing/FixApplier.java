package org.ecobugs.rules.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.ecobugs.rules.Fix;

/** Applies a fix to the lines of a file, as an IDE would. */
public final class FixApplier {

    private FixApplier() {}

    public static List<String> apply(List<String> lines, Fix fix) {
        return apply(lines, fix, new TreeSet<>());
    }

    /**
     * The lines of the fixed file that the fix wrote or cut into, top to bottom, by their 1-based numbers in the fixed
     * file: what a reader of the diff looks at.
     */
    public static List<Integer> changedLines(List<String> lines, Fix fix) {
        TreeSet<Integer> changed = new TreeSet<>();
        apply(lines, fix, changed);
        return List.copyOf(changed);
    }

    private static List<String> apply(List<String> lines, Fix fix, TreeSet<Integer> changed) {
        String text = String.join("\n", lines);
        List<Fix.Edit> edits = new ArrayList<>(fix.edits());
        edits.sort(Comparator.comparingInt(Fix.Edit::line).thenComparingInt(Fix.Edit::column));
        StringBuilder result = new StringBuilder(text);
        // Forward, so that where each edit wrote is known in the result: each is shifted by what the ones before it
        // added or removed.
        int shift = 0;
        List<int[]> written = new ArrayList<>();
        for (Fix.Edit edit : edits) {
            int start = offset(lines, edit.line(), edit.column()) + shift;
            int end = Math.max(start, offset(lines, edit.endLine(), edit.endColumn()) + 1 + shift);
            result.replace(start, end, edit.replacement());
            shift += edit.replacement().length() - (end - start);
            written.add(new int[] {start, start + edit.replacement().length()});
        }
        for (int[] range : written) {
            int last = Math.max(range[0], range[1] - 1);
            for (int line = lineAt(result, range[0]); line <= lineAt(result, last); line++) {
                changed.add(line);
            }
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

    private static int lineAt(CharSequence text, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
