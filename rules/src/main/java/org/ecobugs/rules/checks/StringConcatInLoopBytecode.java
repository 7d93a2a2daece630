package org.ecobugs.rules.checks;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.ecobugs.rules.api.BytecodeContext;
import org.ecobugs.rules.api.BytecodeDetector;
import org.ecobugs.rules.bytecode.BytecodeLoops;
import org.ecobugs.rules.bytecode.Instructions;
import org.ecobugs.rules.bytecode.StoredVariables;
import org.ecobugs.rules.checks.loops.CompiledConcatenations;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;

/** EB305 in bytecode: a store of a concatenation that reads the same variable, inside a loop that carries it. */
final class StringConcatInLoopBytecode implements BytecodeDetector {

    @Override
    public Set<String> constantPoolPrescreen() {
        return Set.of("makeConcatWithConstants", "java/lang/StringBuilder");
    }

    @Override
    public void visitClass(ClassNode classNode, BytecodeContext context) {
        for (MethodNode method : classNode.methods) {
            if (method.name.equals("<clinit>")) {
                // Runs once per class.
                continue;
            }
            List<BytecodeLoops.Loop> loops = context.loops(method);
            if (loops.isEmpty() || !concatenatesInLoop(method.instructions, loops)) {
                continue;
            }
            Optional<Frame<SourceValue>[]> frames = context.frames(method);
            if (frames.isPresent()) {
                new MethodScan(method, loops, frames.get()).report(context);
            }
        }
    }

    /** A cheap test before the data flow: a concatenation inside a loop (invokedynamic or a builder's toString). */
    private static boolean concatenatesInLoop(InsnList instructions, List<BytecodeLoops.Loop> loops) {
        for (int i = 0; i < instructions.size(); i++) {
            AbstractInsnNode insn = instructions.get(i);
            boolean concatenation =
                    (insn instanceof InvokeDynamicInsnNode indy && indy.name.equals("makeConcatWithConstants"))
                            || (insn instanceof MethodInsnNode call
                                    && call.name.equals("toString")
                                    && (call.owner.equals("java/lang/StringBuilder")
                                            || call.owner.equals("java/lang/StringBuffer")));
            if (concatenation && BytecodeLoops.innermost(loops, i).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The stores of one method, with the data flow needed to tell what they store. */
    private static final class MethodScan {
        private final MethodNode method;
        private final InsnList instructions;
        private final List<BytecodeLoops.Loop> loops;
        private final Frame<SourceValue>[] frames;
        private final CompiledConcatenations concatenations;

        MethodScan(MethodNode method, List<BytecodeLoops.Loop> loops, Frame<SourceValue>[] frames) {
            this.method = method;
            this.instructions = method.instructions;
            this.loops = loops;
            this.frames = frames;
            this.concatenations = new CompiledConcatenations(instructions, frames);
        }

        void report(BytecodeContext context) {
            for (int i = 0; i < instructions.size(); i++) {
                AbstractInsnNode store = instructions.get(i);
                if (!isVariableStore(store) || frames[i] == null || !concatenations.isSelfConcatenation(store)) {
                    continue;
                }
                List<BytecodeLoops.Loop> carrying = StoredVariables.carryingLoops(
                        loops, store, i, instructions, frames, concatenations::isSelfConcatenation);
                if (carrying.isEmpty()
                        || carrying.stream()
                                .allMatch(loop -> BytecodeLoops.isBoundedByConstant(
                                                instructions,
                                                loop,
                                                frames,
                                                StringConcatInLoopRule.MAX_CONSTANT_ITERATIONS)
                                        || growsToAConstantLength(loop, store))
                        || carrying.stream().anyMatch(loop -> isPassedAsArgument(loop, store))) {
                    continue;
                }
                context.report(method, store, StringConcatInLoopRule.message(StoredVariables.name(method, store, i)));
            }
        }

        /** The bytecode counterpart of the source side's padding check: the loop leaves on {@code s.length() < n}. */
        private boolean growsToAConstantLength(BytecodeLoops.Loop loop, AbstractInsnNode store) {
            for (AbstractInsnNode exit : BytecodeLoops.exits(instructions, loop)) {
                Frame<SourceValue> frame = frames[instructions.indexOf(exit)];
                if (frame == null || exit.getOpcode() < Opcodes.IF_ICMPEQ || exit.getOpcode() > Opcodes.IF_ICMPLE) {
                    continue;
                }
                SourceValue left = frame.getStack(frame.getStackSize() - 2);
                SourceValue right = frame.getStack(frame.getStackSize() - 1);
                if ((isOwnLength(left, store) && isSmallConstant(right))
                        || (isOwnLength(right, store) && isSmallConstant(left))) {
                    return true;
                }
            }
            return false;
        }

        private boolean isOwnLength(SourceValue value, AbstractInsnNode store) {
            if (value.insns.size() != 1
                    || !(value.insns.iterator().next() instanceof MethodInsnNode call)
                    || !call.owner.equals("java/lang/String")
                    || !call.name.equals("length")) {
                return false;
            }
            Frame<SourceValue> atCall = frames[instructions.indexOf(call)];
            return atCall != null && StoredVariables.reads(atCall.getStack(atCall.getStackSize() - 1), store);
        }

        private static boolean isSmallConstant(SourceValue value) {
            if (value.insns.size() != 1) {
                return false;
            }
            OptionalLong constant =
                    Instructions.integerConstant(value.insns.iterator().next());
            return constant.isPresent() && constant.getAsLong() <= StringConcatInLoopRule.MAX_PADDED_LENGTH;
        }

        /** The bytecode counterpart of the source side's check: the variable is an argument of a call in the loop. */
        private boolean isPassedAsArgument(BytecodeLoops.Loop loop, AbstractInsnNode store) {
            for (int i = loop.head(); i <= loop.end(); i++) {
                AbstractInsnNode insn = instructions.get(i);
                Frame<SourceValue> frame = frames[i];
                String descriptor;
                if (insn instanceof MethodInsnNode call && !buildsWith(call)) {
                    descriptor = call.desc;
                } else if (insn instanceof InvokeDynamicInsnNode indy && !indy.name.startsWith("makeConcat")) {
                    descriptor = indy.desc;
                } else {
                    continue;
                }
                if (frame == null) {
                    continue;
                }
                int arguments = org.objectweb.asm.Type.getArgumentTypes(descriptor).length;
                for (int k = 0; k < arguments; k++) {
                    if (StoredVariables.reads(frame.getStack(frame.getStackSize() - 1 - k), store)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static boolean buildsWith(MethodInsnNode call) {
            return (CompiledConcatenations.isBuilder(call.owner)
                            && (call.name.equals("append") || call.name.equals("<init>")))
                    || (call.owner.equals("java/lang/String")
                            && (call.name.equals("valueOf") || call.name.equals("concat")));
        }

        private static boolean isVariableStore(AbstractInsnNode insn) {
            return insn.getOpcode() == Opcodes.ASTORE
                    || ((insn.getOpcode() == Opcodes.PUTFIELD || insn.getOpcode() == Opcodes.PUTSTATIC)
                            && ((FieldInsnNode) insn).desc.equals("Ljava/lang/String;"));
        }
    }
}
