package org.ecobugs.rules.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options every host takes the same way, whatever its own syntax around them: rule selection ({@code EB101,EB405}
 * picks rules, {@code -EB402} excludes one) and rule parameters ({@code EB102.maxPollIntervalMs=500}). One parser, so
 * that a value means the same on the command line, in Maven and in the editor, and is refused with the same words.
 */
public final class HostOptions {

    private HostOptions() {}

    /**
     * Rules picked and excluded.
     *
     * @param included rules to run, active by default or not; empty runs the rules active by default
     * @param excluded rules never to run
     */
    public record RuleSelection(Set<String> included, Set<String> excluded) {
        public RuleSelection {
            // In the order given, which messages and logs repeat.
            included = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(included));
            excluded = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(excluded));
        }
    }

    /**
     * Parses rule keys, each of which may itself be comma-separated: a plain key picks the rule, a key prefixed with
     * {@code -} (or {@code !}) excludes it.
     */
    public static RuleSelection rules(List<String> values) {
        Set<String> included = new LinkedHashSet<>();
        Set<String> excluded = new LinkedHashSet<>();
        for (String value : split(values)) {
            if (value.startsWith("-") || value.startsWith("!")) {
                excluded.add(value.substring(1).strip());
            } else {
                included.add(value);
            }
        }
        return new RuleSelection(included, excluded);
    }

    /**
     * Parses rule parameters written {@code KEY.name=value}, each entry possibly comma-separated (a Maven property).
     *
     * @throws IllegalArgumentException naming the entry that is not {@code KEY.name=value}
     */
    public static Map<String, Map<String, String>> parameters(List<String> entries) {
        return parameterEntries(split(entries));
    }

    /**
     * Parses rule parameters written {@code KEY.name=value}, one per entry (a value may hold commas).
     *
     * @throws IllegalArgumentException naming the entry that is not {@code KEY.name=value}
     */
    public static Map<String, Map<String, String>> parameterEntries(List<String> entries) {
        Map<String, Map<String, String>> byRule = new LinkedHashMap<>();
        for (String entry : entries) {
            int dot = entry.indexOf('.');
            int equals = entry.indexOf('=');
            if (dot < 1 || equals < dot + 2) {
                throw new IllegalArgumentException(
                        "'" + entry + "' is not KEY.name=value (e.g. EB102.maxPollIntervalMs=500)");
            }
            byRule.computeIfAbsent(entry.substring(0, dot).strip(), k -> new LinkedHashMap<>())
                    .put(
                            entry.substring(dot + 1, equals).strip(),
                            entry.substring(equals + 1).strip());
        }
        return byRule;
    }

    /** The entries of list values, each of which may itself be comma-separated (as a Maven user property is). */
    public static List<String> split(List<String> values) {
        List<String> result = new ArrayList<>();
        if (values == null) {
            return result;
        }
        for (String value : values) {
            if (value == null) {
                continue;
            }
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    result.add(part.strip());
                }
            }
        }
        return result;
    }
}
