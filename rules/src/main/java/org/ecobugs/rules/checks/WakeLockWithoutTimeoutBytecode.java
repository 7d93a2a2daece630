package org.ecobugs.rules.checks;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.BytecodeContext;
import org.ecobugs.rules.api.BytecodeDetector;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;

/** EB505 in bytecode: {@code PowerManager.WakeLock.acquire()} by its exact owner type. */
final class WakeLockWithoutTimeoutBytecode implements BytecodeDetector {

    private static final String WAKE_LOCK = "android/os/PowerManager$WakeLock";

    @Override
    public Set<String> constantPoolPrescreen() {
        return Set.of(WAKE_LOCK);
    }

    @Override
    public void visitClass(ClassNode classNode, BytecodeContext context) {
        Set<String> releasedAtTeardown = releasedAtTeardown(classNode, context);
        for (MethodNode method : classNode.methods) {
            if (acquires(method, "(J)V")) {
                continue;
            }
            Frame<SourceValue>[] frames =
                    releasedAtTeardown.isEmpty() ? null : context.frames(method).orElse(null);
            for (int i = 0; i < method.instructions.size(); i++) {
                AbstractInsnNode insn = method.instructions.get(i);
                if (isAcquire(insn, "()V")
                        && !receiverField(classNode, frames, i)
                                .map(releasedAtTeardown::contains)
                                .orElse(false)) {
                    context.report(method, insn, WakeLockWithoutTimeoutRule.MESSAGE);
                }
            }
        }
    }

    /** The wake lock fields that a teardown callback of the class releases, directly or through the class's methods. */
    private static Set<String> releasedAtTeardown(ClassNode classNode, BytecodeContext context) {
        if (classNode.superName == null || classNode.superName.endsWith("Service")) {
            return Set.of();
        }
        Map<String, Set<String>> released = new HashMap<>();
        Map<String, Set<String>> calls = new HashMap<>();
        for (MethodNode method : classNode.methods) {
            for (int i = 0; i < method.instructions.size(); i++) {
                AbstractInsnNode insn = method.instructions.get(i);
                if (!(insn instanceof MethodInsnNode call)) {
                    continue;
                }
                if (call.owner.equals(WAKE_LOCK) && call.name.equals("release")) {
                    receiverField(classNode, context.frames(method).orElse(null), i)
                            .ifPresent(field -> released.computeIfAbsent(method.name, k -> new HashSet<>())
                                    .add(field));
                } else if (call.owner.equals(classNode.name)) {
                    calls.computeIfAbsent(method.name, k -> new HashSet<>()).add(call.name);
                }
            }
        }
        Set<String> reached = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        for (MethodNode method : classNode.methods) {
            if (WakeLockWithoutTimeoutRule.TEARDOWNS.contains(method.name) && method.desc.equals("()V")) {
                pending.add(method.name);
            }
        }
        Set<String> fields = new HashSet<>();
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (reached.add(name)) {
                fields.addAll(released.getOrDefault(name, Set.of()));
                pending.addAll(calls.getOrDefault(name, Set.of()));
            }
        }
        return fields;
    }

    /**
     * The field of this class that the receiver of the call at {@code index} is read from; unknown without frames, as
     * for code the verifier would reject.
     */
    private static Optional<String> receiverField(ClassNode classNode, Frame<SourceValue>[] frames, int index) {
        if (frames == null || frames[index] == null) {
            return Optional.empty();
        }
        Frame<SourceValue> frame = frames[index];
        SourceValue receiver = frame.getStack(frame.getStackSize() - 1);
        if (receiver.insns.size() == 1
                && receiver.insns.iterator().next() instanceof FieldInsnNode read
                && read.getOpcode() == Opcodes.GETFIELD
                && read.owner.equals(classNode.name)) {
            return Optional.of(read.name);
        }
        return Optional.empty();
    }

    private static boolean acquires(MethodNode method, String descriptor) {
        for (AbstractInsnNode insn : method.instructions) {
            if (isAcquire(insn, descriptor)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAcquire(AbstractInsnNode insn, String descriptor) {
        return insn instanceof MethodInsnNode call
                && call.getOpcode() == Opcodes.INVOKEVIRTUAL
                && call.owner.equals(WAKE_LOCK)
                && call.name.equals("acquire")
                && call.desc.equals(descriptor);
    }
}
