package org.ecobugs.rules.checks;

import java.util.HashSet;
import java.util.Set;
import org.ecobugs.rules.api.BytecodeContext;
import org.ecobugs.rules.api.BytecodeDetector;
import org.ecobugs.rules.bytecode.Instructions;
import org.ecobugs.rules.java.StateProbes;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** EB101 in bytecode: a backward jump over instructions that only read state and hint the CPU. */
final class BusyWaitSpinBytecode implements BytecodeDetector {

    @Override
    public Set<String> constantPoolPrescreen() {
        return Set.of("onSpinWait", "yield", "parkNanos", "sleep");
    }

    /** The source side sees every spin the bytecode side sees: bytecode serves classes without sources only. */
    @Override
    public boolean reportsWhereSourceWasAnalyzed() {
        return false;
    }

    @Override
    public void visitClass(ClassNode classNode, BytecodeContext context) {
        for (MethodNode method : classNode.methods) {
            // Without a jump back there is no spin. With one, each jump back is tried on its own: a loop of the
            // context spans up to the last jump back to its head, while a spin may end at an earlier one.
            if (context.loops(method).isEmpty()) {
                continue;
            }
            InsnList instructions = method.instructions;
            Set<LabelNode> reported = new HashSet<>();
            for (AbstractInsnNode insn : instructions) {
                if (!(insn instanceof JumpInsnNode jump) || reported.contains(jump.label)) {
                    continue;
                }
                int target = instructions.indexOf(jump.label);
                int end = instructions.indexOf(jump);
                if (target < end && isSpin(instructions, target, end)) {
                    reported.add(jump.label);
                    context.report(method, jump.label, BusyWaitSpinRule.MESSAGE);
                }
            }
        }
    }
    /** Whether instructions {@code [from, to]} form a loop that only reads state, tests it, and hints. */
    private static boolean isSpin(InsnList instructions, int from, int to) {
        boolean hint = false;
        boolean readsState = false;
        boolean exits = false;
        for (int i = from; i <= to; i++) {
            AbstractInsnNode insn = instructions.get(i);
            int opcode = insn.getOpcode();
            if (opcode < 0) {
                continue;
            }
            if (insn instanceof MethodInsnNode call) {
                Call kind = classify(call);
                switch (kind) {
                    case HINT -> hint = true;
                    case PROBE -> readsState = true;
                    case NEUTRAL -> {}
                    default -> {
                        return false;
                    }
                }
            } else if (insn instanceof FieldInsnNode field) {
                if (field.getOpcode() != Opcodes.GETFIELD && field.getOpcode() != Opcodes.GETSTATIC) {
                    return false;
                }
                readsState = true;
            } else if (insn instanceof JumpInsnNode) {
                exits |= opcode != Opcodes.GOTO;
            } else if (!isPureInstruction(opcode)) {
                return false;
            }
        }
        return hint && readsState && exits;
    }

    private enum Call {
        HINT,
        PROBE,
        NEUTRAL,
        WORK
    }

    private static Call classify(MethodInsnNode call) {
        if (call.owner.equals("java/lang/Thread")) {
            switch (call.name) {
                case "onSpinWait", "yield" -> {
                    return Call.HINT;
                }
                case "sleep" -> {
                    boolean zero = Instructions.integerConstant(Instructions.previousReal(call))
                                    .orElse(-1)
                            == 0;
                    return zero && call.desc.equals("(J)V") ? Call.HINT : Call.WORK;
                }
                case "currentThread" -> {
                    return Call.NEUTRAL;
                }
                default -> {
                    // isInterrupted(), isAlive(): fall through to the probe check.
                }
            }
        }
        if (call.owner.equals("java/util/concurrent/locks/LockSupport") && call.name.equals("parkNanos")) {
            long nanos = Instructions.integerConstant(Instructions.previousReal(call))
                    .orElse(Long.MAX_VALUE);
            return nanos < BusyWaitSpinRule.ONE_MILLISECOND_IN_NANOS ? Call.HINT : Call.WORK;
        }
        int arity = Type.getArgumentTypes(call.desc).length;
        // A future's get() blocks until the result is there.
        boolean futureGet =
                call.name.equals("get") && (call.owner.endsWith("Future") || call.owner.endsWith("FutureTask"));
        // poll() also drains queues; the source side tells the two apart, bytecode does not try.
        if (!futureGet && !call.name.equals("poll") && StateProbes.isProbeMethod(call.name, arity)) {
            return Call.PROBE;
        }
        return Call.WORK;
    }

    /** Loads, constants, arithmetic, comparisons, casts and returns: computation without side effects. */
    private static boolean isPureInstruction(int opcode) {
        return (opcode >= Opcodes.ACONST_NULL && opcode <= Opcodes.ALOAD)
                || (opcode >= Opcodes.IALOAD && opcode <= Opcodes.SALOAD)
                || (opcode >= Opcodes.IADD && opcode <= Opcodes.LXOR)
                || (opcode >= Opcodes.I2L && opcode <= Opcodes.DCMPG)
                || (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN)
                || opcode == Opcodes.ARRAYLENGTH
                || opcode == Opcodes.CHECKCAST
                || opcode == Opcodes.INSTANCEOF
                || opcode == Opcodes.POP
                || opcode == Opcodes.DUP;
    }
}
