package org.ecobugs.rules.checks;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.BytecodeContext;
import org.ecobugs.rules.api.BytecodeDetector;
import org.ecobugs.rules.checks.LegacySynchronizedCollectionRule.Kind;
import org.ecobugs.rules.checks.code.UserInterfaceCode;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * EB308 in bytecode: a new {@code Hashtable} stored into a {@code Map} field, a synchronized wrapper around a new map
 * or set.
 */
final class LegacySynchronizedCollectionBytecode implements BytecodeDetector {

    @Override
    public Set<String> constantPoolPrescreen() {
        return Set.of("java/util/Hashtable", "synchronizedMap", "synchronizedSet");
    }

    /**
     * The source side sees every collection the bytecode side sees, and how the class uses it (reads, searches,
     * synchronized blocks) across its nested classes: bytecode serves classes without sources only.
     */
    @Override
    public boolean reportsWhereSourceWasAnalyzed() {
        return false;
    }

    @Override
    public void visitClass(ClassNode classNode, BytecodeContext context) {
        if (UserInterfaceCode.isUserInterface(classNode) || inDebugPackage(classNode.name)) {
            return;
        }
        for (MethodNode method : classNode.methods) {
            if (!mentionsCandidate(method)) {
                continue;
            }
            Optional<Frame<SourceValue>[]> analysed = context.frames(method);
            if (analysed.isEmpty()) {
                continue;
            }
            Frame<SourceValue>[] frames = analysed.get();
            Set<AbstractInsnNode> stored = new HashSet<>();
            for (int i = 0; i < method.instructions.size(); i++) {
                AbstractInsnNode insn = method.instructions.get(i);
                Frame<SourceValue> frame = frames[i];
                if (frame == null
                        || !(insn instanceof FieldInsnNode store)
                        || (store.getOpcode() != Opcodes.PUTFIELD && store.getOpcode() != Opcodes.PUTSTATIC)) {
                    continue;
                }
                SourceValue value = frame.getStack(frame.getStackSize() - 1);
                if (store.desc.equals("Ljava/util/Map;")) {
                    createdBy(value, "java/util/Hashtable", method, frames)
                            .ifPresent(created -> context.report(method, created, Kind.HASHTABLE.message(store.name)));
                }
                wrapperCall(value, method, frames).ifPresent(call -> {
                    stored.add(call);
                    context.report(method, call, wrapperKind(call).message(store.name));
                });
            }
            for (int i = 0; i < method.instructions.size(); i++) {
                if (frames[i] != null
                        && method.instructions.get(i) instanceof MethodInsnNode call
                        && !stored.contains(call)
                        && wrapperCall(call, method, frames).isPresent()) {
                    context.report(method, call, wrapperKind(call).unnamedMessage());
                }
            }
        }
    }

    private static boolean inDebugPackage(String internalName) {
        String[] segments = internalName.split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            if (LegacySynchronizedCollectionRule.DEBUG_PACKAGES.contains(segments[i])) {
                return true;
            }
        }
        return false;
    }

    private static Kind wrapperKind(MethodInsnNode call) {
        return call.name.equals("synchronizedMap") ? Kind.SYNCHRONIZED_MAP : Kind.SYNCHRONIZED_SET;
    }

    /** The wrapper call a stored value comes from, when it wraps a new collection of the type it expects. */
    private static Optional<MethodInsnNode> wrapperCall(
            SourceValue value, MethodNode method, Frame<SourceValue>[] frames) {
        if (value.insns.size() != 1 || !(value.insns.iterator().next() instanceof MethodInsnNode call)) {
            return Optional.empty();
        }
        return wrapperCall(call, method, frames);
    }

    private static Optional<MethodInsnNode> wrapperCall(
            MethodInsnNode call, MethodNode method, Frame<SourceValue>[] frames) {
        if (call.getOpcode() != Opcodes.INVOKESTATIC
                || !call.owner.equals("java/util/Collections")
                || !LegacySynchronizedCollectionRule.WRAPPED.containsKey(call.name)) {
            return Optional.empty();
        }
        Frame<SourceValue> frame = frames[method.instructions.indexOf(call)];
        if (frame == null) {
            return Optional.empty();
        }
        String wrapped = LegacySynchronizedCollectionRule.WRAPPED.get(call.name).replace('.', '/');
        return createdBy(frame.getStack(frame.getStackSize() - 1), wrapped, method, frames)
                .map(created -> call);
    }

    private static boolean mentionsCandidate(MethodNode method) {
        for (AbstractInsnNode insn : method.instructions) {
            if ((insn instanceof TypeInsnNode type && type.desc.equals("java/util/Hashtable"))
                    || (insn instanceof MethodInsnNode call
                            && LegacySynchronizedCollectionRule.WRAPPED.containsKey(call.name))) {
                return true;
            }
        }
        return false;
    }

    /** The {@code NEW} of exactly {@code internalName} that a value comes from, through the {@code DUP} javac adds. */
    private static Optional<AbstractInsnNode> createdBy(
            SourceValue value, String internalName, MethodNode method, Frame<SourceValue>[] frames) {
        SourceValue current = value;
        for (int depth = 0; depth < 4 && current.insns.size() == 1; depth++) {
            AbstractInsnNode producer = current.insns.iterator().next();
            if (producer instanceof TypeInsnNode created && created.getOpcode() == Opcodes.NEW) {
                return created.desc.equals(internalName) ? Optional.of(created) : Optional.empty();
            }
            if (producer.getOpcode() != Opcodes.DUP) {
                return Optional.empty();
            }
            Frame<SourceValue> atDup = frames[method.instructions.indexOf(producer)];
            if (atDup == null) {
                return Optional.empty();
            }
            current = atDup.getStack(atDup.getStackSize() - 1);
        }
        return Optional.empty();
    }
}
