package org.ecobugs.rules.bytecode;

import java.util.OptionalLong;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;

/** Small readings of ASM instruction lists that bytecode rules share. */
public final class Instructions {

    private Instructions() {}

    /** Whether the node is a real instruction, not a label, line number or frame. */
    public static boolean isReal(AbstractInsnNode insn) {
        return insn.getOpcode() >= 0;
    }

    public static AbstractInsnNode previousReal(AbstractInsnNode insn) {
        AbstractInsnNode current = insn.getPrevious();
        while (current != null && !isReal(current)) {
            current = current.getPrevious();
        }
        return current;
    }

    public static AbstractInsnNode nextReal(AbstractInsnNode insn) {
        AbstractInsnNode current = insn.getNext();
        while (current != null && !isReal(current)) {
            current = current.getNext();
        }
        return current;
    }

    /** The integral constant an instruction pushes ({@code ICONST_1}, {@code BIPUSH}, {@code LDC 5L}, …). */
    public static OptionalLong integerConstant(AbstractInsnNode insn) {
        if (insn == null) {
            return OptionalLong.empty();
        }
        int opcode = insn.getOpcode();
        if (opcode >= Opcodes.ICONST_M1 && opcode <= Opcodes.ICONST_5) {
            return OptionalLong.of(opcode - Opcodes.ICONST_0);
        }
        if (opcode == Opcodes.LCONST_0 || opcode == Opcodes.LCONST_1) {
            return OptionalLong.of(opcode - Opcodes.LCONST_0);
        }
        if (insn instanceof IntInsnNode push && (opcode == Opcodes.BIPUSH || opcode == Opcodes.SIPUSH)) {
            return OptionalLong.of(push.operand);
        }
        if (insn instanceof LdcInsnNode ldc && (ldc.cst instanceof Integer || ldc.cst instanceof Long)) {
            return OptionalLong.of(((Number) ldc.cst).longValue());
        }
        if (insn instanceof InsnNode && opcode == Opcodes.I2L) {
            return integerConstant(previousReal(insn));
        }
        return OptionalLong.empty();
    }

    /** Whether the instruction pushes boolean {@code true} (as {@code ICONST_1} or {@code Boolean.TRUE}). */
    public static boolean pushesTrue(AbstractInsnNode insn) {
        if (insn == null) {
            return false;
        }
        if (insn.getOpcode() == Opcodes.ICONST_1) {
            return true;
        }
        if (insn instanceof org.objectweb.asm.tree.FieldInsnNode field && insn.getOpcode() == Opcodes.GETSTATIC) {
            return field.owner.equals("java/lang/Boolean") && field.name.equals("TRUE");
        }
        if (insn instanceof org.objectweb.asm.tree.MethodInsnNode call
                && call.owner.equals("java/lang/Boolean")
                && call.name.equals("valueOf")) {
            return pushesTrue(previousReal(insn));
        }
        return false;
    }
}
