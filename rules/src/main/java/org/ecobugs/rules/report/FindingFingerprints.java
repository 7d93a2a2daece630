package org.ecobugs.rules.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.ecobugs.rules.Finding;

/**
 * A finding's identity across commits, for tools that track findings over time (GitHub code scanning reads SARIF's
 * {@code partialFingerprints}): the rule, the file (relative to the base directory), the header of the member it is in
 * (the nearest line above, less indented, that declares a method, constructor, type or lambda), the reported line's
 * text with blanks collapsed, and the finding's rank among those alike. Lines added or removed elsewhere do not change
 * it; an edit of the reported line or of its member's signature does. A dependency finding, whose line is a
 * {@code <dependency>} tag like its neighbours', is identified by its message without digits (sizes and versions
 * change, the coordinates' names do not).
 */
final class FindingFingerprints {

    static final String KEY = "ecobugsFindingHash/v1";

    private FindingFingerprints() {}

    /** The fingerprint of each finding, reported or suppressed. */
    static Map<Finding, String> of(ReportContext context, List<Finding> findings) {
        Map<Path, List<String>> lines = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<Finding, String> fingerprints = new HashMap<>();
        for (Finding finding : findings) {
            List<String> text = lines.computeIfAbsent(finding.file(), FindingFingerprints::read);
            String content = finding.origin() == Finding.Origin.DEPENDENCIES
                    ? finding.message().replaceAll("\\d", "")
                    : enclosingHeader(text, finding.line()) + "\u0000" + lineText(text, finding.line());
            String identity = String.join(
                    "\u0000", finding.ruleKey(), context.displayPath(finding.file()), content.replaceAll("\\s+", " "));
            int rank = seen.merge(identity, 1, Integer::sum);
            fingerprints.put(finding, sha256(identity + "\u0000" + rank));
        }
        return fingerprints;
    }

    private static List<String> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllLines(file, StandardCharsets.ISO_8859_1) : List.of();
        } catch (IOException | RuntimeException e) {
            // A file gone or unreadable since the analysis: its findings keep a fingerprint of rule and place only.
            return List.of();
        }
    }

    private static final java.util.regex.Pattern STATEMENT = java.util.regex.Pattern.compile(
            "(if|else|for|while|do|try|catch|finally|switch|case|synchronized|return|throw)\\b.*");

    /** The nearest less indented line above that reads as a declaration: a member's or type's header. */
    static String enclosingHeader(List<String> lines, int line) {
        if (line < 1 || line > lines.size()) {
            return "";
        }
        int indent = indentOf(lines.get(line - 1));
        for (int i = line - 2; i >= 0; i--) {
            String candidate = lines.get(i);
            String stripped = candidate.strip();
            if (stripped.isEmpty()
                    || stripped.startsWith("//")
                    || stripped.startsWith("*")
                    || stripped.startsWith("/*")) {
                continue;
            }
            int candidateIndent = indentOf(candidate);
            if (candidateIndent >= indent) {
                continue;
            }
            indent = candidateIndent;
            boolean declares = stripped.contains("(") || stripped.matches(".*\\b(class|interface|enum|record)\\b.*");
            if (declares && !STATEMENT.matcher(stripped).matches() && !stripped.startsWith("}")) {
                return stripped.replaceAll("\\s+", " ");
            }
        }
        return "";
    }

    private static int indentOf(String line) {
        int width = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ') {
                width++;
            } else if (c == '\t') {
                width += 4;
            } else {
                break;
            }
        }
        return width;
    }

    private static String lineText(List<String> lines, int line) {
        return line >= 1 && line <= lines.size() ? lines.get(line - 1).strip() : "";
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
