package org.ecobugs.rules.checks;

import java.util.List;
import org.ecobugs.rules.api.Detector;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.RuleKey;

/**
 * A string that a loop grows by concatenation ({@code s += x}, {@code s = s + x}, {@code s = x + s}): each iteration
 * copies everything appended so far, so building a text of n parts costs O(n²) characters copied. The variable must
 * be declared outside the loop and not reset inside it; a string rebuilt at each iteration is not reported.
 */
@RuleKey("EB305")
public final class StringConcatInLoopRule implements EnergyRule {

    /** Counted loops of at most this many iterations do a fixed, small amount of work whatever the input. */
    static final long MAX_CONSTANT_ITERATIONS = 16;

    /** A loop that pads a string up to this length at most copies a few short strings. */
    static final long MAX_PADDED_LENGTH = 64;

    static String message(String variable) {
        return "The string " + variable + " is copied whole at every iteration to append to it, which is quadratic in"
                + " the number of iterations; build it with a StringBuilder or Collectors.joining.";
    }

    @Override
    public List<Detector> detectors() {
        return List.of(new StringConcatInLoopSource(), new StringConcatInLoopBytecode());
    }
}
