package org.ecobugs.cli;

/** What the process exit code means, as build scripts and CI read it. */
final class ExitCodes {

    /** Nothing found. */
    static final int CLEAN = 0;
    /** Energy bugs were reported. */
    static final int FINDINGS = 1;
    /** Bad usage or configuration: nothing was analysed. */
    static final int USAGE = 2;

    private ExitCodes() {}
}
