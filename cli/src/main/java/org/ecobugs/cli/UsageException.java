package org.ecobugs.cli;

/** A combination of options that cannot work; reported in one line, exit code 2. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
