package org.ecobugs.rules.bytecode;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.ecobugs.rules.java.JavaNames;
import org.ecobugs.rules.java.Lifetimes;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** The bytecode view of {@link Lifetimes}: set-up methods, and objects a method creates, uses and drops. */
public final class BytecodeLifetimes {

    /** The same annotations as {@link Lifetimes#isSetUpCode}, by simple name. */
    private static final Set<String> SET_UP_ANNOTATIONS = Set.of(
            "Bean",
            "Produces",
            "Provides",
            "PostConstruct",
            "BeforeAll",
            "BeforeClass",
            "BeforeEach",
            "Before",
            "Test",
            "ParameterizedTest");

    private static final int MAX_DEPTH = 8;

    private BytecodeLifetimes() {}

    /**
     * Whether the method runs once per object or application: a constructor, a static initializer, {@code main}, a
     * method annotated as a factory or set-up method, or a lambda body written in one of them.
     */
    public static boolean isSetUpMethod(MethodNode method, BytecodeRepetition repetition) {
        Optional<String> enclosing = BytecodeRepetition.lambdaEnclosingName(method);
        if (enclosing.isPresent()
                && (enclosing.get().equals("new") || enclosing.get().equals("static"))) {
            return true;
        }
        List<MethodNode> written = repetition.writtenIn(method);
        if (written.isEmpty()) {
            return false;
        }
        for (MethodNode candidate : written) {
            if (!isSetUp(candidate)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSetUp(MethodNode method) {
        if (method.name.equals("<init>") || method.name.equals("<clinit>")) {
            return true;
        }
        if (method.name.equals("main")
                && method.desc.equals("([Ljava/lang/String;)V")
                && (method.access & Opcodes.ACC_STATIC) != 0) {
            return true;
        }
        return hasSetUpAnnotation(method.visibleAnnotations) || hasSetUpAnnotation(method.invisibleAnnotations);
    }

    private static boolean hasSetUpAnnotation(List<AnnotationNode> annotations) {
        return annotations != null
                && annotations.stream()
                        .anyMatch(a -> SET_UP_ANNOTATIONS.contains(
                                JavaNames.simpleName(Type.getType(a.desc).getClassName())));
    }

    /**
     * Whether the object {@code creation} pushes is used by its method and dropped, as {@link Lifetimes#isThrowaway}
     * decides from source: every use is a call on it or a null check, none in a loop the creation is outside of, and
     * the result of a configuration or {@code view} call that returns an object is dropped in turn.
     */
    public static boolean isThrowaway(
            ValueUses flow, AbstractInsnNode creation, Predicate<String> view, BytecodeRepetition repetition) {
        return fate(flow, creation, creation, view, repetition, 0) == Fate.DROPPED;
    }

    private enum Fate {
        UNUSED,
        DROPPED,
        KEPT
    }

    private static Fate fate(
            ValueUses flow,
            AbstractInsnNode value,
            AbstractInsnNode creation,
            Predicate<String> view,
            BytecodeRepetition repetition,
            int depth) {
        boolean used = false;
        for (ValueUses.Use use : flow.usesOf(value)) {
            if (use.isConstructorCall() || ValueUses.isInspection(use)) {
                continue;
            }
            if (!use.isReceiver() || repetition.inLoopWithout(flow.method(), use.insn(), creation)) {
                return Fate.KEPT;
            }
            MethodInsnNode call = (MethodInsnNode) use.insn();
            if ((view.test(call.name) || Lifetimes.isConfigurationCall(call.name))
                    && Type.getReturnType(call.desc).getSort() == Type.OBJECT
                    && (depth >= MAX_DEPTH || fate(flow, call, creation, view, repetition, depth + 1) == Fate.KEPT)) {
                return Fate.KEPT;
            }
            used = true;
        }
        return used ? Fate.DROPPED : Fate.UNUSED;
    }
}
