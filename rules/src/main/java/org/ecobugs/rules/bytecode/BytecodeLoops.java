package org.ecobugs.rules.bytecode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * The loops of a method as compilers lay them out: a jump back to an earlier instruction, the loop's head. A loop is
 * the range from its head to the last backward jump to it; {@code javac} and ECJ keep a loop's body, condition,
 * update and the handlers of the {@code try} statements inside it within that range, whatever the loop's kind. Code in
 * lambdas lives in other methods and is not part of any loop here.
 */
public final class BytecodeLoops {

    private BytecodeLoops() {}

    /** Instructions {@code head..end} (indexes in the method's instruction list) that run repeatedly. */
    public record Loop(int head, int end) {

        public boolean contains(int index) {
            return index >= head && index <= end;
        }

        public int size() {
            return end - head;
        }
    }

    /** The loops of a method, innermost first when they nest. */
    public static List<Loop> of(InsnList instructions) {
        Map<Integer, Integer> endByHead = new TreeMap<>();
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i) instanceof JumpInsnNode jump) {
                int target = instructions.indexOf(jump.label);
                if (target <= i) {
                    endByHead.merge(target, i, Math::max);
                }
            }
        }
        List<Loop> loops = new ArrayList<>();
        endByHead.forEach((head, end) -> loops.add(new Loop(head, end)));
        loops.sort(Comparator.comparingInt(Loop::size));
        return loops;
    }

    /** The innermost loop that holds the instruction at {@code index}. */
    public static Optional<Loop> innermost(List<Loop> loops, int index) {
        return loops.stream().filter(loop -> loop.contains(index)).findFirst();
    }

    /** The loops that hold the instruction at {@code index}, innermost first. */
    public static List<Loop> enclosing(List<Loop> loops, int index) {
        return loops.stream().filter(loop -> loop.contains(index)).toList();
    }

    /**
     * The instructions that leave the loop: returns, throws, and jumps or switch cases to an instruction outside it
     * (a loop condition that fails is one of them).
     */
    public static List<AbstractInsnNode> exits(InsnList instructions, Loop loop) {
        List<AbstractInsnNode> exits = new ArrayList<>();
        for (int i = loop.head(); i <= loop.end(); i++) {
            AbstractInsnNode insn = instructions.get(i);
            int opcode = insn.getOpcode();
            if ((opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) || opcode == Opcodes.ATHROW) {
                exits.add(insn);
            } else if (insn instanceof JumpInsnNode jump && !loop.contains(instructions.indexOf(jump.label))) {
                exits.add(insn);
            } else if (insn instanceof TableSwitchInsnNode table
                    && leaves(instructions, loop, table.dflt, table.labels)) {
                exits.add(insn);
            } else if (insn instanceof LookupSwitchInsnNode lookup
                    && leaves(instructions, loop, lookup.dflt, lookup.labels)) {
                exits.add(insn);
            }
        }
        return exits;
    }

    /**
     * Whether the instruction at {@code index} of a loop runs again at the next pass: some path from it stays in the
     * loop and comes back to its head. Code followed by a {@code return}, a {@code throw} or a jump out of the loop (a
     * {@code break}) on every path runs at most once per pass over the loop, like the first-match search it is.
     * Exception handlers inside the loop are followed from every instruction they cover.
     */
    public static boolean repeats(MethodNode method, Loop loop, int index) {
        InsnList instructions = method.instructions;
        java.util.BitSet seen = new java.util.BitSet();
        java.util.ArrayDeque<Integer> pending = new java.util.ArrayDeque<>();
        pending.add(index);
        while (!pending.isEmpty()) {
            int at = pending.poll();
            if (!loop.contains(at) || seen.get(at)) {
                continue;
            }
            if (at == loop.end() || (at == loop.head() && at != index)) {
                return true;
            }
            seen.set(at);
            AbstractInsnNode insn = instructions.get(at);
            int opcode = insn.getOpcode();
            if (insn instanceof JumpInsnNode jump) {
                pending.add(instructions.indexOf(jump.label));
                if (opcode != Opcodes.GOTO) {
                    pending.add(at + 1);
                }
            } else if (insn instanceof TableSwitchInsnNode table) {
                pending.add(instructions.indexOf(table.dflt));
                table.labels.forEach(label -> pending.add(instructions.indexOf(label)));
            } else if (insn instanceof LookupSwitchInsnNode lookup) {
                pending.add(instructions.indexOf(lookup.dflt));
                lookup.labels.forEach(label -> pending.add(instructions.indexOf(label)));
            } else if (!((opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) || opcode == Opcodes.ATHROW)) {
                pending.add(at + 1);
            }
            for (TryCatchBlockNode handler : method.tryCatchBlocks) {
                if (instructions.indexOf(handler.start) <= at && at < instructions.indexOf(handler.end)) {
                    pending.add(instructions.indexOf(handler.handler));
                }
            }
        }
        return false;
    }

    private static boolean leaves(InsnList instructions, Loop loop, LabelNode dflt, List<LabelNode> labels) {
        if (!loop.contains(instructions.indexOf(dflt))) {
            return true;
        }
        return labels.stream().anyMatch(label -> !loop.contains(instructions.indexOf(label)));
    }

    /**
     * Whether the loop's number of iterations is fixed by the code: it leaves on a comparison of a counter that starts
     * at a constant with another constant, at most {@code maxIterations} apart, or of an index with the length of an
     * enum's {@code values()} or of an array created with a constant length. The bytecode counterpart of
     * {@code Loops.isBoundedByConstant}; it recognises at least what that method does.
     */
    public static boolean isBoundedByConstant(
            InsnList instructions, Loop loop, Frame<SourceValue>[] frames, long maxIterations) {
        for (AbstractInsnNode exit : exits(instructions, loop)) {
            int opcode = exit.getOpcode();
            Frame<SourceValue> frame = frames[instructions.indexOf(exit)];
            if (frame == null) {
                continue;
            }
            if (opcode >= Opcodes.IF_ICMPEQ && opcode <= Opcodes.IF_ICMPLE) {
                SourceValue left = frame.getStack(frame.getStackSize() - 2);
                SourceValue right = frame.getStack(frame.getStackSize() - 1);
                if (isConstantRange(left, right, instructions, loop, frames, maxIterations)
                        || isConstantRange(right, left, instructions, loop, frames, maxIterations)) {
                    return true;
                }
            } else if (opcode >= Opcodes.IFEQ && opcode <= Opcodes.IFLE) {
                OptionalLong start = counterStart(frame.getStack(frame.getStackSize() - 1), instructions, loop, frames);
                if (start.isPresent() && Math.abs(start.getAsLong()) <= maxIterations) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isConstantRange(
            SourceValue counter,
            SourceValue bound,
            InsnList instructions,
            Loop loop,
            Frame<SourceValue>[] frames,
            long maxIterations) {
        OptionalLong start = counterStart(counter, instructions, loop, frames);
        if (start.isEmpty()) {
            return false;
        }
        if (isConstantArrayLength(bound, instructions, frames, 0)) {
            return true;
        }
        OptionalLong end = constant(bound, instructions, frames);
        return end.isPresent() && Math.abs(end.getAsLong() - start.getAsLong()) <= maxIterations;
    }

    /** The constant a counter starts from: its stores before the loop push one constant, the loop only increments it. */
    private static OptionalLong counterStart(
            SourceValue value, InsnList instructions, Loop loop, Frame<SourceValue>[] frames) {
        if (value.insns.size() != 1 || !(value.insns.iterator().next() instanceof VarInsnNode load)) {
            return OptionalLong.empty();
        }
        Frame<SourceValue> frame = frames[instructions.indexOf(load)];
        if (frame == null) {
            return OptionalLong.empty();
        }
        OptionalLong start = OptionalLong.empty();
        for (AbstractInsnNode store : frame.getLocal(load.var).insns) {
            int index = instructions.indexOf(store);
            if (loop.contains(index)) {
                if (!(store instanceof IincInsnNode)) {
                    return OptionalLong.empty();
                }
                continue;
            }
            Frame<SourceValue> atStore = frames[index];
            if (store.getOpcode() != Opcodes.ISTORE || atStore == null) {
                return OptionalLong.empty();
            }
            OptionalLong stored = constant(atStore.getStack(atStore.getStackSize() - 1), instructions, frames);
            if (stored.isEmpty() || (start.isPresent() && start.getAsLong() != stored.getAsLong())) {
                return OptionalLong.empty();
            }
            start = stored;
        }
        return start;
    }

    private static OptionalLong constant(SourceValue value, InsnList instructions, Frame<SourceValue>[] frames) {
        if (value.insns.size() != 1) {
            return OptionalLong.empty();
        }
        return Instructions.integerConstant(value.insns.iterator().next());
    }

    /** The length of {@code Kind.values()} or of {@code new T[constant]}, directly or through local variables. */
    private static boolean isConstantArrayLength(
            SourceValue value, InsnList instructions, Frame<SourceValue>[] frames, int depth) {
        if (depth > 8 || value.insns.size() != 1) {
            return false;
        }
        AbstractInsnNode producer = value.insns.iterator().next();
        Frame<SourceValue> frame = frames[instructions.indexOf(producer)];
        if (frame == null) {
            return false;
        }
        if (producer instanceof VarInsnNode load) {
            return everyStore(
                    load, frame, instructions, frames, v -> isConstantArrayLength(v, instructions, frames, depth + 1));
        }
        if (producer.getOpcode() == Opcodes.ARRAYLENGTH) {
            return isConstantArray(frame.getStack(frame.getStackSize() - 1), instructions, frames, depth + 1);
        }
        return false;
    }

    private static boolean isConstantArray(
            SourceValue value, InsnList instructions, Frame<SourceValue>[] frames, int depth) {
        if (depth > 8 || value.insns.size() != 1) {
            return false;
        }
        AbstractInsnNode producer = value.insns.iterator().next();
        Frame<SourceValue> frame = frames[instructions.indexOf(producer)];
        if (frame == null) {
            return false;
        }
        if (producer.getOpcode() == Opcodes.DUP || producer.getOpcode() == Opcodes.CHECKCAST) {
            return isConstantArray(frame.getStack(frame.getStackSize() - 1), instructions, frames, depth + 1);
        }
        if (producer instanceof MethodInsnNode call) {
            return call.getOpcode() == Opcodes.INVOKESTATIC
                    && call.name.equals("values")
                    && call.desc.startsWith("()[L");
        }
        if (producer.getOpcode() == Opcodes.ANEWARRAY || producer.getOpcode() == Opcodes.NEWARRAY) {
            return constant(frame.getStack(frame.getStackSize() - 1), instructions, frames)
                    .isPresent();
        }
        if (producer instanceof VarInsnNode load) {
            return everyStore(
                    load, frame, instructions, frames, v -> isConstantArray(v, instructions, frames, depth + 1));
        }
        return false;
    }

    /** Whether the local a load reads is only ever stored there (on the paths that reach it) with values the test accepts. */
    private static boolean everyStore(
            VarInsnNode load,
            Frame<SourceValue> frame,
            InsnList instructions,
            Frame<SourceValue>[] frames,
            java.util.function.Predicate<SourceValue> test) {
        SourceValue stored = frame.getLocal(load.var);
        if (stored.insns.isEmpty()) {
            return false;
        }
        for (AbstractInsnNode store : stored.insns) {
            Frame<SourceValue> atStore = frames[instructions.indexOf(store)];
            if (!(store instanceof VarInsnNode)
                    || atStore == null
                    || !test.test(atStore.getStack(atStore.getStackSize() - 1))) {
                return false;
            }
        }
        return true;
    }
}
