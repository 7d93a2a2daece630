package org.ecobugs.rules.bytecode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * The string constants a value on the operand stack may come from, traced back through local variables: an
 * {@code LDC}, or the recipe of an {@code invokedynamic} string concatenation with its unknown parts as {@code ?}.
 */
public final class StringValues {

    private static final int MAX_DEPTH = 8;
    private static final char RECIPE_ARGUMENT = '\u0001';
    private static final char RECIPE_CONSTANT = '\u0002';

    private StringValues() {}

    public static List<String> of(SourceValue value, Frame<SourceValue>[] frames, InsnList instructions) {
        List<String> texts = new ArrayList<>();
        collect(value, frames, instructions, texts, 0);
        return texts;
    }

    /**
     * The string a value always holds: every instruction it may come from pushes the same string constant, directly
     * or through local variables. Empty when some source is not a constant (a parameter, a call, a concatenation).
     */
    public static Optional<String> constant(SourceValue value, Frame<SourceValue>[] frames, InsnList instructions) {
        List<String> texts = new ArrayList<>();
        if (!collectConstants(value, frames, instructions, texts, 0)) {
            return Optional.empty();
        }
        return texts.stream().distinct().count() == 1 ? Optional.of(texts.get(0)) : Optional.empty();
    }

    private static boolean collectConstants(
            SourceValue value, Frame<SourceValue>[] frames, InsnList instructions, List<String> texts, int depth) {
        if (value == null || value.insns.isEmpty() || depth > MAX_DEPTH) {
            return false;
        }
        for (AbstractInsnNode insn : value.insns) {
            if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof String text) {
                texts.add(text);
                continue;
            }
            if (!(insn instanceof VarInsnNode load) || load.getOpcode() != Opcodes.ALOAD) {
                return false;
            }
            Frame<SourceValue> frame = frames[instructions.indexOf(load)];
            if (frame == null) {
                return false;
            }
            SourceValue stored = frame.getLocal(load.var);
            if (stored.insns.isEmpty()) {
                return false;
            }
            for (AbstractInsnNode store : stored.insns) {
                Frame<SourceValue> atStore = frames[instructions.indexOf(store)];
                if (store.getOpcode() != Opcodes.ASTORE
                        || atStore == null
                        || !collectConstants(
                                atStore.getStack(atStore.getStackSize() - 1), frames, instructions, texts, depth + 1)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void collect(
            SourceValue value, Frame<SourceValue>[] frames, InsnList instructions, List<String> texts, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        for (AbstractInsnNode insn : value.insns) {
            if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof String text) {
                texts.add(text);
            } else if (insn instanceof InvokeDynamicInsnNode indy
                    && indy.name.equals("makeConcatWithConstants")
                    && indy.bsmArgs.length > 0
                    && indy.bsmArgs[0] instanceof String recipe) {
                texts.add(recipe.replace(RECIPE_ARGUMENT, '?').replace(RECIPE_CONSTANT, '?'));
            } else if (insn instanceof VarInsnNode load && load.getOpcode() == Opcodes.ALOAD) {
                Frame<SourceValue> frame = frames[instructions.indexOf(load)];
                if (frame != null) {
                    for (AbstractInsnNode store : frame.getLocal(load.var).insns) {
                        Frame<SourceValue> atStore = frames[instructions.indexOf(store)];
                        if (store.getOpcode() == Opcodes.ASTORE && atStore != null) {
                            collect(
                                    atStore.getStack(atStore.getStackSize() - 1),
                                    frames,
                                    instructions,
                                    texts,
                                    depth + 1);
                        }
                    }
                }
            }
        }
    }
}
