package org.ecobugs.rules.api;

import java.util.List;
import java.util.Optional;
import org.ecobugs.rules.bytecode.BytecodeLoops;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * How a bytecode detector reports, and what every detector of a class shares: each method's frames and loops, computed
 * once for all of them. Findings are mapped to the source line through the {@code LineNumberTable}.
 */
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

    /**
     * The method's frames, each value with the instructions that may have produced it (ASM's {@code SourceInterpreter}),
     * indexed like its instructions; empty for code the verifier would reject, of which nothing reliable can be said.
     * Computed once per method of the visited class.
     */
    Optional<Frame<SourceValue>[]> frames(MethodNode method);

    /** The method's loops (backward jumps and what they enclose), computed once per method of the visited class. */
    List<BytecodeLoops.Loop> loops(MethodNode method);
}
