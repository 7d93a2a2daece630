package org.ecobugs.rules.bytecode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;

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

    private static boolean leaves(InsnList instructions, Loop loop, LabelNode dflt, List<LabelNode> labels) {
        if (!loop.contains(instructions.indexOf(dflt))) {
            return true;
        }
        return labels.stream().anyMatch(label -> !loop.contains(instructions.indexOf(label)));
    }
}
