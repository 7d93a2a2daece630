package org.ecobugs.measurements.journeys;

/** The one argument of a variant journey: which of its two versions to run. */
final class Variants {

    private Variants() {}

    /** True for the buggy version, false for the fixed one. */
    static boolean pick(String[] args, String buggy, String fixed) {
        String variant = args.length == 0 ? "" : args[0];
        if (variant.equals(buggy)) {
            return true;
        }
        if (variant.equals(fixed)) {
            return false;
        }
        throw new IllegalArgumentException("expected " + buggy + " or " + fixed + ", not '" + variant + "'");
    }
}
