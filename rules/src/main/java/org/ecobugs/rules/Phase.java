package org.ecobugs.rules;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A phase of an analysis: which one, how long it took, and what it counted.
 *
 * @param kind which phase; the phases of several analyses add up by it
 * @param time wall time, or for a phase {@linkplain Kind#summedOverThreads() summed over threads} the time of all
 *     threads together
 * @param counts what the phase counted: exactly the {@linkplain Kind#counts() counts of its kind}
 */
public record Phase(Kind kind, Duration time, Map<Count, Integer> counts) {

    /** What a phase counts. */
    public enum Count {
        /** The files the phase went through. */
        FILES("files"),
        /** The files the result cache answered for. */
        UNCHANGED_FILES("unchangedFiles"),
        /** The source files no rule could find anything in, which were not parsed. */
        UNPARSED_FILES("unparsedFiles"),
        /** The library classes walked. */
        CLASSES("classes"),
        /** The types the project model holds. */
        TYPES("types"),
        /** The source files parsed only to summarise their methods for the project model. */
        FILES_PARSED_FOR_MODEL("filesParsedForModel"),
        /** The source files whose constants other files' code used, read as skeletons. */
        FILES_READ_FOR_CONSTANTS("filesReadForConstants");

        private final String key;

        Count(String key) {
            this.key = key;
        }

        /** Its name in reports. */
        public String key() {
            return key;
        }
    }

    /** The phases an analysis runs, in the order it runs them; each says how it reads with its counts. */
    public enum Kind {
        LOAD_RULE_METADATA("load rule metadata"),
        COLLECT_INPUTS("collect inputs"),
        READ_RESULT_CACHE("result cache: read"),
        ANALYSE_SOURCES("analyse sources"),
        PARSE("parse", true),
        PRESCREEN_SOURCE_TEXT(
                "prescreen source text, no rule could match %d of %d files", true, Count.UNPARSED_FILES, Count.FILES),
        SUMMARISE_METHODS("summarise methods for the project model", true),
        PROJECT_CONSTANTS(
                "project constants and configuration: %d files read for their constants",
                true, Count.FILES_READ_FOR_CONSTANTS),
        PROJECT_MODEL(
                "project model: %d types, %d more files parsed for it",
                false, Count.TYPES, Count.FILES_PARSED_FOR_MODEL),
        ANALYSE_CLASSES("analyse classes"),
        DEPENDENCIES_FROM_RESULT_CACHE("dependencies: from the result cache"),
        INDEX_DEPENDENCIES("dependencies: index jars and resources"),
        WALK_LIBRARY_BYTECODE("dependencies: walk library bytecode (%d classes)", false, Count.CLASSES),
        DEPENDENCY_RULES("dependencies: rules"),
        ANALYSE_DEPENDENCIES("analyse dependencies"),
        ANALYSE_CONFIGURATION("analyse configuration"),
        WRITE_RESULT_CACHE("result cache: write (%d of %d files unchanged)", false, Count.UNCHANGED_FILES, Count.FILES),
        MERGE("merge");

        private final String format;
        private final boolean summedOverThreads;
        private final List<Count> counts;

        Kind(String format) {
            this(format, false);
        }

        /** @param format the label, with one {@code %d} per count, in the order given */
        Kind(String format, boolean summedOverThreads, Count... counts) {
            this.format = format;
            this.summedOverThreads = summedOverThreads;
            this.counts = List.of(counts);
        }

        /** Whether its time is that of every thread added up, which may exceed the wall time of the analysis. */
        public boolean summedOverThreads() {
            return summedOverThreads;
        }

        /** What a phase of this kind counts, in the order its label states them. */
        public List<Count> counts() {
            return counts;
        }
    }

    public Phase {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(time, "time");
        Set<Count> expected = kind.counts.isEmpty() ? EnumSet.noneOf(Count.class) : EnumSet.copyOf(kind.counts);
        if (!counts.keySet().equals(expected)) {
            throw new IllegalArgumentException(kind + " counts " + expected + ", not " + counts.keySet());
        }
        counts = counts.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(counts));
    }

    /** A phase that counts nothing. */
    public Phase(Kind kind, Duration time) {
        this(kind, time, Map.of());
    }

    /** One of its counts. */
    public int count(Count count) {
        Integer value = counts.get(count);
        if (value == null) {
            throw new IllegalArgumentException(kind + " does not count " + count);
        }
        return value;
    }

    /** How people read it, with its counts: {@code result cache: write (3 of 10 files unchanged)}. */
    public String label() {
        Object[] values = kind.counts.stream().map(counts::get).toArray();
        String label = String.format(Locale.ROOT, kind.format, values);
        return kind.summedOverThreads ? label + " (summed over threads)" : label;
    }

    /** This phase and the same phase of another analysis as one: times and counts added. */
    public Phase plus(Phase other) {
        if (other.kind != kind) {
            throw new IllegalArgumentException("Cannot add " + other.kind + " to " + kind);
        }
        Map<Count, Integer> sum = new EnumMap<>(Count.class);
        sum.putAll(counts);
        other.counts.forEach((count, value) -> sum.merge(count, value, Integer::sum));
        return new Phase(kind, time.plus(other.time), sum);
    }
}
