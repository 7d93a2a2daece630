package org.ecobugs.rules.checks;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.BytecodeContext;
import org.ecobugs.rules.api.BytecodeDetector;
import org.ecobugs.rules.bytecode.StringValues;
import org.ecobugs.rules.java.SqlText;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;

/** EB604 in bytecode: string constants that reach a query method, traced through locals. */
final class SelectStarBytecode implements BytecodeDetector {

    private static final List<String> SQL_OWNERS = List.of(
            "java/sql/",
            "javax/sql/",
            "org/springframework/jdbc/",
            "javax/persistence/EntityManager",
            "jakarta/persistence/EntityManager",
            "org/hibernate/",
            "org/jdbi/");

    @Override
    public Set<String> constantPoolPrescreen() {
        return Set.copyOf(SQL_OWNERS);
    }

    @Override
    public void visitClass(ClassNode classNode, BytecodeContext context) {
        for (MethodNode method : classNode.methods) {
            if (!hasSelectStarConstant(method.instructions)) {
                continue;
            }
            Optional<Frame<SourceValue>[]> frames = context.frames(method);
            if (frames.isEmpty()) {
                continue;
            }
            for (AbstractInsnNode insn : method.instructions) {
                if (insn instanceof MethodInsnNode call && isSqlSink(call)) {
                    checkSink(method, call, frames.get(), context);
                }
            }
        }
    }

    private static void checkSink(
            MethodNode method, MethodInsnNode call, Frame<SourceValue>[] frames, BytecodeContext context) {
        Frame<SourceValue> frame = frames[method.instructions.indexOf(call)];
        Type[] arguments = Type.getArgumentTypes(call.desc);
        int sqlArgument = firstStringArgument(arguments);
        if (frame == null || sqlArgument < 0) {
            return;
        }
        int base = frame.getStackSize() - arguments.length;
        SourceValue sql = frame.getStack(base + sqlArgument);
        StringValues.of(sql, frames, method.instructions).stream()
                .map(SqlText::star)
                .flatMap(Optional::stream)
                .findFirst()
                .flatMap(star -> SelectStarRule.message(star, bytecodeEntity(method, call, frames)))
                .ifPresent(message -> context.report(method, call, message));
    }

    /**
     * The entity a native query maps its rows onto, as a class constant: {@code createNativeQuery(sql, Patient.class)},
     * or {@code addEntity(Patient.class)} called next on the query.
     */
    private static Optional<String> bytecodeEntity(
            MethodNode method, MethodInsnNode call, Frame<SourceValue>[] frames) {
        if (SelectStarRule.NATIVE_QUERIES.contains(call.name)) {
            Optional<String> entity = classArgument(method, call, frames);
            if (entity.isPresent()) {
                return entity;
            }
        }
        for (AbstractInsnNode next = call.getNext(); next != null; next = next.getNext()) {
            if (next instanceof MethodInsnNode following) {
                return following.name.equals("addEntity") && following.owner.startsWith("org/hibernate/")
                        ? classArgument(method, following, frames)
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The simple name of the first class constant a call is given. */
    private static Optional<String> classArgument(MethodNode method, MethodInsnNode call, Frame<SourceValue>[] frames) {
        Frame<SourceValue> frame = frames[method.instructions.indexOf(call)];
        if (frame == null) {
            return Optional.empty();
        }
        Type[] arguments = Type.getArgumentTypes(call.desc);
        int base = frame.getStackSize() - arguments.length;
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i].getDescriptor().equals("Ljava/lang/Class;")) {
                SourceValue value = frame.getStack(base + i);
                if (value.insns.size() == 1
                        && value.insns.iterator().next() instanceof LdcInsnNode ldc
                        && ldc.cst instanceof Type type) {
                    return SelectStarRule.entityName(type.getClassName());
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static int firstStringArgument(Type[] arguments) {
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i].getDescriptor().equals("Ljava/lang/String;")) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSqlSink(MethodInsnNode call) {
        return SelectStarRule.SQL_METHODS.contains(call.name)
                && SQL_OWNERS.stream().anyMatch(call.owner::startsWith);
    }

    private static boolean hasSelectStarConstant(InsnList instructions) {
        for (AbstractInsnNode insn : instructions) {
            if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof String text && SqlText.selectsEveryColumn(text)) {
                return true;
            }
            if (insn instanceof InvokeDynamicInsnNode indy
                    && indy.bsmArgs.length > 0
                    && indy.bsmArgs[0] instanceof String recipe
                    && SqlText.selectsEveryColumn(recipe)) {
                return true;
            }
        }
        return false;
    }
}
