package org.ecobugs.rules.java;

import java.util.Arrays;

/**
 * The declarations of a Java file that other files' constants may come from, cut out of its text by a scan of its
 * tokens, without a parse: the package and the imports, each type's header (annotations, name, supertypes) and closing
 * brace, its constants (fields declared {@code static final} with an initializer, and every field of an interface or an
 * annotation type), and the whole of a type annotated {@code @ConfigurationProperties} (its fields, their initial
 * values and its getters). Everything else (methods, initializer blocks, other fields, enum constants) is overwritten
 * with spaces, and a line left blank is emptied, its line break kept: the skeleton parses in a small part of the file's
 * time, and its nodes keep the file's lines and columns.
 */
public final class SourceSkeleton {

    private static final byte IDENTIFIER = 1;
    private static final byte LITERAL = 2;
    private static final byte PUNCTUATION = 3;

    private enum Kind {
        CLASS,
        INTERFACE,
        ENUM,
        RECORD,
        ANNOTATION
    }

    private final String text;
    private int count;
    private int[] starts = new int[256];
    private int[] ends = new int[256];
    private byte[] kinds = new byte[256];
    private int[] matches;
    private final char[] out;

    private SourceSkeleton(String text) {
        this.text = text;
        this.out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            char c = text.charAt(i);
            out[i] = c == '\n' || c == '\r' ? c : ' ';
        }
    }

    /**
     * The skeleton of a file's text, with as many lines; null when the text does not scan as Java (an unclosed comment,
     * string or bracket), or declares nothing worth keeping.
     */
    public static String of(String text) {
        SourceSkeleton skeleton = new SourceSkeleton(text);
        if (!skeleton.tokenize() || !skeleton.match()) {
            return null;
        }
        return skeleton.compilationUnit() ? skeleton.withoutBlankLines() : null;
    }

    /**
     * The kept text with each blank line emptied: the parser's time goes with the characters it reads, and most of a
     * file's lines hold nothing kept (a line that holds something keeps its width, so that columns stay).
     */
    private String withoutBlankLines() {
        StringBuilder lines = new StringBuilder(out.length / 4);
        int start = 0;
        boolean blank = true;
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            if (c == '\n' || c == '\r') {
                if (!blank) {
                    lines.append(out, start, i - start);
                }
                lines.append(c);
                start = i + 1;
                blank = true;
            } else if (c != ' ') {
                blank = false;
            }
        }
        if (!blank) {
            lines.append(out, start, out.length - start);
        }
        return lines.toString();
    }

    /** Whether the file names {@code @ConfigurationProperties}, whose types the skeleton keeps whole. */
    static boolean isConfigurationProperties(String annotationName) {
        return annotationName.equals("ConfigurationProperties") || annotationName.endsWith(".ConfigurationProperties");
    }

    // ---- tokens ----

    private boolean tokenize() {
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < length && text.charAt(i + 1) == '/') {
                while (i < length && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    i++;
                }
            } else if (c == '/' && i + 1 < length && text.charAt(i + 1) == '*') {
                int close = text.indexOf("*/", i + 2);
                if (close < 0) {
                    return false;
                }
                i = close + 2;
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < length && Character.isJavaIdentifierPart(text.charAt(i))) {
                    i++;
                }
                add(IDENTIFIER, start, i);
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < length && Character.isDigit(text.charAt(i + 1)))) {
                int start = i;
                while (i < length && isNumberPart(text, i)) {
                    i++;
                }
                add(LITERAL, start, i);
            } else if (c == '"' && text.startsWith("\"\"\"", i)) {
                int end = textBlockEnd(i + 3);
                if (end < 0) {
                    return false;
                }
                add(LITERAL, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = quotedEnd(i + 1, c);
                if (end < 0) {
                    return false;
                }
                add(LITERAL, i, end);
                i = end;
            } else {
                add(PUNCTUATION, i, i + 1);
                i++;
            }
        }
        return true;
    }

    private static boolean isNumberPart(String text, int i) {
        char c = text.charAt(i);
        if (Character.isLetterOrDigit(c) || c == '_' || c == '.') {
            return true;
        }
        // The sign of an exponent: 1e-3, 0x1p+4.
        char previous = text.charAt(i - 1);
        return (c == '+' || c == '-') && "eEpP".indexOf(previous) >= 0 && !text.startsWith("0x", i - 1);
    }

    private int quotedEnd(int from, char quote) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i + 1;
            } else if (c == '\n' || c == '\r') {
                return -1;
            }
        }
        return -1;
    }

    private int textBlockEnd(int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"' && text.startsWith("\"\"\"", i)) {
                return i + 3;
            }
        }
        return -1;
    }

    private void add(byte kind, int start, int end) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
            kinds = Arrays.copyOf(kinds, count * 2);
        }
        starts[count] = start;
        ends[count] = end;
        kinds[count] = kind;
        count++;
    }

    /** Pairs each opening bracket with its closing one; false when they do not pair. */
    private boolean match() {
        matches = new int[count];
        int[] open = new int[count];
        int depth = 0;
        for (int t = 0; t < count; t++) {
            matches[t] = -1;
            if (kinds[t] != PUNCTUATION) {
                continue;
            }
            char c = text.charAt(starts[t]);
            if (c == '(' || c == '[' || c == '{') {
                open[depth++] = t;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0 || !pairs(text.charAt(starts[open[depth - 1]]), c)) {
                    return false;
                }
                int opening = open[--depth];
                matches[opening] = t;
                matches[t] = opening;
            }
        }
        return depth == 0;
    }

    private static boolean pairs(char open, char close) {
        return (open == '(' && close == ')') || (open == '[' && close == ']') || (open == '{' && close == '}');
    }

    private boolean is(int t, char c) {
        return t >= 0 && t < count && kinds[t] == PUNCTUATION && text.charAt(starts[t]) == c;
    }

    private boolean isWord(int t, String word) {
        return t < count
                && kinds[t] == IDENTIFIER
                && ends[t] - starts[t] == word.length()
                && text.startsWith(word, starts[t]);
    }

    private boolean isIdentifier(int t) {
        return t < count && kinds[t] == IDENTIFIER;
    }

    private void keep(int firstToken, int lastToken) {
        int from = starts[firstToken];
        int to = ends[lastToken];
        text.getChars(from, to, out, from);
    }

    // ---- declarations ----

    /** Keeps the package, the imports and the types; false when nothing is kept. */
    private boolean compilationUnit() {
        boolean kept = false;
        int t = 0;
        while (t < count) {
            if (isWord(t, "package") || isWord(t, "import")) {
                int end = t;
                while (end < count && !is(end, ';')) {
                    end++;
                }
                if (end == count) {
                    return kept;
                }
                keep(t, end);
                t = end + 1;
            } else if (is(t, ';')) {
                t++;
            } else {
                int next = member(t, Kind.CLASS);
                if (next <= t) {
                    return kept;
                }
                t = next;
                kept = true;
            }
        }
        return kept;
    }

    /**
     * Reads one member of a type's body (or a top-level type) from token {@code t}, keeps what it should, and returns
     * the token after it; {@code t} itself when the body ends there.
     */
    private int member(int t, Kind enclosing) {
        int start = t;
        boolean isStatic = false;
        boolean isFinal = false;
        boolean assigned = false;
        boolean callable = false;
        boolean configurationProperties = false;
        Kind declares = null;
        while (t < count) {
            if (is(t, '@') && isIdentifier(t + 1) && !isWord(t + 1, "interface") && !assigned) {
                // An annotation: its name, then its arguments, whose brackets say nothing of the member.
                int name = t + 1;
                t = name + 1;
                while (is(t, '.') && isIdentifier(t + 1)) {
                    t += 2;
                }
                configurationProperties |= isConfigurationProperties(text.substring(starts[name], ends[t - 1]));
                if (is(t, '(')) {
                    t = matches[t] + 1;
                }
                continue;
            }
            if (is(t, '@') && isWord(t + 1, "interface") && !assigned) {
                declares = Kind.ANNOTATION;
                t += 2;
                continue;
            }
            if (isIdentifier(t) && !assigned && declares == null) {
                isStatic |= isWord(t, "static");
                isFinal |= isWord(t, "final");
                if (!is(t - 1, '.')) {
                    if (isWord(t, "class")) {
                        declares = Kind.CLASS;
                    } else if (isWord(t, "interface")) {
                        declares = Kind.INTERFACE;
                    } else if (isWord(t, "enum") && isIdentifier(t + 1)) {
                        declares = Kind.ENUM;
                    } else if (isWord(t, "record") && isIdentifier(t + 1) && (is(t + 2, '(') || is(t + 2, '<'))) {
                        declares = Kind.RECORD;
                    }
                }
                t++;
                continue;
            }
            if (is(t, '(') || is(t, '[')) {
                callable |= is(t, '(') && !assigned && declares == null;
                t = matches[t] + 1;
                continue;
            }
            if (is(t, '=') && !assigned && !is(t + 1, '=') && (isIdentifier(t - 1) || is(t - 1, ']'))) {
                assigned = true;
                t++;
                continue;
            }
            if (is(t, '{')) {
                int close = matches[t];
                if (assigned) {
                    t = close + 1; // an array initializer, a lambda's body, an anonymous class
                    continue;
                }
                if (declares == null) {
                    return close + 1; // a method's body or an initializer block
                }
                if (configurationProperties) {
                    keep(start, close);
                } else {
                    keep(start, t);
                    body(t + 1, close, declares);
                    keep(close, close);
                }
                return close + 1;
            }
            if (is(t, ';')) {
                boolean constant = isStatic && isFinal || enclosing == Kind.INTERFACE || enclosing == Kind.ANNOTATION;
                if (assigned && !callable && declares == null && constant) {
                    keep(start, t);
                }
                return t + 1;
            }
            if (is(t, '}')) {
                return t; // the end of the enclosing body
            }
            t++;
        }
        return t;
    }

    /** Reads the members of a type's body, between its braces (exclusive). */
    private void body(int from, int close, Kind kind) {
        int t = from;
        if (kind == Kind.ENUM) {
            // The constants come first, up to a semicolon; their arguments and bodies hold no constants.
            while (t < close && !is(t, ';')) {
                t = matches[t] > t ? matches[t] + 1 : t + 1;
            }
            if (t < close) {
                keep(t, t);
                t++;
            }
        }
        while (t < close) {
            if (is(t, ';')) {
                t++;
                continue;
            }
            int next = member(t, kind);
            if (next <= t) {
                return;
            }
            t = next;
        }
    }
}
