package org.ecobugs.rules.checks;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ecobugs.rules.api.BytecodeContext;
import org.ecobugs.rules.api.BytecodeDetector;
import org.ecobugs.rules.bytecode.BytecodeLoops;
import org.ecobugs.rules.bytecode.Instructions;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/** EB303 in bytecode: an exception handler for the interruption inside a loop that nothing else leaves. */
final class UninterruptibleInfiniteLoopBytecode implements BytecodeDetector {

    private static final String THREAD = "java/lang/Thread";

    @Override
    public Set<String> constantPoolPrescreen() {
        return Set.of("java/lang/InterruptedException", "java/lang/Exception", "java/lang/Throwable");
    }

    @Override
    public void visitClass(ClassNode classNode, BytecodeContext context) {
        for (MethodNode method : classNode.methods) {
            if (method.tryCatchBlocks == null || method.tryCatchBlocks.isEmpty()) {
                continue;
            }
            List<BytecodeLoops.Loop> loops = context.loops(method);
            if (loops.isEmpty()) {
                continue;
            }
            Set<LabelNode> reported = new HashSet<>();
            for (int k = 0; k < method.tryCatchBlocks.size(); k++) {
                TryCatchBlockNode block = method.tryCatchBlocks.get(k);
                if (!reported.contains(block.handler) && catchesInterruption(method, k)) {
                    String message = check(method, block, loops);
                    if (message != null) {
                        reported.add(block.handler);
                        context.report(method, Instructions.nextReal(block.handler), message);
                    }
                }
            }
        }
    }

    private static boolean catchesInterruption(MethodNode method, int index) {
        TryCatchBlockNode block = method.tryCatchBlocks.get(index);
        if ("java/lang/InterruptedException".equals(block.type)) {
            return true;
        }
        if (!"java/lang/Exception".equals(block.type) && !"java/lang/Throwable".equals(block.type)) {
            return false;
        }
        InsnList instructions = method.instructions;
        int start = instructions.indexOf(block.start);
        int end = instructions.indexOf(block.end);
        for (int i = start; i < end; i++) {
            if (instructions.get(i) instanceof MethodInsnNode call
                    && isInterruptible(call)
                    && !caughtEarlier(method, index, i)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an earlier handler of {@code InterruptedException} covers instruction {@code at}. */
    private static boolean caughtEarlier(MethodNode method, int index, int at) {
        InsnList instructions = method.instructions;
        for (int k = 0; k < index; k++) {
            TryCatchBlockNode earlier = method.tryCatchBlocks.get(k);
            if ("java/lang/InterruptedException".equals(earlier.type)
                    && instructions.indexOf(earlier.start) <= at
                    && at < instructions.indexOf(earlier.end)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isInterruptible(MethodInsnNode call) {
        if (call.name.equals("sleep")) {
            return call.owner.equals(THREAD) || call.owner.equals("java/util/concurrent/TimeUnit");
        }
        if (call.name.equals("wait")) {
            return true;
        }
        boolean concurrent = call.owner.startsWith("java/util/concurrent/");
        if (!concurrent || !UninterruptibleInfiniteLoopRule.INTERRUPTIBLE.contains(call.name)) {
            return false;
        }
        // Untimed poll, offer, tryLock and tryAcquire return at once; get() blocks on futures.
        boolean timed = call.desc.contains("Ljava/util/concurrent/TimeUnit;") || call.desc.contains("Ljava/time/");
        return switch (call.name) {
            case "poll", "offer", "tryLock", "tryAcquire" -> timed;
            case "get" -> call.owner.endsWith("Future") || call.owner.endsWith("FutureTask");
            default -> true;
        };
    }

    /** The message for a handler inside a loop that cannot be left, or null. */
    private static String check(MethodNode method, TryCatchBlockNode block, List<BytecodeLoops.Loop> loops) {
        InsnList instructions = method.instructions;
        int handler = instructions.indexOf(block.handler);
        int start = instructions.indexOf(block.start);
        for (BytecodeLoops.Loop loop : BytecodeLoops.enclosing(loops, handler)) {
            if (!loop.contains(start)) {
                continue;
            }
            boolean endsOnInterrupt = false;
            boolean otherExit = false;
            for (AbstractInsnNode exit : BytecodeLoops.exits(instructions, loop)) {
                if (isTakenOnInterrupt(exit)) {
                    endsOnInterrupt = true;
                } else {
                    otherExit = true;
                }
            }
            if (otherExit) {
                continue;
            }
            boolean restores = restoresInterrupt(instructions, handler, loop);
            if (!endsOnInterrupt) {
                return restores
                        ? UninterruptibleInfiniteLoopRule.RESTORED_BUT_STAYS
                        : UninterruptibleInfiniteLoopRule.SWALLOWED;
            }
            return restores ? null : UninterruptibleInfiniteLoopRule.CLEARED;
        }
        return null;
    }

    /** A conditional jump right after an interrupt test, or a {@code goto}/return that such a jump guards. */
    private static boolean isTakenOnInterrupt(AbstractInsnNode exit) {
        AbstractInsnNode test = exit;
        if (!isConditionalJump(exit)) {
            test = Instructions.previousReal(exit);
            if (!isConditionalJump(test)) {
                return false;
            }
        }
        return Instructions.previousReal(test) instanceof MethodInsnNode call
                && call.owner.equals(THREAD)
                && (call.name.equals("isInterrupted") || call.name.equals("interrupted"));
    }

    private static boolean isConditionalJump(AbstractInsnNode insn) {
        return insn instanceof JumpInsnNode && insn.getOpcode() != Opcodes.GOTO && insn.getOpcode() != Opcodes.JSR;
    }

    /** Whether the handler calls {@code Thread.interrupt()} before it jumps back or leaves. */
    private static boolean restoresInterrupt(InsnList instructions, int handler, BytecodeLoops.Loop loop) {
        for (int i = handler; i <= loop.end(); i++) {
            AbstractInsnNode insn = instructions.get(i);
            if (insn instanceof MethodInsnNode call && call.owner.equals(THREAD) && call.name.equals("interrupt")) {
                return true;
            }
            int opcode = insn.getOpcode();
            if (opcode == Opcodes.GOTO
                    || opcode == Opcodes.ATHROW
                    || (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN)) {
                return false;
            }
        }
        return false;
    }
}
