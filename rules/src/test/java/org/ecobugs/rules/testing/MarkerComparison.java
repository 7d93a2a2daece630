package org.ecobugs.rules.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.Fix;
import org.ecobugs.rules.SecondaryLocation;

/**
 * Compares the findings of one file with its markers, line by line, and says what differs in the markers' own syntax,
 * with each finding that does not match written as the marker that would match it.
 */
final class MarkerComparison {

    /**
     * What the findings are held to beyond their lines, messages and secondary locations.
     *
     * @param ranges whether the ranges that markers give are compared (not for findings placed by line only)
     * @param rangesRequired whether every marker must give a range
     * @param fixes whether fixes are compared: a finding's fixes must be those its marker states, none if it states none
     */
    record Scope(boolean ranges, boolean rangesRequired, boolean fixes) {}

    private final List<String> lines;
    private final String commentStart;
    private final Scope scope;

    /**
     * @param lines the file's lines, to apply fixes to
     * @param commentStart the comment that holds markers in this file, {@code //} or {@code #}
     */
    MarkerComparison(List<String> lines, String commentStart, Scope scope) {
        this.lines = lines;
        this.commentStart = commentStart;
        this.scope = scope;
    }

    /** What differs, one line of text per difference, empty when the findings are those the markers expect. */
    String compare(Map<Integer, List<Markers.Expected>> expected, Map<Integer, List<Finding>> actual) {
        StringBuilder report = new StringBuilder();
        TreeSet<Integer> allLines = new TreeSet<>(expected.keySet());
        allLines.addAll(actual.keySet());
        for (int line : allLines) {
            List<Markers.Expected> wanted = new ArrayList<>(expected.getOrDefault(line, List.of()));
            List<Finding> found = new ArrayList<>(actual.getOrDefault(line, List.of()));
            found.sort(Comparator.comparingInt(Finding::column)
                    .thenComparingInt(Finding::endLine)
                    .thenComparingInt(Finding::endColumn)
                    .thenComparing(Finding::message));
            if (wanted.size() != found.size()) {
                report.append(at(line))
                        .append("expected ")
                        .append(wanted.size())
                        .append(" finding(s), found ")
                        .append(found.size())
                        .append('\n');
                found.forEach(f -> report.append(at(line))
                        .append("found ")
                        .append(asMarker(f))
                        .append('\n'));
                continue;
            }
            // A marker that matches a finding exactly takes it; what is left is compared in order of columns.
            for (Markers.Expected want : List.copyOf(wanted)) {
                found.stream()
                        .filter(f -> differences(want, f).isEmpty())
                        .findFirst()
                        .ifPresent(f -> {
                            found.remove(f);
                            wanted.remove(want);
                        });
            }
            for (int i = 0; i < wanted.size(); i++) {
                Finding finding = found.get(i);
                differences(wanted.get(i), finding)
                        .forEach(d -> report.append(at(line)).append(d).append('\n'));
                report.append(at(line))
                        .append("found ")
                        .append(asMarker(finding))
                        .append('\n');
            }
        }
        return report.toString();
    }

    private List<String> differences(Markers.Expected want, Finding finding) {
        List<String> differences = new ArrayList<>();
        Markers.Range range = rangeOf(finding);
        if (want.range() == null && scope.rangesRequired()) {
            differences.add("the marker gives no [[sc=..;ec=..]] (" + range.toMarker(finding.line()) + ")");
        } else if (want.range() != null && scope.ranges() && !want.range().equals(range)) {
            differences.add("expected [[" + want.range().toMarker(finding.line()) + "]], found [["
                    + range.toMarker(finding.line()) + "]]");
        }
        if (want.message() != null && !want.message().equals(finding.message())) {
            differences.add("expected message {{" + want.message() + "}}, found {{" + finding.message() + "}}");
        }
        differences.addAll(secondaryDifferences(want, finding));
        if (scope.fixes()) {
            List<Markers.ExpectedFix> fixes =
                    finding.fixes().stream().map(this::applied).toList();
            if (!want.fixes().equals(fixes)) {
                differences.add("expected " + (want.fixes().isEmpty() ? "no fix" : fixes(want.fixes())) + ", found "
                        + (fixes.isEmpty() ? "no fix" : fixes(fixes)));
            }
        }
        return differences;
    }

