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
        FHIR,
        DATABASE_READ,
        DATABASE_WRITE
    }
}
