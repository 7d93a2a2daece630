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

    /**
     * What the text tells.
     *
     * @param rules for each rule, whether the file may hold something it finds
     * @param mentionsVar whether the code holds the word {@code var}, without which no local variable is declared with
     *     {@code var}, so that the parser's search for them can be skipped
     */
    record Screen(boolean[] rules, boolean mentionsVar) {}

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
        return screen(text, false).rules();
    }

    /** What the text tells; with {@code lookForVar}, reads to the end unless {@code var} is found. */
    Screen screen(CharSequence text, boolean lookForVar) {
        boolean[] wanted = always.clone();
        int pending = 0;
        for (boolean w : wanted) {
            if (!w) {
                pending++;
            }
        }
        int length = text.length();
        boolean var = !lookForVar;
        int i = 0;
        while (i < length && (pending > 0 || !var)) {
            int after = JavaCode.skipCommentOrLiteral(text, i);
            if (after > i) {
                i = after;
                continue;
            }
            char c = text.charAt(i);
            if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                i++;
                while (i < length && Character.isJavaIdentifierPart(text.charAt(i))) {
                    i++;
                }
                int wordLength = i - start;
                if (!var
                        && wordLength == 3
                        && text.charAt(start) == 'v'
                        && text.charAt(start + 1) == 'a'
                        && text.charAt(start + 2) == 'r') {
                    var = true;
                }
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
        return new Screen(wanted, var);
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
