package org.ecobugs.rules.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Words a file's code must hold for a rule to find anything in it, in groups: at least one word of every group must
 * appear as a whole word (an identifier or a keyword) outside comments and literals. A word written {@code *Suffix}
 * stands for every identifier that ends with {@code Suffix} ({@code *Repository} for {@code PatientRepository}), one
 * written {@code prefix*} for every identifier that starts with {@code prefix} ({@code findBy*}). With no group, every
 * file is read.
 *
 * <p>A group for what the rule looks for (the method names, the loop keywords) and another for what tells it apart
 * (the receiver's type names, the imports' words) make a tighter condition than either alone; the words must still be
 * a necessary condition, since a missing word loses findings.
 */
public final class RequiredWords {

    private static final RequiredWords ANY_FILE = new RequiredWords(List.of());

    private final List<Set<String>> groups;

    private RequiredWords(List<Set<String>> groups) {
        this.groups = groups;
    }

    /** No condition: the rule reads every file. */
    public static RequiredWords anyFile() {
        return ANY_FILE;
    }

    /** At least one of these words. */
    public static RequiredWords anyOf(Set<String> words) {
        return ANY_FILE.andAnyOf(words);
    }

    /** At least one of these words. */
    public static RequiredWords anyOf(String... words) {
        return anyOf(Set.of(words));
    }

    /** This condition and, too, at least one of these words. */
    public RequiredWords andAnyOf(Set<String> words) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a group of required words cannot be empty: no file would hold one");
        }
        List<Set<String>> more = new ArrayList<>(groups);
        more.add(Set.copyOf(words));
        return new RequiredWords(List.copyOf(more));
    }

    /** This condition and, too, at least one of these words. */
    public RequiredWords andAnyOf(String... words) {
        return andAnyOf(Set.of(words));
    }

    /** The groups, each of which must have a word in the file. */
    public List<Set<String>> groups() {
        return groups;
    }

    /** Whether every file is read. */
    public boolean isAnyFile() {
        return groups.isEmpty();
    }

    @Override
    public String toString() {
        return groups.isEmpty() ? "any file" : "one of each: " + groups;
    }
}
