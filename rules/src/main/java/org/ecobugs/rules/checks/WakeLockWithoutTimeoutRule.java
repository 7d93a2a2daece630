package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.Set;
import org.ecobugs.rules.api.BytecodeContext;
import org.ecobugs.rules.api.BytecodeRule;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceRule;
import org.ecobugs.rules.java.AndroidTypes;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * An Android wake lock acquired without a timeout: {@code PowerManager.WakeLock.acquire()}. In source the receiver is
 * recognised by its declared type, by {@code newWakeLock(…)}, or by its name in a file that imports {@code
 * PowerManager}; in bytecode by the exact owner type. A method that also acquires a wake lock with a timeout chooses
 * between the two on purpose (a wrapper whose caller passes the timeout, 0 meaning none) and is left alone.
 */
@RuleKey("EB505")
public final class WakeLockWithoutTimeoutRule implements SourceRule, BytecodeRule {

    static final String MESSAGE = "This wake lock is acquired without a timeout, so a missed release() keeps the device"
            + " awake indefinitely; pass a timeout, e.g. acquire(10 * 60 * 1000L), or move the work to WorkManager.";

    private static final String WAKE_LOCK = "android/os/PowerManager$WakeLock";

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(Set.of("acquire"));
    }

    @Override
    public Set<Class<? extends Node>> nodesToVisit() {
        return Set.of(MethodCallExpr.class);
    }

    @Override
    public void visitNode(Node node, SourceContext context) {
        MethodCallExpr call = (MethodCallExpr) node;
        if (call.getNameAsString().equals("acquire")
                && call.getArguments().isEmpty()
                && call.getScope()
                        .map(receiver -> AndroidTypes.mayBeWakeLock(receiver, context.names()))
                        .orElse(false)
                && !alsoAcquiresWithTimeout(call)) {
            context.report(call, MESSAGE);
        }
    }

    private static boolean alsoAcquiresWithTimeout(MethodCallExpr call) {
        return call.findAncestor(CallableDeclaration.class)
                .map(method -> method.findAll(MethodCallExpr.class).stream()
                        .anyMatch(other -> other.getNameAsString().equals("acquire")
                                && other.getArguments().size() == 1
                                && other.getScope()
                                        .map(s -> s.toString()
                                                .equals(call.getScope().get().toString()))
                                        .orElse(false)))
                .orElse(false);
    }

    @Override
    public Set<String> constantPoolPrescreen() {
        return Set.of(WAKE_LOCK);
    }

    @Override
    public void visitClass(ClassNode classNode, BytecodeContext context) {
        for (MethodNode method : classNode.methods) {
            if (acquires(method, "(J)V")) {
                continue;
            }
            for (AbstractInsnNode insn : method.instructions) {
                if (isAcquire(insn, "()V")) {
                    context.report(method, insn, MESSAGE);
                }
            }
        }
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
