package org.ecobugs.rules.checks;

import java.util.List;
import java.util.function.Predicate;
import org.ecobugs.rules.api.Detector;
import org.ecobugs.rules.java.Lifetimes;
import org.ecobugs.rules.java.OneOffCode;
import org.ecobugs.rules.project.Effect;

/**
 * The table of the rules about costly, reusable objects that a method creates for one call and drops (EB501–EB503),
 * which differ only by it: the creations, the calls whose result holds on to the object, the messages. Its source and
 * bytecode detectors ({@link PerCallCreationsSource}, {@link PerCallCreationsBytecode}) find the creations alike. A
 * creation is reported when it is a throwaway (see {@link Lifetimes#isThrowaway}) outside set-up code and one-off code
 * (see {@link OneOffCode}), and, for objects that cannot simply be shared, only where it visibly repeats: in a loop or
 * per-element lambda, in a handler, or in a method of the class called from one.
 */
final class PerCallCreations {

    /** Where a throwaway creation is worth reporting. */
    enum Scope {
        /** In any method that is not set-up code: the object can be shared as is. */
        ANY_METHOD,
        /** Only where it visibly repeats: the object is not thread-safe, so sharing it needs more than a field. */
        REPEATED_ONLY
    }

    /**
     * One way of creating the object.
     *
     * @param display the name used in messages
     * @param owner the internal name of the class that is instantiated or whose method creates it
     * @param method {@code <init>} for a constructor, else the method (static, or an instance method when {@code
     *     instance})
     * @param terminal for a builder, the method that ends the chain and returns the object; null otherwise
     * @param instance whether {@code method} is an instance method of {@code owner}
     * @param scope where a throwaway is reported
     */
    record Factory(String display, String owner, String method, String terminal, boolean instance, Scope scope) {

        static Factory constructor(String display, String owner, Scope scope) {
            return new Factory(display, owner, "<init>", null, false, scope);
        }

        static Factory staticMethod(String display, String owner, String method, Scope scope) {
            return new Factory(display, owner, method, null, false, scope);
        }

        static Factory builder(String display, String owner, String method, String terminal, Scope scope) {
            return new Factory(display, owner, method, terminal, false, scope);
        }

        static Factory instanceMethod(String display, String owner, String method, Scope scope) {
            return new Factory(display, owner, method, null, true, scope);
        }

        String qualifiedName() {
            return owner.replace('/', '.').replace('$', '.');
        }

        boolean isConstructor() {
            return method.equals("<init>");
        }
    }

    /**
     * Builds the message for a creation; {@code unit} is what repeats it: {@link #ITERATION} in a loop, {@link #ELEMENT}
     * in a per-element lambda, else {@link #CALL}.
     */
    @FunctionalInterface
    interface Messages {
        String message(Factory factory, String unit);
    }

    private final List<Factory> factories;
    private final Predicate<String> view;
    private final Messages messages;
    private final Effect.Kind returned;

    /**
     * @param view method names whose result holds on to the object (see {@link Lifetimes#isThrowaway})
     * @param returned the effect of a method of the project that returns one of these objects, just created: its
     *     callers create one per call
     */
    PerCallCreations(List<Factory> factories, Predicate<String> view, Messages messages, Effect.Kind returned) {
        this.factories = List.copyOf(factories);
        this.view = view;
        this.messages = messages;
        this.returned = returned;
    }

    /** The effect of a method that returns one of these objects, just created. */
    Effect.Kind returned() {
        return returned;
    }

    /** What the loop or per-element lambda that repeats a creation does to it, for the location's words. */
    static final String REPEATS = "repeats the creation";

    /** The rule's detectors: the same table read in source and in bytecode. */
    List<Detector> detectors() {
        return List.of(new PerCallCreationsSource(this), new PerCallCreationsBytecode(this));
    }

    List<Factory> factories() {
        return factories;
    }

    /** Whether a method's result holds on to the object (see {@link Lifetimes#isThrowaway}). */
    boolean isView(String method) {
        return view.test(method);
    }

    static final String ITERATION = "iteration";
    static final String ELEMENT = "element";
    static final String CALL = "call";

    /** The message for a creation made once per {@code unit} ({@link #ITERATION}, {@link #ELEMENT}, {@link #CALL}). */
    String message(Factory factory, String unit) {
        return messages.message(factory, unit);
    }
}
