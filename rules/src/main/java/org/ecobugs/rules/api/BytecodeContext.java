package org.ecobugs.rules.api;

import java.util.List;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** How a bytecode rule reports; findings are mapped to the source line through the {@code LineNumberTable}. */
public interface BytecodeContext {

    /**
     * Another place of the same method a finding relies on (the loop's jump back, the sleep), shown beside it at its
     * source line.
     */
    record Secondary(AbstractInsnNode instruction, String message) {}

    /**
     * Reports a finding at the source line of {@code instruction}, or of the method when it has no line, with the other
     * places it relies on.
     */
    void report(MethodNode method, AbstractInsnNode instruction, String message, List<Secondary> secondaries);

    /** Reports a finding at the source line of {@code instruction}, or of the method when it has no line. */
    default void report(MethodNode method, AbstractInsnNode instruction, String message) {
        report(method, instruction, message, List.of());
    }
}
