package org.ecobugs.rules.checks.loops;

import org.ecobugs.rules.bytecode.StoredVariables;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * How compiled code concatenates strings, read back through a method's frames: an {@code invokedynamic} of
 * {@code makeConcatWithConstants}, or a {@code StringBuilder} (or {@code StringBuffer}) chain as older compilers and
 * {@code -XDstringConcat=inline} lay it out; and whether a stored concatenation has the variable's own value among its
 * parts.
 */
public final class CompiledConcatenations {

    private final InsnList instructions;
    private final Frame<SourceValue>[] frames;

    public CompiledConcatenations(InsnList instructions, Frame<SourceValue>[] frames) {
        this.instructions = instructions;
        this.frames = frames;
    }

    public static boolean isBuilder(String owner) {
        return owner.equals("java/lang/StringBuilder") || owner.equals("java/lang/StringBuffer");
    }

    /** Whether the stored value is a concatenation with the variable's own value among its parts. */
    public boolean isSelfConcatenation(AbstractInsnNode store) {
        SourceValue stored = storedValue(store);
        if (stored.insns.size() != 1) {
            return false;
        }
        AbstractInsnNode producer = stored.insns.iterator().next();
        if (producer instanceof InvokeDynamicInsnNode indy && indy.name.equals("makeConcatWithConstants")) {
            Frame<SourceValue> frame = frames[instructions.indexOf(indy)];
            int arguments = org.objectweb.asm.Type.getArgumentTypes(indy.desc).length;
            for (int k = 0; k < arguments; k++) {
                if (StoredVariables.reads(frame.getStack(frame.getStackSize() - 1 - k), store)) {
                    return true;
                }
            }
            return false;
        }
        if (producer instanceof MethodInsnNode toString
                && isBuilder(toString.owner)
                && toString.name.equals("toString")) {
            return builderReads(frames[instructions.indexOf(toString)], store);
        }
        return false;
    }

    /** Follows {@code new StringBuilder(…).append(…)….toString()} back to its start, looking at every part. */
    private boolean builderReads(Frame<SourceValue> frame, AbstractInsnNode store) {
        SourceValue receiver = frame.getStack(frame.getStackSize() - 1);
        for (int depth = 0; depth < 64 && receiver.insns.size() == 1; depth++) {
            AbstractInsnNode producer = receiver.insns.iterator().next();
            if (producer instanceof MethodInsnNode append && isBuilder(append.owner) && append.name.equals("append")) {
                Frame<SourceValue> atAppend = frames[instructions.indexOf(append)];
                int arguments = org.objectweb.asm.Type.getArgumentTypes(append.desc).length;
                if (arguments == 1 && StoredVariables.reads(atAppend.getStack(atAppend.getStackSize() - 1), store)) {
                    return true;
                }
                receiver = atAppend.getStack(atAppend.getStackSize() - 1 - arguments);
            } else if (producer.getOpcode() == Opcodes.DUP) {
                // javac duplicates the new builder for its constructor; the copy is the same builder.
                Frame<SourceValue> atDup = frames[instructions.indexOf(producer)];
                receiver = atDup.getStack(atDup.getStackSize() - 1);
            } else if (producer instanceof TypeInsnNode created && created.getOpcode() == Opcodes.NEW) {
                return initialValueReads(created, store);
            } else {
                return false;
            }
        }
        return false;
    }

    /** {@code new StringBuilder(s)} or {@code new StringBuilder(String.valueOf(s))}. */
    private boolean initialValueReads(TypeInsnNode created, AbstractInsnNode store) {
        for (AbstractInsnNode insn = created.getNext(); insn != null; insn = insn.getNext()) {
            if (insn instanceof MethodInsnNode init && init.name.equals("<init>") && isBuilder(init.owner)) {
                if (!init.desc.equals("(Ljava/lang/String;)V")) {
                    return false;
                }
                Frame<SourceValue> atInit = frames[instructions.indexOf(init)];
                SourceValue argument = atInit.getStack(atInit.getStackSize() - 1);
                if (argument.insns.size() == 1
                        && argument.insns.iterator().next() instanceof MethodInsnNode valueOf
                        && valueOf.owner.equals("java/lang/String")
                        && valueOf.name.equals("valueOf")) {
                    Frame<SourceValue> atValueOf = frames[instructions.indexOf(valueOf)];
                    argument = atValueOf.getStack(atValueOf.getStackSize() - 1);
                }
                return StoredVariables.reads(argument, store);
            }
        }
        return false;
    }

    private SourceValue storedValue(AbstractInsnNode store) {
        Frame<SourceValue> frame = frames[instructions.indexOf(store)];
        return frame.getStack(frame.getStackSize() - 1);
    }
}
