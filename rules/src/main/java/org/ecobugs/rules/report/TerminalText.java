package org.ecobugs.rules.report;

/**
 * Makes text from analysed inputs (file names, messages that quote code) safe to print on one line of a terminal or a
 * log: a file named with a newline must not forge a finding line, and escape sequences in a name must not reach the
 * terminal. Control characters (C0, DEL, C1), line and paragraph separators and bidirectional overrides (which can make
 * a line read differently from what it holds) are written as {@code \n}, {@code \r}, {@code \t} or {@code \}{@code
 * uXXXX}; everything else is kept.
 */
public final class TerminalText {

    private TerminalText() {}

    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        int first = firstUnsafe(text);
        if (first < 0) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 8).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isUnsafe(c)) {
                escaped.append(c);
            } else if (c == '\n') {
                escaped.append("\\n");
            } else if (c == '\r') {
                escaped.append("\\r");
            } else if (c == '\t') {
                escaped.append("\\t");
            } else {
                escaped.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return escaped.toString();
    }

    private static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isUnsafe(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isUnsafe(char c) {
        return c < 0x20
                || (c >= 0x7f && c <= 0x9f)
                || c == '\u2028'
                || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
