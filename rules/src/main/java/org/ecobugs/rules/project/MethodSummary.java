package org.ecobugs.rules.project;

import java.util.List;

/**
 * What one method of the project does, from its own code.
 *
 * @param owner the fully qualified name of the type that declares it
 * @param returnType its return type as {@link CallSite.Receiver#type} names types, or null for {@code void} and
 *     primitives
 * @param statements how many statements its body holds (blocks aside), 0 without a body
 * @param abstractMethod whether it has no body (an interface or abstract method)
 * @param site its name, where chains through it point
 * @param effects what its own calls do
 * @param calls its calls to methods that may be the project's
 * @param returned those of its {@code calls} whose result it returns as is, through which it returns what they return
 *     (see {@link Effect.Kind#isResult()})
 * @param droppedParameters the 0-based positions of the parameters the method only calls methods on, none of which
 *     may return the object or hold on to it, and then drops: an object given there is not kept
 */
public record MethodSummary(
        String owner,
        String name,
        int arity,
        String returnType,
        int statements,
        boolean abstractMethod,
        Site site,
        List<Effect> effects,
        List<CallSite> calls,
        List<CallSite> returned,
        List<Integer> droppedParameters) {

    /** {@code PatientService.load()}, for messages. */
    public String displayName() {
        int dot = owner.lastIndexOf('.');
        return owner.substring(dot + 1) + "." + name + "()";
    }
}
