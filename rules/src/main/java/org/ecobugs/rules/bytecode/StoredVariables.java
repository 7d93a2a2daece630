package org.ecobugs.rules.bytecode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * The reference variable a store writes ({@code ASTORE} to a local slot, or {@code PUTFIELD}/{@code PUTSTATIC} to a
 * field), for the rules about a value rebuilt from itself in a loop (a string concatenated to, a boxed accumulator).
 */
public final class StoredVariables {

    private StoredVariables() {}

    /** Whether a value is read from the variable the store writes: the same local slot, or the same field. */
    public static boolean reads(SourceValue value, AbstractInsnNode store) {
        for (AbstractInsnNode insn : value.insns) {
            if (store instanceof VarInsnNode local
                    && insn instanceof VarInsnNode load
                    && load.getOpcode() == Opcodes.ALOAD
                    && load.var == local.var) {
                return true;
            }
            if (store instanceof FieldInsnNode field
                    && insn instanceof FieldInsnNode read
                    && (read.getOpcode() == Opcodes.GETFIELD || read.getOpcode() == Opcodes.GETSTATIC)
                    && read.owner.equals(field.owner)
                    && read.name.equals(field.name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an instruction stores into the same variable as the store. */
    public static boolean storesSameVariable(AbstractInsnNode insn, AbstractInsnNode store) {
        if (store instanceof VarInsnNode local) {
            return insn instanceof VarInsnNode other && other.getOpcode() == Opcodes.ASTORE && other.var == local.var;
        }
        FieldInsnNode field = (FieldInsnNode) store;
        return insn instanceof FieldInsnNode other
                && other.getOpcode() == field.getOpcode()
                && other.owner.equals(field.owner)
                && other.name.equals(field.name);
    }

    /**
     * Whether the loop also stores into the variable something that is not an update of it (as {@code isUpdate}
     * tells): it starts over, or is declared inside.
     */
    public static boolean isResetIn(
            BytecodeLoops.Loop loop,
            AbstractInsnNode store,
            InsnList instructions,
            Frame<SourceValue>[] frames,
            Predicate<AbstractInsnNode> isUpdate) {
        for (int i = loop.head(); i <= loop.end(); i++) {
            AbstractInsnNode other = instructions.get(i);
            if (other == store || frames[i] == null || !storesSameVariable(other, store)) {
                continue;
            }
            if (!isUpdate.test(other)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The loops around {@code store} (at {@code index}) that carry its variable from one iteration to the next: those
     * that do not reset it (see {@link #isResetIn}), innermost first.
     */
    public static List<BytecodeLoops.Loop> carryingLoops(
            List<BytecodeLoops.Loop> loops,
            AbstractInsnNode store,
            int index,
            InsnList instructions,
            Frame<SourceValue>[] frames,
            Predicate<AbstractInsnNode> isUpdate) {
        List<BytecodeLoops.Loop> carrying = new ArrayList<>();
        for (BytecodeLoops.Loop loop : BytecodeLoops.enclosing(loops, index)) {
            if (!isResetIn(loop, store, instructions, frames, isUpdate)) {
                carrying.add(loop);
            }
        }
        return carrying;
    }

    /**
     * The variable's name: the field's, or the local's from the local variable table (compiled with {@code -g}), else
     * its slot.
     *
     * @param index the store's index in the method's instructions
     */
    public static String name(MethodNode method, AbstractInsnNode store, int index) {
        if (store instanceof FieldInsnNode field) {
            return field.name;
        }
        int slot = ((VarInsnNode) store).var;
        if (method.localVariables != null) {
            for (LocalVariableNode variable : method.localVariables) {
                // The store itself precedes the variable's scope when it is the variable's first one.
                if (variable.index == slot
                        && method.instructions.indexOf(variable.start) <= index + 1
                        && index < method.instructions.indexOf(variable.end)) {
                    return variable.name;
                }
            }
        }
        return "in local variable " + slot;
    }
}
