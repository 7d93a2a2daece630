package org.ecobugs.rules;

import java.util.Comparator;
import java.util.Objects;

/**
 * An input or a rule that could not be processed. The analysis goes on without it.
 *
 * @param input the file, directory or archive entry ({@code lib.jar!/a/B.class}) concerned
 * @param ruleKey the rule that failed, or {@code null} when the input itself is at fault
 * @param kind what went wrong
 * @param message a one-line explanation that names the cause
 */
public record ProcessingError(String input, String ruleKey, Kind kind, String message)
        implements Comparable<ProcessingError> {

    /** What went wrong. */
    public enum Kind {
        /** A path that does not exist or cannot be read. */
        UNREADABLE_INPUT,
        /**
         * A source file that JavaParser cannot parse, or that was not analysed: larger than the request's {@link
         * org.ecobugs.rules.AnalysisRequest#maxSourceFileBytes() limit}, too deeply nested, or more than the heap could
         * hold.
         */
        UNPARSABLE_SOURCE,
        /** A source file that is not valid in the configured encoding; it was analysed as ISO-8859-1. */
        MALFORMED_ENCODING,
        /**
         * A class file or archive that ASM cannot read, or a class file or archive entry that was not analysed: larger
         * than a class file can be (8 MiB; an archive's entry counted as it inflates, whatever size it declares), past
         * what one archive may inflate to in all (1 GiB), or more than the heap could hold.
         */
        CORRUPT_CLASS,
        /** A rule that threw on this input; other rules still ran on it. */
        RULE_FAILURE,
        /** The result cache could not be read or written; the analysis ran without it, every file analysed. */
        UNUSABLE_CACHE
    }

    private static final Comparator<ProcessingError> ORDER = Comparator.comparing(ProcessingError::input)
            .thenComparing(e -> e.ruleKey == null ? "" : e.ruleKey)
            .thenComparing(ProcessingError::kind)
            .thenComparing(ProcessingError::message);

    public ProcessingError {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** Describes a throwable in one line: its type and message, without a stack trace. */
    public static String describe(Throwable cause) {
        String text = cause.getMessage();
        String type = cause.getClass().getSimpleName();
        if (text == null || text.isBlank()) {
            return type;
        }
        String firstLine = text.strip().lines().findFirst().orElse("");
        return type + ": " + firstLine;
    }

    @Override
    public int compareTo(ProcessingError other) {
        return ORDER.compare(this, other);
    }
}
