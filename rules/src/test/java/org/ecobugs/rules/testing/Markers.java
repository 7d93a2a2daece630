package org.ecobugs.rules.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the expectations written in a fixture, in the subset of sonar-analyzer-commons' syntax that ecobugs uses:
 * {@code // Noncompliant} on the flagged line, {@code // Noncompliant@+1} (or {@code @-2}) for another line,
 * {@code // Noncompliant 2} for two findings on one line, and {@code {{message}}} for the exact message of each.
 * Configuration files write the same markers in {@code #} comments.
 */
final class Markers {

    private static final Pattern MARKER = Pattern.compile(
            "(?://|#)\\s*Noncompliant(?<shift>@[+-]?\\d+)?(?:\\s+(?<count>\\d+))?(?<messages>(?:\\s*\\{\\{.*?}})*)\\s*$");
    private static final Pattern MESSAGE = Pattern.compile("\\{\\{(.*?)}}");

    /** What one line expects: a number of findings and, for some of them, their exact messages. */
    record Expectation(int count, List<String> messages) {}

    private Markers() {}

    /**
     * Parses the markers of a fixture.
     *
     * @throws IllegalArgumentException naming the line of a malformed marker
     */
    static Map<Integer, Expectation> parse(String fixtureName, List<String> lines) {
        // Configuration files have # comments; Java has //.
        return parse(fixtureName, lines, fixtureName.endsWith(".java") ? "//" : "#");
    }

    private static Map<Integer, Expectation> parse(String fixtureName, List<String> lines, String commentStart) {
        Map<Integer, Expectation> expected = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int at = line.indexOf("Noncompliant");
            if (at < 0) {
                continue;
            }
            int comment = line.lastIndexOf(commentStart, at);
            if (comment < 0) {
                throw malformed(fixtureName, i + 1, "'Noncompliant' outside a " + commentStart + " comment");
            }
            Matcher matcher = MARKER.matcher(line.substring(comment));
            if (!matcher.matches()) {
                throw malformed(fixtureName, i + 1, line.substring(comment).strip());
            }
            int target = i + 1 + shift(matcher.group("shift"), i + 1);
            List<String> messages = new ArrayList<>();
            Matcher message = MESSAGE.matcher(matcher.group("messages"));
            while (message.find()) {
                messages.add(message.group(1));
            }
            int count = matcher.group("count") == null
                    ? Math.max(1, messages.size())
                    : Integer.parseInt(matcher.group("count"));
            if (count < 1 || (!messages.isEmpty() && messages.size() != count)) {
                throw malformed(
                        fixtureName, i + 1, "count " + count + " does not match " + messages.size() + " messages");
            }
            if (target < 1 || target > lines.size()) {
                throw malformed(fixtureName, i + 1, "points at line " + target + ", outside the file");
            }
            Expectation previous = expected.get(target);
            if (previous != null) {
                List<String> merged = new ArrayList<>(previous.messages());
                merged.addAll(messages);
                expected.put(target, new Expectation(previous.count() + count, merged));
            } else {
                expected.put(target, new Expectation(count, messages));
            }
        }
        return expected;
    }

    private static final Pattern XML_MARKER = Pattern.compile("<!--\\s*(Noncompliant.*?)\\s*-->");

    /**
     * Parses the markers of an XML fixture, written as comments: {@code <!-- Noncompliant -->}, {@code <!--
     * Noncompliant {{message}} -->}, with the same syntax inside.
     */
    static Map<Integer, Expectation> parseXml(String fixtureName, List<String> lines) {
        List<String> asJava = new ArrayList<>();
        for (String line : lines) {
            Matcher marker = XML_MARKER.matcher(line);
            asJava.add(marker.find() ? line.substring(0, marker.start()) + "// " + marker.group(1) : line);
        }
        return parse(fixtureName, asJava, "//");
    }

    private static int shift(String group, int line) {
        if (group == null) {
            return 0;
        }
        String value = group.substring(1);
        if (value.startsWith("+") || value.startsWith("-")) {
            return Integer.parseInt(value);
        }
        return Integer.parseInt(value) - line;
    }

    private static IllegalArgumentException malformed(String fixture, int line, String detail) {
        return new IllegalArgumentException("Malformed marker at " + fixture + ":" + line + ": " + detail);
    }
}
