package org.ecobugs.rules.checks;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.BytecodeContext;
import org.ecobugs.rules.api.BytecodeDetector;
import org.ecobugs.rules.bytecode.BytecodeLoops;
import org.ecobugs.rules.bytecode.StoredVariables;
import org.ecobugs.rules.checks.code.UserInterfaceCode;
import org.ecobugs.rules.java.JavaNames;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;

/** EB309 in bytecode: {@code Wrapper.valueOf(x.xxxValue() op …)} stored back into {@code x}, inside a loop. */
final class BoxedAccumulatorInLoopBytecode implements BytecodeDetector {

    @Override
    public Set<String> constantPoolPrescreen() {
        return Set.of("valueOf");
    }

    /**
     * The source side sees every update of a variable the file declares, and what its loop does besides (queries,
     * calls, membership tests) that the bytecode cannot tell: bytecode serves classes without sources only.
     */
    @Override
    public boolean reportsWhereSourceWasAnalyzed() {
        return false;
    }

    @Override
    public void visitClass(ClassNode classNode, BytecodeContext context) {
        if (UserInterfaceCode.isUserInterface(classNode)) {
            return;
        }
        for (MethodNode method : classNode.methods) {
            if (method.name.equals("<clinit>")) {
                continue;
            }
            List<BytecodeLoops.Loop> loops = context.loops(method);
            if (loops.isEmpty() || !boxesInLoop(method.instructions, loops)) {
                continue;
            }
            Optional<Frame<SourceValue>[]> analysed = context.frames(method);
            if (analysed.isEmpty()) {
                continue;
            }
            Frame<SourceValue>[] frames = analysed.get();
            InsnList instructions = method.instructions;
            for (int i = 0; i < instructions.size(); i++) {
                AbstractInsnNode store = instructions.get(i);
                String wrapper = frames[i] == null ? null : selfUpdateWrapper(store, instructions, frames);
                if (wrapper == null) {
                    continue;
                }
                List<BytecodeLoops.Loop> carrying = StoredVariables.carryingLoops(
                        loops,
                        store,
                        i,
                        instructions,
                        frames,
                        other -> selfUpdateWrapper(other, instructions, frames) != null);
                if (carrying.isEmpty()
                        || carrying.stream()
                                .allMatch(loop -> BytecodeLoops.isBoundedByConstant(
                                        instructions, loop, frames, StringConcatInLoopRule.MAX_CONSTANT_ITERATIONS))) {
                    continue;
                }
                context.report(
                        method,
                        store,
                        BoxedAccumulatorInLoopRule.message(wrapper, StoredVariables.name(method, store, i)));
            }
        }
    }

    /** A cheap test before the data flow: a wrapper's valueOf inside a loop. */
    private static boolean boxesInLoop(InsnList instructions, List<BytecodeLoops.Loop> loops) {
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i) instanceof MethodInsnNode call
                    && isValueOf(call) != null
                    && BytecodeLoops.innermost(loops, i).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The wrapper's simple name when {@code call} is {@code Wrapper.valueOf(primitive)}, else null. */
    private static String isValueOf(MethodInsnNode call) {
        if (call.getOpcode() != Opcodes.INVOKESTATIC || !call.name.equals("valueOf")) {
            return null;
        }
        String wrapper = call.owner.replace('/', '.');
        String primitive = BoxedAccumulatorInLoopRule.PRIMITIVES.get(wrapper);
        if (primitive == null || !call.desc.equals("(" + descriptor(primitive) + ")L" + call.owner + ";")) {
            return null;
        }
        return JavaNames.simpleName(wrapper);
    }

    private static String descriptor(String primitive) {
        return switch (primitive) {
            case "int" -> "I";
            case "long" -> "J";
            case "double" -> "D";
            case "float" -> "F";
            case "short" -> "S";
            default -> "C";
        };
    }

    /**
     * The wrapper's name when the instruction stores {@code Wrapper.valueOf(v.xxxValue() op …)} into the same variable
     * {@code v} (a local or a field), else null.
     */
    private static String selfUpdateWrapper(
            AbstractInsnNode store, InsnList instructions, Frame<SourceValue>[] frames) {
        boolean local = store.getOpcode() == Opcodes.ASTORE;
        boolean field = store.getOpcode() == Opcodes.PUTFIELD || store.getOpcode() == Opcodes.PUTSTATIC;
        if (!local && !field) {
            return null;
        }
        Frame<SourceValue> frame = frames[instructions.indexOf(store)];
        SourceValue stored = frame.getStack(frame.getStackSize() - 1);
        if (stored.insns.size() != 1 || !(stored.insns.iterator().next() instanceof MethodInsnNode valueOf)) {
            return null;
        }
        String wrapper = isValueOf(valueOf);
        if (wrapper == null) {
            return null;
        }
        AbstractInsnNode arithmetic = producer(frames, instructions, valueOf, 0);
        for (int depth = 0; arithmetic != null && isConversion(arithmetic) && depth < 2; depth++) {
            arithmetic = producer(frames, instructions, arithmetic, 0);
        }
        if (arithmetic == null || !isArithmetic(arithmetic)) {
            return null;
        }
        Frame<SourceValue> atArithmetic = frames[instructions.indexOf(arithmetic)];
        for (int k = 0; k < 2; k++) {
            SourceValue operand = atArithmetic.getStack(atArithmetic.getStackSize() - 1 - k);
            for (AbstractInsnNode insn : operand.insns) {
                if (insn instanceof MethodInsnNode unbox
                        && unbox.getOpcode() == Opcodes.INVOKEVIRTUAL
                        && unbox.owner.equals(valueOf.owner)
                        && unbox.name.endsWith("Value")
                        && StoredVariables.reads(producerValue(frames, instructions, unbox), store)) {
                    return wrapper;
                }
            }
        }
        return null;
    }

    /** The single instruction that produced the {@code index}-th value from the top of the stack before {@code insn}. */
    private static AbstractInsnNode producer(
            Frame<SourceValue>[] frames, InsnList instructions, AbstractInsnNode insn, int index) {
        Frame<SourceValue> frame = frames[instructions.indexOf(insn)];
        if (frame == null) {
            return null;
        }
        SourceValue value = frame.getStack(frame.getStackSize() - 1 - index);
        return value.insns.size() == 1 ? value.insns.iterator().next() : null;
    }

    /** The receiver of an instance call without arguments. */
    private static SourceValue producerValue(
            Frame<SourceValue>[] frames, InsnList instructions, AbstractInsnNode call) {
        Frame<SourceValue> frame = frames[instructions.indexOf(call)];
        return frame.getStack(frame.getStackSize() - 1);
    }

    private static boolean isArithmetic(AbstractInsnNode insn) {
        int opcode = insn.getOpcode();
        return opcode >= Opcodes.IADD && opcode <= Opcodes.LXOR && !(opcode >= Opcodes.INEG && opcode <= Opcodes.DNEG);
    }

    private static boolean isConversion(AbstractInsnNode insn) {
        int opcode = insn.getOpcode();
        return opcode >= Opcodes.I2L && opcode <= Opcodes.I2S;
    }
}
