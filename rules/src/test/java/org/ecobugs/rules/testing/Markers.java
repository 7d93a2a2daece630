package org.ecobugs.rules.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the expectations written in a fixture, in a syntax modelled on sonar-analyzer-commons'. A marker is a comment
 * ({@code //} in Java, {@code #} in configuration files) that starts with {@code Noncompliant} and describes the findings
 * of one line:
 *
 * <pre>{@code
 * a();  // Noncompliant                       one finding on this line
 * // Noncompliant@+1                          one finding on the next line (@-2 above, @12 on line 12)
 * b();  // Noncompliant 2                     two findings on this line
 * c();  // Noncompliant {{exact message}}     one finding, with its message
 * }</pre>
 *
 * <p>Each finding can be written out, one after the other, starting with its attributes in {@code [[...]]}; the range
 * is the one a user sees highlighted, 1-based columns with both ends included, as in {@link
 * org.ecobugs.rules.Finding}:
 *
 * <pre>{@code
 * // Noncompliant [[sc=9;ec=23]] {{message}}             columns 9 to 23 of the line
 * // Noncompliant [[sc=9;el=+2;ec=10]]                   from column 9 to column 10 two lines further down
 * // Noncompliant [[sc=0]]                               no column: a finding only the bytecode walker made
 * // Noncompliant [[sc=5;ec=9]] [[sc=14;ec=30]] {{msg}}  two findings; the second one with its message
 * }</pre>
 *
 * <p>Secondary locations are listed by line in {@code secondary=}, relative to the finding's line ({@code +2}, {@code
 * -1}, {@code +0} for its own) or absolute ({@code 40}); a line that holds two of them is written twice. The words a
 * host shows for one of them may follow the finding's message as {@code secondary@<line> {{words}}}, the line written
 * as in the list. A separate form, rather than more {@code {{...}}} after the message, keeps every text tied to the
 * location it describes:
 *
 * <pre>{@code
 * while (!done) { // Noncompliant [[sc=8;ec=12;secondary=+1]] {{message}} secondary@+1 {{the sleep of 10 ms between checks}}
 * }</pre>
 *
 * <p>A fix is written {@code fix {{description}}} followed by the text of every line it writes or cuts into, once it is
 * applied, top to bottom, each without its indentation and without its own marker comment; a line it empties is
 * {@code {{}}}. All the {@code {{...}}} after {@code fix} belong to it, so on a line of several findings each starts
 * with its {@code [[...]]}:
 *
 * <pre>{@code
 * mapper.configure(INDENT_OUTPUT, true); // Noncompliant [[sc=1;ec=37]] fix {{Write compact output}} {{mapper.configure(INDENT_OUTPUT, false);}}
 * }</pre>
 *
 * <p>A text in {@code {{...}}} ends at the last of the closing braces that follow it, so a line of code that ends with
 * a brace is written <code>{{if (ready) { go(); }}}</code>. What the verifier holds a finding to is described in {@link
 * RuleVerifier}. A marker that cannot be read fails, naming its file and line.
 */
final class Markers {

    private static final Pattern HEAD = Pattern.compile(
            "(?://|#)\\s*Noncompliant(?<shift>@[+-]?\\d+)?(?:\\s+(?<count>\\d+)(?=\\s|\\{\\{|\\[\\[|$))?");
    private static final Pattern LINE_REFERENCE = Pattern.compile("[+-]?\\d+");
    private static final Pattern SECONDARY_AT =
            Pattern.compile("secondary@((?:[\\w$-]+\\.(?:java|properties|ya?ml):)?[+-]?\\d+)");
    /**
     * A secondary location in another file of a fixture directory: {@code OrderService.java:14}, {@code
     * application.properties:3}.
     */
    private static final Pattern OTHER_FILE_LINE = Pattern.compile("[\\w$-]+\\.(?:java|properties|ya?ml):\\d+");

    /**
     * Where a finding is highlighted: 1-based columns, the end included, as in {@link org.ecobugs.rules.Finding}; a
     * column of 0 is a finding placed by line only.
     */
    record Range(int column, int endLine, int endColumn) {

        static final Range LINE_ONLY = new Range(0, 0, 0);

        /** The range as a marker writes it for a finding on {@code line}. */
        String toMarker(int line) {
            if (column == 0) {
                return "sc=0";
            }
            if (endLine == 0) {
                // A start without an end, as configuration findings have: no marker can state it.
                return "sc=" + column + ", no end";
            }
            return "sc=" + column + (endLine == line ? "" : ";el=" + relative(endLine - line)) + ";ec=" + endColumn;
        }
    }

    /** A fix as a marker states it: its description and the lines it leaves. */
    record ExpectedFix(String description, List<String> lines) {}

    /**
     * One finding a marker expects. A null range or message is not checked; an empty list of secondary locations or
     * fixes is checked: the finding must have none.
     *
     * @param secondaryLines the absolute lines of its secondary locations, in the order written
     * @param secondaryMessages the words of some of them, by absolute line
     * @param otherFileSecondaries its secondary locations in other files of a fixture directory, as {@code
     *     OrderService.java:14} or {@code application.properties:2}
     * @param otherFileMessages the words of some of those, by the same references
     */
    record Expected(
            Range range,
            String message,
            List<Integer> secondaryLines,
            Map<Integer, String> secondaryMessages,
            List<ExpectedFix> fixes,
            List<String> otherFileSecondaries,
            Map<String, String> otherFileMessages) {

        static Expected any() {
            return new Expected(null, null, List.of(), Map.of(), List.of(), List.of(), Map.of());
        }

        Expected withMessage(String other) {
            return new Expected(
                    range, other, secondaryLines, secondaryMessages, fixes, otherFileSecondaries, otherFileMessages);
        }
    }

    private Markers() {}

    /**
     * Parses the markers of a fixture: the findings expected on each line.
     *
     * @throws IllegalArgumentException naming the line of a malformed marker
     */
    static Map<Integer, List<Expected>> parse(String fixtureName, List<String> lines) {
        // Configuration files have # comments; Java has //.
        return parse(fixtureName, lines, fixtureName.endsWith(".java") ? "//" : "#");
    }

    private static Map<Integer, List<Expected>> parse(String fixtureName, List<String> lines, String commentStart) {
        Map<Integer, List<Expected>> expected = new TreeMap<>();
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
            String marker = line.substring(comment);
            Matcher head = HEAD.matcher(marker);
            if (!head.lookingAt()) {
                throw malformed(fixtureName, i + 1, marker.strip());
            }
            int target = resolve(
                    head.group("shift") == null ? "+0" : head.group("shift").substring(1), i + 1);
            if (target < 1 || target > lines.size()) {
                throw malformed(fixtureName, i + 1, "points at line " + target + ", outside the file");
            }
            List<Expected> findings;
            try {
                findings = new FindingsReader(marker.substring(head.end()), target, lines.size()).read();
            } catch (IllegalArgumentException e) {
                throw malformed(fixtureName, i + 1, e.getMessage());
            }
            if (head.group("count") != null) {
                int count = Integer.parseInt(head.group("count"));
                if (count < 1 || (!findings.isEmpty() && findings.size() != count)) {
                    throw malformed(
                            fixtureName,
                            i + 1,
                            "count " + count + " does not match the " + findings.size() + " findings written");
                }
                if (findings.isEmpty()) {
                    findings = Collections.nCopies(count, Expected.any());
                }
            } else if (findings.isEmpty()) {
                findings = List.of(Expected.any());
            }
            expected.computeIfAbsent(target, k -> new ArrayList<>()).addAll(findings);
        }
        return expected;
    }

    private static final Pattern XML_MARKER = Pattern.compile("<!--\\s*(Noncompliant.*?)\\s*-->");

    /**
     * Parses the markers of an XML fixture, written as comments: {@code <!-- Noncompliant -->}, {@code <!--
     * Noncompliant {{message}} -->}, with the same syntax inside.
     */
    static Map<Integer, List<Expected>> parseXml(String fixtureName, List<String> lines) {
        List<String> asJava = new ArrayList<>();
        for (String line : lines) {
            Matcher marker = XML_MARKER.matcher(line);
            asJava.add(marker.find() ? line.substring(0, marker.start()) + "// " + marker.group(1) : line);
        }
        return parse(fixtureName, asJava, "//");
    }

    /**
     * Cuts a marker comment off a line of a fixture, and the indentation: what is left is the code a fix is compared
     * with.
     */
    static String withoutMarker(String line, String commentStart) {
        int at = line.indexOf("Noncompliant");
        int comment = at < 0 ? -1 : line.lastIndexOf(commentStart, at);
        return (comment < 0 ? line : line.substring(0, comment)).strip();
    }

    /** {@code +2} or {@code -1} relative to {@code line}, or an absolute line. */
    static int resolve(String reference, int line) {
        int value = Integer.parseInt(reference);
        return reference.startsWith("+") || reference.startsWith("-") ? line + value : value;
    }

    static String relative(int offset) {
        return offset < 0 ? String.valueOf(offset) : "+" + offset;
    }

    /** Reads the findings written after {@code Noncompliant}: {@code [[...]]}, {@code {{...}}}, {@code secondary@}, {@code fix}. */
    private static final class FindingsReader {

        private final String text;
        private final int findingLine;
        private final int lineCount;
        private final List<Expected> findings = new ArrayList<>();
        private int position;

        private Range range;
        private String message;
        private List<Integer> secondaryLines = List.of();
        private Map<Integer, String> secondaryMessages = new LinkedHashMap<>();
        private List<String> otherFileSecondaries = List.of();
        private Map<String, String> otherFileMessages = new LinkedHashMap<>();
        private List<ExpectedFix> fixes = new ArrayList<>();
        private boolean open;
        private boolean messageAllowed;

        FindingsReader(String text, int findingLine, int lineCount) {
            this.text = text;
            this.findingLine = findingLine;
            this.lineCount = lineCount;
        }

        List<Expected> read() {
            skipSpaces();
            while (position < text.length()) {
                if (text.startsWith("[[", position)) {
                    finish();
                    open = true;
                    messageAllowed = true;
                    attributes(enclosed("[[", "]]"));
                } else if (text.startsWith("{{", position)) {
                    if (!messageAllowed) {
                        finish();
                        open = true;
                    }
                    message = enclosed("{{", "}}");
                    messageAllowed = false;
                } else if (text.startsWith("secondary@", position)) {
                    secondaryMessage();
                } else if (text.startsWith("fix", position)) {
                    fix();
                } else {
                    throw new IllegalArgumentException(
                            "unexpected '" + text.substring(position).strip() + "'");
                }
                skipSpaces();
            }
            finish();
            return findings;
        }

        private void attributes(String attributes) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String attribute : attributes.split(";")) {
                String[] keyValue = attribute.strip().split("=", 2);
                if (keyValue.length != 2 || keyValue[1].isBlank()) {
                    throw new IllegalArgumentException("attribute '" + attribute.strip() + "' is not key=value");
                }
                if (values.put(keyValue[0].strip(), keyValue[1].strip()) != null) {
                    throw new IllegalArgumentException("attribute '" + keyValue[0].strip() + "' given twice");
                }
            }
            for (String key : values.keySet()) {
                if (!List.of("sc", "ec", "el", "secondary").contains(key)) {
                    throw new IllegalArgumentException("unknown attribute '" + key + "' (sc, ec, el, secondary)");
                }
            }
            range = range(values);
            if (values.containsKey("secondary")) {
                List<Integer> lines = new ArrayList<>();
                List<String> elsewhere = new ArrayList<>();
                for (String reference : values.get("secondary").split(",")) {
                    if (OTHER_FILE_LINE.matcher(reference.strip()).matches()) {
                        elsewhere.add(reference.strip());
                    } else {
                        lines.add(line(reference.strip(), "secondary"));
                    }
                }
                secondaryLines = List.copyOf(lines);
                otherFileSecondaries = List.copyOf(elsewhere);
            }
        }

        private Range range(Map<String, String> values) {
            String sc = values.get("sc");
            if (sc == null) {
                if (values.containsKey("ec") || values.containsKey("el")) {
                    throw new IllegalArgumentException("ec and el need sc");
                }
                return null;
            }
            int column = number(sc, "sc");
            if (column == 0) {
                if (values.containsKey("ec") || values.containsKey("el")) {
                    throw new IllegalArgumentException("sc=0 is a finding without a range: it takes no ec or el");
                }
                return Range.LINE_ONLY;
            }
            if (!values.containsKey("ec")) {
                throw new IllegalArgumentException("sc=" + sc + " needs its ec");
            }
            int endLine = values.containsKey("el") ? line(values.get("el"), "el") : findingLine;
            if (endLine < findingLine) {
                throw new IllegalArgumentException("el=" + values.get("el") + " ends before the finding's line");
            }
            return new Range(column, endLine, number(values.get("ec"), "ec"));
        }

        private void secondaryMessage() {
            Matcher at = SECONDARY_AT.matcher(text).region(position, text.length());
            if (!at.lookingAt()) {
                throw new IllegalArgumentException("secondary@ needs a line: secondary@+2 {{words}}");
            }
            position = at.end();
            if (OTHER_FILE_LINE.matcher(at.group(1)).matches()) {
                if (!open || !otherFileSecondaries.contains(at.group(1))) {
                    throw new IllegalArgumentException(
                            "secondary@" + at.group(1) + " names no place of the finding's secondary= list");
                }
                skipSpaces();
                otherFileMessages.put(at.group(1), required("secondary@" + at.group(1)));
                messageAllowed = false;
                return;
            }
            int line = line(at.group(1), "secondary@");
            if (!open || !secondaryLines.contains(line)) {
                throw new IllegalArgumentException(
                        "secondary@" + at.group(1) + " names no line of the finding's secondary= list");
            }
            skipSpaces();
            secondaryMessages.put(line, required("secondary@" + at.group(1)));
            messageAllowed = false;
        }

        private void fix() {
            if (!open) {
                open = true;
            }
            position += "fix".length();
            skipSpaces();
            String description = required("fix");
            List<String> result = new ArrayList<>();
            skipSpaces();
            while (text.startsWith("{{", position)) {
                result.add(enclosed("{{", "}}"));
                skipSpaces();
            }
            if (result.isEmpty()) {
                throw new IllegalArgumentException(
                        "fix {{" + description + "}} states no line: follow it with the lines the fix leaves");
            }
            fixes.add(new ExpectedFix(description, List.copyOf(result)));
            messageAllowed = false;
        }

        private String required(String what) {
            if (!text.startsWith("{{", position)) {
                throw new IllegalArgumentException(what + " needs its words in {{...}}");
            }
            return enclosed("{{", "}}");
        }

        private String enclosed(String open, String close) {
            int end = text.indexOf(close, position + open.length());
            if (end < 0) {
                throw new IllegalArgumentException("'" + open + "' without its '" + close + "'");
            }
            // Text that ends with the closing character, a line of code ending with a brace, keeps it: {{if (a) { b();
            // }}}.
            while (end + close.length() < text.length() && text.charAt(end + close.length()) == close.charAt(0)) {
                end++;
            }
            String content = text.substring(position + open.length(), end);
            position = end + close.length();
            return content;
        }

        private int line(String reference, String attribute) {
            if (!LINE_REFERENCE.matcher(reference).matches()) {
                throw new IllegalArgumentException(attribute + "=" + reference + " is not a line (+2, -1 or 40)");
            }
            int line = resolve(reference, findingLine);
            if (line < 1 || line > lineCount) {
                throw new IllegalArgumentException(attribute + " points at line " + line + ", outside the file");
            }
            return line;
        }

        private static int number(String value, String attribute) {
            try {
                int number = Integer.parseInt(value);
                if (number < 0) {
                    throw new NumberFormatException();
                }
                return number;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(attribute + "=" + value + " is not a column");
            }
        }

        private void finish() {
            if (open) {
                findings.add(new Expected(
                        range,
                        message,
                        secondaryLines,
                        Map.copyOf(secondaryMessages),
                        List.copyOf(fixes),
                        otherFileSecondaries,
                        Map.copyOf(otherFileMessages)));
            }
            open = false;
            range = null;
            message = null;
            secondaryLines = List.of();
            secondaryMessages = new LinkedHashMap<>();
            otherFileSecondaries = List.of();
            otherFileMessages = new LinkedHashMap<>();
            fixes = new ArrayList<>();
            messageAllowed = false;
        }

        private void skipSpaces() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }
    }

    private static IllegalArgumentException malformed(String fixture, int line, String detail) {
        return new IllegalArgumentException("Malformed marker at " + fixture + ":" + line + ": " + detail);
    }
}
