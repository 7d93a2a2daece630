package org.ecobugs.rules.project;

/**
 * Something a method of the analysed project does that costs energy each time it runs, seen in its own code: the rules
 * find it again in the methods that call it.
 *
 * @param what a short name of the call, for messages ({@code client.read()}, {@code findById()})
 * @param doing what the call does, as a verb phrase for messages ("reads a FHIR Patient", "runs a query")
 * @param site where the call is
 */
public record Effect(Kind kind, String what, String doing, Site site) {

    /** What the call reaches. */
    public enum Kind {
        HTTP,
        FHIR_READ,
        FHIR_SEARCH,
        /** A FHIR create, update, patch or delete. */
        FHIR_WRITE,
        DATABASE_READ,
        DATABASE_WRITE,
        /** A directory listed or a file's presence or date checked. */
        DIRECTORY_SCAN,
        /**
         * What the method returns is every row a query without a limit matches: recorded where a method returns a
         * query's list as is, and followed only through calls whose result a method returns as is (see {@link
         * #isResult()}).
         */
        DATABASE_ROWS,
        /** A regular expression compiled from a constant: the same {@code Pattern} built again at every call. */
        CONSTANT_REGEX_COMPILED,
        /** What the method returns is an HTTP client it has just built (a result, see {@link #isResult()}). */
        NEW_HTTP_CLIENT,
        /** What the method returns is a HAPI {@code FhirContext} or {@code HapiContext} it has just created. */
        NEW_FHIR_CONTEXT,
        /** What the method returns is a costly reusable object it has just created (a mapper, a JAXB context…). */
        NEW_REUSABLE_OBJECT,
        /** What the method returns is a URL connection it opened without setting a connect or a read timeout. */
        UNTIMED_CONNECTION;

        /** Every FHIR interaction. */
        public static final java.util.List<Kind> FHIR = java.util.List.of(FHIR_READ, FHIR_SEARCH, FHIR_WRITE);

        /** Every call that crosses the network to another system, whatever becomes of its result. */
        public static final java.util.Set<Kind> REMOTE =
                java.util.EnumSet.of(HTTP, FHIR_READ, FHIR_SEARCH, FHIR_WRITE, DATABASE_READ, DATABASE_WRITE);

        /**
         * Whether the effect is what a method returns rather than what it does: a caller has it only through calls
         * whose result each method of the chain returns.
         */
        public boolean isResult() {
            return this == DATABASE_ROWS
                    || this == NEW_HTTP_CLIENT
                    || this == NEW_FHIR_CONTEXT
                    || this == NEW_REUSABLE_OBJECT
                    || this == UNTIMED_CONNECTION;
        }
    }
}
