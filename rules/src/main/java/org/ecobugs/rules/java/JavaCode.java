package org.ecobugs.rules.java;

/**
 * Reading Java text without parsing it: what is code and what is a comment or a literal. The words rules look for are
 * names and keywords of the code, and license headers and Javadoc are full of "for" and "while".
 */
public final class JavaCode {

    private JavaCode() {}

    /**
     * When a comment, a string, a text block or a character literal starts at {@code i}, the index just after it;
     * else {@code i}.
     */
    public static int skipCommentOrLiteral(CharSequence text, int i) {
        int length = text.length();
        char c = text.charAt(i);
        if (c == '/' && i + 1 < length && text.charAt(i + 1) == '/') {
            return endOfLine(text, i + 2);
        }
        if (c == '/' && i + 1 < length && text.charAt(i + 1) == '*') {
            return endOfComment(text, i + 2);
        }
        if (c == '"') {
            return isTextBlock(text, i) ? endOfTextBlock(text, i + 3) : endOfQuoted(text, i + 1, '"');
        }
        if (c == '\'') {
            return endOfQuoted(text, i + 1, '\'');
        }
        return i;
    }

    private static int endOfLine(CharSequence text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private static int endOfComment(CharSequence text, int from) {
        for (int i = from; i + 1 < text.length(); i++) {
            if (text.charAt(i) == '*' && text.charAt(i + 1) == '/') {
                return i + 2;
            }
        }
        return text.length();
    }

    /** After a string or character literal; an unterminated one ends at the line's end, as the compiler says. */
    private static int endOfQuoted(CharSequence text, int from, char quote) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else if (c == '\n' || c == '\r') {
                return i;
            } else {
                i++;
            }
        }
        return i;
    }

    private static boolean isTextBlock(CharSequence text, int at) {
        return at + 2 < text.length() && text.charAt(at + 1) == '"' && text.charAt(at + 2) == '"';
    }

    private static int endOfTextBlock(CharSequence text, int from) {
        int i = from;
        while (i + 2 < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"' && text.charAt(i + 1) == '"' && text.charAt(i + 2) == '"') {
                return i + 3;
            } else {
                i++;
            }
        }
        return text.length();
    }
}