    private List<String> secondaryDifferences(Markers.Expected want, Finding finding) {
        List<String> differences = new ArrayList<>();
        List<Integer> missing = new ArrayList<>(want.secondaryLines());
        List<String> missingElsewhere = new ArrayList<>(want.otherFileSecondaries());
        List<SecondaryLocation> unexpected = new ArrayList<>();
        for (SecondaryLocation secondary : finding.secondaryLocations()) {
            boolean expected = secondary.file().equals(finding.file())
                    ? missing.remove((Integer) secondary.line())
                    : missingElsewhere.remove(otherFileReference(secondary));
            if (!expected) {
                unexpected.add(secondary);
            }
        }
        for (SecondaryLocation secondary : unexpected) {
            String where = secondary.file().equals(finding.file())
                    ? "line " + secondary.line()
                    : secondary.file() + ":" + secondary.line();
            differences.add("unexpected secondary location at " + where + " {{" + secondary.message() + "}}");
        }
        for (int line : missing) {
            differences.add("expected a secondary location at line " + line + ", found none there");
        }
        for (String place : missingElsewhere) {
            differences.add("expected a secondary location at " + place + ", found none there");
        }
        want.otherFileMessages().forEach((place, words) -> {
            List<String> there = finding.secondaryLocations().stream()
                    .filter(s -> !s.file().equals(finding.file())
                            && otherFileReference(s).equals(place))
                    .map(SecondaryLocation::message)
                    .toList();
            if (!there.isEmpty() && !there.contains(words)) {
                differences.add("expected the secondary location at " + place + " to say {{" + words + "}}, found "
                        + there.stream().map(w -> "{{" + w + "}}").collect(Collectors.joining(" ")));
            }
        });
        want.secondaryMessages().forEach((line, words) -> {
            List<String> there = finding.secondaryLocations().stream()
                    .filter(s -> s.line() == line)
                    .map(SecondaryLocation::message)
                    .toList();
            if (!there.isEmpty() && !there.contains(words)) {
                differences.add("expected the secondary location at line " + line + " to say {{" + words + "}}, found "
                        + there.stream().map(w -> "{{" + w + "}}").collect(Collectors.joining(" ")));
            }
        });
        return differences;
    }

    /** A secondary location in another file of a fixture directory, as markers name it: {@code OrderService.java:14}. */
    private static String otherFileReference(SecondaryLocation secondary) {
        return secondary.file().getFileName() + ":" + secondary.line();
    }

    /** The finding as the marker that would match it exactly. */
    String asMarker(Finding finding) {
        int line = finding.line();
        StringBuilder marker = new StringBuilder("[[").append(rangeOf(finding).toMarker(line));
        if (!finding.secondaryLocations().isEmpty()) {
            marker.append(";secondary=")
                    .append(finding.secondaryLocations().stream()
                            .map(s -> s.file().equals(finding.file())
                                    ? Markers.relative(s.line() - line)
                                    : otherFileReference(s))
                            .collect(Collectors.joining(",")));
        }
        marker.append("]] {{").append(finding.message()).append("}}");
        for (SecondaryLocation secondary : finding.secondaryLocations()) {
            marker.append(" secondary@")
                    .append(
                            secondary.file().equals(finding.file())
                                    ? Markers.relative(secondary.line() - line)
                                    : otherFileReference(secondary))
                    .append(" {{")
                    .append(secondary.message())
                    .append("}}");
        }
        if (!finding.fixes().isEmpty()) {
            marker.append(' ')
                    .append(fixes(finding.fixes().stream().map(this::applied).toList()));
        }
        return marker.toString();
    }

    private Markers.ExpectedFix applied(Fix fix) {
        List<String> fixed = FixApplier.apply(lines, fix);
        List<String> changed = FixApplier.changedLines(lines, fix).stream()
                .map(n -> Markers.withoutMarker(fixed.get(n - 1), commentStart))
                .toList();
        return new Markers.ExpectedFix(fix.description(), changed);
    }

    private static String fixes(List<Markers.ExpectedFix> fixes) {
        return fixes.stream()
                .map(fix -> "fix {{" + fix.description() + "}} "
                        + fix.lines().stream().map(l -> "{{" + l + "}}").collect(Collectors.joining(" ")))
                .collect(Collectors.joining(" "));
    }

    private static Markers.Range rangeOf(Finding finding) {
        return finding.hasColumn()
                ? new Markers.Range(finding.column(), finding.endLine(), finding.endColumn())
                : Markers.Range.LINE_ONLY;
    }

    private static String at(int line) {
        return "  line " + line + ": ";
    }
}
