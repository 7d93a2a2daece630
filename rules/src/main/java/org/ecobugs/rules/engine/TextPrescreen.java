package org.ecobugs.rules.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.ecobugs.rules.api.SourceDetector;
import org.ecobugs.rules.java.JavaCode;

/**
 * Which source rules may find something in a file, from the words of its text alone: a rule is wanted when its
 * {@link SourceDetector#textPrescreen()} condition holds (a word of each of its groups appears in the code as a whole word,
 * an identifier or a keyword; comments, strings and character literals are skipped), or when it has none. One pass over
 * the characters, no parse: files that no rule wants are not parsed at all.
 */
final class TextPrescreen {

    /** Marks the open end of a word that stands for many identifiers: {@code *Repository}, {@code findBy*}. */
    private static final char WILDCARD = '*';

    private final int ruleCount;
    private final boolean[] always;
    /** For each rule, how many groups of words its condition has. */
    private final int[] groupCounts;
    /** For each group (numbered across all rules), the rule it belongs to. */
    private final int[] ruleOfGroup;

    private final Map<String, int[]> groupsByWord = new HashMap<>();
    private final String[] suffixes;
    private final int[][] groupsBySuffix;
    private final String[] prefixes;
    private final int[][] groupsByPrefix;
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

    TextPrescreen(List<Keyed<SourceDetector>> rules) {
        this.ruleCount = rules.size();
        this.always = new boolean[ruleCount];
        this.groupCounts = new int[ruleCount];
        List<Integer> owners = new ArrayList<>();
        Map<String, List<Integer>> byWord = new HashMap<>();
        Map<String, List<Integer>> bySuffix = new TreeMap<>();
        Map<String, List<Integer>> byPrefix = new TreeMap<>();
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int i = 0; i < ruleCount; i++) {
            List<Set<String>> groups = rules.get(i).detector().textPrescreen().groups();
            always[i] = groups.isEmpty();
            groupCounts[i] = groups.size();
            for (Set<String> words : groups) {
                int group = owners.size();
                owners.add(i);
                for (String word : words) {
                    String key = rules.get(i).key();
                    if (word.length() > 1 && word.charAt(0) == WILDCARD) {
                        bySuffix.computeIfAbsent(checked(key, word, word.substring(1), false), w -> new ArrayList<>())
                                .add(group);
                    } else if (word.length() > 1 && word.charAt(word.length() - 1) == WILDCARD) {
                        byPrefix.computeIfAbsent(
                                        checked(key, word, word.substring(0, word.length() - 1), true),
                                        w -> new ArrayList<>())
                                .add(group);
                    } else {
                        byWord.computeIfAbsent(checked(key, word, word, true), w -> new ArrayList<>())
                                .add(group);
                        min = Math.min(min, word.length());
                        max = Math.max(max, word.length());
                    }
                }
            }
        }
        this.ruleOfGroup = owners.stream().mapToInt(Integer::intValue).toArray();
        byWord.forEach((word, groups) -> groupsByWord.put(word, toArray(groups)));
        this.suffixes = bySuffix.keySet().toArray(String[]::new);
        this.groupsBySuffix =
                bySuffix.values().stream().map(TextPrescreen::toArray).toArray(int[][]::new);
        this.prefixes = byPrefix.keySet().toArray(String[]::new);
        this.groupsByPrefix =
                byPrefix.values().stream().map(TextPrescreen::toArray).toArray(int[][]::new);
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
        Progress progress = new Progress(wanted);
        int length = text.length();
        boolean var = !lookForVar;
        int i = 0;
        while (i < length && (progress.pending > 0 || !var)) {
            int after = JavaCode.skipCommentOrLiteral(text, i);
            if (after > i) {
                i = after;
                continue;
            }
            char c = text.charAt(i);
            if (!Character.isJavaIdentifierStart(c)) {
                i++;
                continue;
            }
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
            for (int k = 0; k < suffixes.length; k++) {
                if (wordLength >= suffixes[k].length() && matchesAt(text, i - suffixes[k].length(), suffixes[k])) {
                    progress.satisfy(groupsBySuffix[k]);
                }
            }
            for (int k = 0; k < prefixes.length; k++) {
                if (wordLength >= prefixes[k].length() && matchesAt(text, start, prefixes[k])) {
                    progress.satisfy(groupsByPrefix[k]);
                }
            }
            if (wordLength >= minLength && wordLength <= maxLength) {
                int[] groups = groupsByWord.get(text.subSequence(start, i).toString());
                if (groups != null) {
                    progress.satisfy(groups);
                }
            }
        }
        return new Screen(wanted, var);
    }

    /** The groups found so far in one text, and the rules whose every group is. */
    private final class Progress {
        private final boolean[] wanted;
        private final boolean[] satisfied = new boolean[ruleOfGroup.length];
        private final int[] missing = groupCounts.clone();
        private int pending;

        Progress(boolean[] wanted) {
            this.wanted = wanted;
            for (boolean w : wanted) {
                if (!w) {
                    pending++;
                }
            }
        }

        void satisfy(int[] groups) {
            for (int group : groups) {
                if (satisfied[group]) {
                    continue;
                }
                satisfied[group] = true;
                int rule = ruleOfGroup[group];
                if (--missing[rule] == 0) {
                    wanted[rule] = true;
                    pending--;
                }
            }
        }
    }

    private static boolean matchesAt(CharSequence text, int from, String part) {
        for (int k = 0; k < part.length(); k++) {
            if (text.charAt(from + k) != part.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int[] toArray(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
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

    /** The fixed part of a word, checked: a word, or (for a prefix or suffix) the part of one. */
    private static String checked(String rule, String word, String part, boolean startsAWord) {
        boolean valid = !part.isEmpty()
                && part.chars().allMatch(Character::isJavaIdentifierPart)
                && (!startsAWord || Character.isJavaIdentifierStart(part.charAt(0)));
        if (!valid) {
            throw new IllegalStateException(rule + ": the text prescreen holds '" + word + "', which is not a word");
        }
        return part;
    }
}
