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
        /** A regular expression compiled from a constant: the same {@code Pattern} built again at every call. */
        CONSTANT_REGEX_COMPILED;

        /** Every FHIR interaction. */
        public static final java.util.List<Kind> FHIR = java.util.List.of(FHIR_READ, FHIR_SEARCH, FHIR_WRITE);
    }
}
