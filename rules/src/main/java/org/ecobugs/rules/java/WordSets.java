package org.ecobugs.rules.java;

import java.util.HashSet;
import java.util.Set;

/** Sets of words (method names, type names, prescreen words) built from the sets of several helpers. */
public final class WordSets {

    private WordSets() {}

    /** Every word of the given sets, as an unmodifiable set. */
    @SafeVarargs
    public static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }
}
