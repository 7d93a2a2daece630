package org.ecobugs.rules.api;

import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** How a bytecode rule reports; findings are mapped to the source line through the {@code LineNumberTable}. */
public interface BytecodeContext {

    /** Reports a finding at the source line of {@code instruction}, or of the method when it has no line. */
    void report(MethodNode method, AbstractInsnNode instruction, String message);
}
