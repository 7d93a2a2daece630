package org.ecobugs.rules.checks;

import java.util.List;
import java.util.Map;
import org.ecobugs.rules.api.Detector;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.RuleKey;

/**
 * An accumulator declared with a wrapper type ({@code Long total}, {@code Integer count}) and updated in a loop
 * ({@code total += x}, {@code count++}, {@code total = total + x}): each update unboxes the value, computes, and boxes
 * the result into a new object (the {@code valueOf} caches cover only -128 to 127, and no {@code Double} or
 * {@code Float}; {@code Byte} caches every value and is not reported). The variable must outlive the loop, and static
 * initializers and loops with a fixed small number of iterations are left out, as in {@code EB305}. So are the loops
 * where one object per iteration weighs nothing: loops that run a query or a remote call per iteration, loops that pass
 * the accumulator to a call (a page offset, a map or a logger takes the object anyway), counters bumped only when a new
 * key appears (one object per new map or set entry), and loops of user-interface code (a screen's worth of rows, once
 * per refresh).
 */
@RuleKey("EB309")
public final class BoxedAccumulatorInLoopRule implements EnergyRule {

    /** Wrapper classes and their primitives; {@code Byte.valueOf} caches every byte and never allocates. */
    static final Map<String, String> PRIMITIVES = Map.of(
            "java.lang.Integer", "int",
            "java.lang.Long", "long",
            "java.lang.Double", "double",
            "java.lang.Float", "float",
            "java.lang.Short", "short",
            "java.lang.Character", "char");

    static String message(String wrapper, String variable) {
        String primitive = PRIMITIVES.get("java.lang." + wrapper);
        String declare = "; declare it as " + (primitive.equals("int") ? "an " : "a ") + primitive + ".";
        return switch (primitive) {
            case "double", "float" ->
                "The " + wrapper + " " + variable + " is unboxed and boxed into a new object"
                        + " each time the loop updates it" + declare;
            default ->
                "The " + wrapper + " " + variable + " is unboxed and boxed again each time the loop updates"
                        + " it, a new object for every value outside " + (primitive.equals("char") ? "0" : "-128")
                        + " to 127" + declare;
        };
    }

    @Override
    public List<Detector> detectors() {
        return List.of(new BoxedAccumulatorInLoopSource(), new BoxedAccumulatorInLoopBytecode());
    }
}
