package org.ecobugs.cli;

/** What the process exit code means, as build scripts and CI read it. */
final class ExitCodes {

    /** Nothing found. */
    static final int CLEAN = 0;
    /** Energy bugs were reported. */
    static final int FINDINGS = 1;
    /** Bad usage or configuration (a missing input, a report that cannot be written): nothing was reported. */
    static final int USAGE = 2;
    /** Some inputs could not be processed, and the user asked for that to fail ({@code --fail-on-processing-errors}). */
    static final int PROCESSING_ERRORS = 3;

    private ExitCodes() {}
}
