package org.ecobugs.rules.checks.fhir;

import java.util.List;
import java.util.Set;
import org.ecobugs.rules.checks.remote.ResultUses;

/** Readings of how a FHIR Bundle returned by a search is used, shared by the FHIR search rules. */
public final class BundleUses {

    /** Calls that read only how many resources matched, or whether any did. */
    private static final List<List<String>> COUNTS = List.of(
            List.of("getTotal"),
            List.of("getTotalElement"),
            List.of("hasTotal"),
            List.of("getEntry", "size"),
            List.of("getEntry", "isEmpty"),
            List.of("hasEntry"));

    /** Calls that read the first entry, or check there is one. */
    private static final Set<String> FIRST = Set.of("getEntryFirstRep");

    private BundleUses() {}

    /** Whether the Bundle is only counted: every use reads its total or its number of entries. */
    public static boolean onlyCount(List<ResultUses.Use> uses) {
        return !uses.isEmpty()
                && uses.stream()
                        .allMatch(use -> COUNTS.stream().anyMatch(c -> use.startsWith(c.toArray(String[]::new))));
    }

    /** Whether only the first entry is read: {@code getEntryFirstRep()}, {@code getEntry().get(0)}. */
    public static boolean onlyFirstEntry(List<ResultUses.Use> uses) {
        boolean first = false;
        for (ResultUses.Use use : uses) {
            if (readsFirstEntry(use)) {
                first = true;
            } else if (!(use.startsWith("getEntry", "isEmpty") || use.startsWith("hasEntry"))) {
                return false;
            }
        }
        return first;
    }

    /** Whether the use reads the first entry. */
    public static boolean readsFirstEntry(ResultUses.Use use) {
        List<String> names = use.names();
        return (!names.isEmpty() && FIRST.contains(names.get(0)))
                || (use.startsWith("getEntry", "get")
                        && use.calls().get(1).getArguments().size() == 1
                        && use.calls().get(1).getArgument(0).toString().equals("0"))
                || use.startsWith("getEntry", "stream", "findFirst");
    }
}
