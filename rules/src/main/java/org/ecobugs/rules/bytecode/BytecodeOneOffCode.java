package org.ecobugs.rules.bytecode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ecobugs.rules.java.JavaNames;
import org.ecobugs.rules.java.OneOffCode;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The bytecode view of {@link OneOffCode}: methods of a class that run once per process, deployment or migration
 * (static initializers, {@code main}, start-up and shutdown hooks, every method of a migration class, and the
 * non-public helpers that only such methods call), with lambda bodies counted as part of the method they were written
 * in.
 */
public final class BytecodeOneOffCode {

    private static final int MAX_HELPER_DEPTH = 4;

    private BytecodeOneOffCode() {}

    /** Whether {@code method} of {@code owner} runs once rather than per call or per element. */
    public static boolean runsOnce(ClassNode owner, MethodNode method, BytecodeRepetition repetition) {
        int slash = owner.name.lastIndexOf('/');
        String packageName = slash < 0 ? "" : owner.name.substring(0, slash);
        if (OneOffCode.isMigrationType(packageName, simpleName(owner.name), supertypes(owner))) {
            return true;
        }
        return writtenInOneOffCode(owner, method, repetition, new HashSet<>(), 0);
    }

    private static boolean methodRunsOnce(
            ClassNode owner, MethodNode method, BytecodeRepetition repetition, Set<MethodNode> seen, int depth) {
        if (method.name.equals("<clinit>")) {
            return true;
        }
        if (method.name.equals("main")
                && method.desc.equals("([Ljava/lang/String;)V")
                && (method.access & Opcodes.ACC_STATIC) != 0) {
            return true;
        }
        if (OneOffCode.isStartOrStopMethod(method.name, annotations(method), events(method), supertypes(owner))) {
            return true;
        }
        if (depth >= MAX_HELPER_DEPTH
                || (method.access & Opcodes.ACC_PUBLIC) != 0
                || method.name.startsWith("<")
                || !seen.add(method)) {
            return false;
        }
        boolean called = false;
        for (MethodNode caller : owner.methods) {
            for (AbstractInsnNode insn : caller.instructions) {
                if (insn instanceof InvokeDynamicInsnNode indy && refersTo(indy, owner, method)) {
                    return false;
                }
                if (insn instanceof MethodInsnNode call
                        && call.owner.equals(owner.name)
                        && call.name.equals(method.name)
                        && call.desc.equals(method.desc)
                        && caller != method) {
                    if (!writtenInOneOffCode(owner, caller, repetition, seen, depth + 1)) {
                        return false;
                    }
                    called = true;
                }
            }
        }
        return called;
    }

    /** A method runs once when it does, or, for a lambda body, when every method of the name it was written in does. */
    private static boolean writtenInOneOffCode(
            ClassNode owner, MethodNode method, BytecodeRepetition repetition, Set<MethodNode> seen, int depth) {
        List<MethodNode> written = repetition.writtenIn(method);
        if (written.isEmpty()) {
            return BytecodeRepetition.lambdaEnclosingName(method)
                    .filter("static"::equals)
                    .isPresent();
        }
        for (MethodNode candidate : written) {
            if (!methodRunsOnce(owner, candidate, repetition, seen, depth)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a lambda or method reference of the class points at the method: it may then run from anywhere. */
    private static boolean refersTo(InvokeDynamicInsnNode indy, ClassNode owner, MethodNode method) {
        for (Object argument : indy.bsmArgs) {
            if (argument instanceof Handle handle
                    && handle.getOwner().equals(owner.name)
                    && handle.getName().equals(method.name)
                    && handle.getDesc().equals(method.desc)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> annotations(MethodNode method) {
        List<String> names = new ArrayList<>();
        for (List<AnnotationNode> annotations :
                List.of(nonNull(method.visibleAnnotations), nonNull(method.invisibleAnnotations))) {
            for (AnnotationNode annotation : annotations) {
                names.add(JavaNames.simpleName(Type.getType(annotation.desc).getClassName()));
            }
        }
        return names;
    }

    /** The simple names of the method's parameter types and of the classes its annotations name. */
    private static List<String> events(MethodNode method) {
        List<String> names = new ArrayList<>();
        for (Type parameter : Type.getArgumentTypes(method.desc)) {
            names.add(JavaNames.simpleName(parameter.getClassName()));
        }
        for (List<AnnotationNode> annotations :
                List.of(nonNull(method.visibleAnnotations), nonNull(method.invisibleAnnotations))) {
            for (AnnotationNode annotation : annotations) {
                addClassValues(annotation.values, names);
            }
        }
        return names;
    }

    private static void addClassValues(List<Object> values, List<String> names) {
        if (values == null) {
            return;
        }
        for (Object value : values) {
            if (value instanceof Type type) {
                names.add(JavaNames.simpleName(type.getClassName()));
            } else if (value instanceof List<?> list) {
                for (Object element : list) {
                    if (element instanceof Type type) {
                        names.add(JavaNames.simpleName(type.getClassName()));
                    }
                }
            }
        }
    }

    private static List<String> supertypes(ClassNode owner) {
        List<String> names = new ArrayList<>();
        if (owner.superName != null) {
            names.add(simpleName(owner.superName));
        }
        owner.interfaces.forEach(i -> names.add(simpleName(i)));
        return names;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String simpleName(String internalName) {
        String name = internalName.substring(internalName.lastIndexOf('/') + 1);
        return name.substring(name.lastIndexOf('$') + 1);
    }
}
