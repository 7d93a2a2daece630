package org.ecobugs.rules.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ecobugs.rules.api.SourceRule;

/**
 * Which source rules may find something in a file, from the words of its text alone: a rule is wanted when one of the
 * words of its {@link SourceRule#textPrescreen()} appears in the code as a whole word (an identifier or a keyword;
 * comments, strings and character literals are skipped), or when it has none. One pass over the characters, no
 * parse: files that no rule wants are not parsed at all.
 */
final class TextPrescreen {

    private final int ruleCount;
    private final boolean[] always;
    private final Map<String, int[]> rulesByWord = new HashMap<>();
    private final int minLength;
    private final int maxLength;

    TextPrescreen(List<SourceRule> rules) {
        this.ruleCount = rules.size();
        this.always = new boolean[ruleCount];
        Map<String, List<Integer>> byWord = new HashMap<>();
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int i = 0; i < ruleCount; i++) {
            Set<String> words = rules.get(i).textPrescreen();
            if (words.isEmpty()) {
                always[i] = true;
                continue;
            }
            for (String word : words) {
                if (!isWord(word)) {
                    throw new IllegalStateException(
                            rules.get(i).key() + ": the text prescreen holds '" + word + "', which is not a word");
                }
                byWord.computeIfAbsent(word, w -> new java.util.ArrayList<>()).add(i);
                min = Math.min(min, word.length());
                max = Math.max(max, word.length());
            }
        }
        byWord.forEach((word, indexes) -> rulesByWord.put(
                word, indexes.stream().mapToInt(Integer::intValue).toArray()));
        this.minLength = min;
        this.maxLength = max;
    }

    /** For each rule, whether the file may hold something it finds. */
    boolean[] wanted(CharSequence text) {
        boolean[] wanted = always.clone();
        int pending = 0;
        for (boolean w : wanted) {
            if (!w) {
                pending++;
            }
        }
        int length = text.length();
        int i = 0;
        while (i < length && pending > 0) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < length && text.charAt(i + 1) == '/') {
                i = endOfLine(text, i + 2);
            } else if (c == '/' && i + 1 < length && text.charAt(i + 1) == '*') {
                i = endOfComment(text, i + 2);
            } else if (c == '"') {
                i = isTextBlock(text, i) ? endOfTextBlock(text, i + 3) : endOfQuoted(text, i + 1, '"');
            } else if (c == '\'') {
                i = endOfQuoted(text, i + 1, '\'');
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                i++;
                while (i < length && Character.isJavaIdentifierPart(text.charAt(i))) {
                    i++;
                }
                int wordLength = i - start;
                if (wordLength < minLength || wordLength > maxLength) {
                    continue;
                }
                int[] rules = rulesByWord.get(text.subSequence(start, i).toString());
                if (rules == null) {
                    continue;
                }
                for (int rule : rules) {
                    if (!wanted[rule]) {
                        wanted[rule] = true;
                        pending--;
                    }
                }
            } else {
                i++;
            }
        }
        return wanted;
    }

    // Comments and literals are skipped: the words rules look for are names and keywords of the code, and license
    // headers and Javadoc are full of "for" and "while".

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

    static boolean any(boolean[] values) {
        for (boolean value : values) {
            if (value) {
                return true;
            }
        }
        return false;
    }

    int ruleCount() {
        return ruleCount;
    }

    private static boolean isWord(String word) {
        if (word.isEmpty() || !Character.isJavaIdentifierStart(word.charAt(0))) {
            return false;
        }
        return word.chars().allMatch(Character::isJavaIdentifierPart);
    }
}
