package org.ecobugs.benchmark;

/** The journey could not be measured: its JVM did not start, its main threw, or it ran out of time. */
public final class JourneyFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    public JourneyFailedException(String message) {
        super(message);
    }
}
