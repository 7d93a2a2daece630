package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.BytecodeContext;
import org.ecobugs.rules.api.BytecodeRule;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceRule;
import org.ecobugs.rules.java.AndroidTypes;
import org.ecobugs.rules.java.Scopes;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * An Android wake lock acquired without a timeout: {@code PowerManager.WakeLock.acquire()}. In source the receiver is
 * recognised by its declared type, by {@code newWakeLock(…)}, or by its name in a file that imports {@code
 * PowerManager}; in bytecode by the exact owner type. A method that also acquires a wake lock with a timeout chooses
 * between the two on purpose (a wrapper whose caller passes the timeout, 0 meaning none) and is left alone. So is a
 * wake lock kept in a field that the class releases when its component leaves the screen or ends ({@code onPause},
 * {@code onStop}, {@code onDestroy}, a view model's {@code onCleared}, directly or through its own methods): the lock
 * then lives no longer than the activity, fragment, view or view model, which the user and the system end, and a
 * timeout would only risk cutting a long task short. A service's {@code onDestroy} does not count: a service runs until
 * it stops itself.
 */
@RuleKey("EB505")
public final class WakeLockWithoutTimeoutRule implements SourceRule, BytecodeRule {

    static final String MESSAGE = "This wake lock is acquired without a timeout, so a missed release() keeps the device"
            + " awake indefinitely; pass a timeout, e.g. acquire(10 * 60 * 1000L), or move the work to WorkManager.";

    private static final String WAKE_LOCK = "android/os/PowerManager$WakeLock";

    /** Callbacks the framework calls when a component leaves the screen or ends. */
    private static final Set<String> TEARDOWNS =
            Set.of("onPause", "onStop", "onDestroy", "onDestroyView", "onDetach", "onDetachedFromWindow", "onCleared");

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
                && !alsoAcquiresWithTimeout(call)
                && !releasedAtTeardown(call)) {
            context.report(call, MESSAGE);
        }
    }

    /** Whether the wake lock is a field that a teardown callback of its (non-service) class releases. */
    private static boolean releasedAtTeardown(MethodCallExpr acquire) {
        Optional<String> name = acquire.getScope().flatMap(Scopes::variableName);
        Optional<Scopes.Declaration> field =
                name.flatMap(n -> Scopes.declarationOf(acquire, n)).filter(Scopes.Declaration::field);
        if (field.isEmpty()
                || !(field.get().node().findAncestor(TypeDeclaration.class).orElse(null)
                        instanceof ClassOrInterfaceDeclaration owner)
                || owner.getExtendedTypes().stream()
                        .anyMatch(t -> t.getNameAsString().endsWith("Service"))) {
            return false;
        }
        Set<String> releasing = new HashSet<>();
        for (MethodDeclaration method : owner.getMethods()) {
            if (method.findAll(MethodCallExpr.class).stream()
                    .anyMatch(call -> call.getNameAsString().equals("release")
                            && call.getScope()
                                    .flatMap(Scopes::variableName)
                                    .filter(name.get()::equals)
                                    .isPresent())) {
                releasing.add(method.getNameAsString());
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (MethodDeclaration method : owner.getMethods()) {
                if (!releasing.contains(method.getNameAsString())
                        && method.findAll(MethodCallExpr.class).stream()
                                .anyMatch(call -> releasing.contains(call.getNameAsString())
                                        && call.getScope()
                                                .map(ThisExpr.class::isInstance)
                                                .orElse(true))) {
                    releasing.add(method.getNameAsString());
                    changed = true;
                }
            }
        }
        return owner.getMethods().stream()
                .anyMatch(method -> TEARDOWNS.contains(method.getNameAsString())
                        && method.getParameters().isEmpty()
                        && releasing.contains(method.getNameAsString()));
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
        Set<String> releasedAtTeardown = releasedAtTeardown(classNode);
        for (MethodNode method : classNode.methods) {
            if (acquires(method, "(J)V")) {
                continue;
            }
            Frame<SourceValue>[] frames = releasedAtTeardown.isEmpty() ? null : frames(classNode, method);
            for (int i = 0; i < method.instructions.size(); i++) {
                AbstractInsnNode insn = method.instructions.get(i);
                if (isAcquire(insn, "()V")
                        && !receiverField(classNode, frames, i)
                                .map(releasedAtTeardown::contains)
                                .orElse(false)) {
                    context.report(method, insn, MESSAGE);
                }
            }
        }
    }

    /** The wake lock fields that a teardown callback of the class releases, directly or through the class's methods. */
    private static Set<String> releasedAtTeardown(ClassNode classNode) {
        if (classNode.superName == null || classNode.superName.endsWith("Service")) {
            return Set.of();
        }
        Map<String, Set<String>> released = new HashMap<>();
        Map<String, Set<String>> calls = new HashMap<>();
        for (MethodNode method : classNode.methods) {
            Frame<SourceValue>[] frames = null;
            for (int i = 0; i < method.instructions.size(); i++) {
                AbstractInsnNode insn = method.instructions.get(i);
                if (!(insn instanceof MethodInsnNode call)) {
                    continue;
                }
                if (call.owner.equals(WAKE_LOCK) && call.name.equals("release")) {
                    frames = frames == null ? frames(classNode, method) : frames;
                    int at = i;
                    Frame<SourceValue>[] known = frames;
                    receiverField(classNode, known, at)
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
            if (TEARDOWNS.contains(method.name) && method.desc.equals("()V")) {
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

    /** The field of this class that the receiver of the call at {@code index} is read from. */
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

    private static Frame<SourceValue>[] frames(ClassNode classNode, MethodNode method) {
        try {
            return new Analyzer<>(new SourceInterpreter()).analyze(classNode.name, method);
        } catch (AnalyzerException e) {
            // Code the verifier would reject: its receivers stay unknown.
            return null;
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
