package org.ecobugs.rules;

import java.util.Objects;

/**
 * Why a finding is not reported.
 *
 * @param kind who decided it
 * @param justification what says so, for people: the annotation or comment and the reason it gives, the baseline file
 */
public record Suppression(Kind kind, String justification) {

    /** Who decided that a finding is not reported. */
    public enum Kind {
        /** The code marks it as intended: {@code @SuppressWarnings("ecobugs:EB101")}, an {@code ecobugs:ignore} comment. */
        IN_SOURCE,
        /** It was already there when the baseline was recorded: only new findings are reported. */
        BASELINE,
        /** The host's configuration: a dependency listed as used. */
        CONFIGURATION
    }

    /** The suppression of a finding the build configuration lists as intended (a dependency counted as used). */
    public static final Suppression BY_CONFIGURATION =
            new Suppression(Kind.CONFIGURATION, "a dependency listed as used in the build configuration");

    public Suppression {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(justification, "justification");
    }
}
