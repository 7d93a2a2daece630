package org.ecobugs.rules.checks;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.BytecodeContext;
import org.ecobugs.rules.api.BytecodeDetector;
import org.ecobugs.rules.bytecode.BytecodeLifetimes;
import org.ecobugs.rules.bytecode.BytecodeOneOffCode;
import org.ecobugs.rules.bytecode.BytecodeRepetition;
import org.ecobugs.rules.bytecode.ValueUses;
import org.ecobugs.rules.checks.PerCallCreations.Factory;
import org.ecobugs.rules.java.OneOffCode;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * EB501–EB503 in bytecode: the creations of a {@link PerCallCreations} table, with exact owner types, followed through
 * each method's data flow. A creation repeated by a loop or a per-element lambda points at it.
 */
final class PerCallCreationsBytecode implements BytecodeDetector {

    private final PerCallCreations creations;

    PerCallCreationsBytecode(PerCallCreations creations) {
        this.creations = creations;
    }

    @Override
    public Set<String> constantPoolPrescreen() {
        Set<String> owners = new HashSet<>();
        creations.factories().forEach(f -> owners.add(f.owner()));
        return owners;
    }

    @Override
    public void visitClass(ClassNode classNode, BytecodeContext context) {
        BytecodeRepetition repetition = null;
        for (MethodNode method : classNode.methods) {
            ValueUses flow = null;
            for (AbstractInsnNode insn : method.instructions) {
                Factory factory = factoryOf(insn);
                if (factory == null) {
                    continue;
                }
                if (repetition == null) {
                    repetition = BytecodeRepetition.of(classNode, m -> flowOf(m, context));
                }
                if (BytecodeLifetimes.isSetUpMethod(method, repetition)
                        || BytecodeOneOffCode.runsOnce(classNode, method, repetition)
                        || repetition.writtenIn(method).stream().anyMatch(m -> OneOffCode.opensASession(m.name))) {
                    break;
                }
                if (flow == null) {
                    Optional<ValueUses> analysed = flowOf(method, context);
                    if (analysed.isEmpty()) {
                        break;
                    }
                    flow = analysed.get();
                }
                AbstractInsnNode value = valueOf(flow, insn, factory);
                if (value == null || !BytecodeLifetimes.isThrowaway(flow, value, creations::isView, repetition)) {
                    continue;
                }
                Optional<BytecodeContext.Secondary> repeating = repeatingPlace(repetition, method, insn);
                if (factory.scope() == PerCallCreations.Scope.ANY_METHOD
                        || repeating.isPresent()
                        || runsPerRequest(method, repetition)) {
                    String unit = repeating.isEmpty()
                            ? PerCallCreations.CALL
                            : repetition.loopHead(method, insn).isPresent()
                                    ? PerCallCreations.ITERATION
                                    : PerCallCreations.ELEMENT;
                    context.report(
                            method,
                            insn,
                            creations.message(factory, unit),
                            repeating.map(List::of).orElse(List.of()));
                }
            }
        }
    }

    private static Optional<ValueUses> flowOf(MethodNode method, BytecodeContext context) {
        return context.frames(method).map(frames -> ValueUses.of(method, frames));
    }

    /** The loop that runs the creation again at its next pass, or the per-element call of the lambda it is in. */
    private static Optional<BytecodeContext.Secondary> repeatingPlace(
            BytecodeRepetition repetition, MethodNode method, AbstractInsnNode insn) {
        Optional<AbstractInsnNode> loop = repetition.loopHead(method, insn);
        if (loop.isPresent()) {
            return Optional.of(new BytecodeContext.Secondary(loop.get(), "the loop that " + PerCallCreations.REPEATS));
        }
        return repetition
                .perElementCall(method)
                .map(call -> new BytecodeContext.Secondary(
                        call, "the " + call.name + "() that " + PerCallCreations.REPEATS));
    }

    private Factory factoryOf(AbstractInsnNode insn) {
        for (Factory factory : creations.factories()) {
            if (factory.isConstructor()) {
                if (insn instanceof TypeInsnNode type
                        && type.getOpcode() == Opcodes.NEW
                        && type.desc.equals(factory.owner())) {
                    return factory;
                }
            } else if (insn instanceof MethodInsnNode call
                    && call.owner.equals(factory.owner())
                    && call.name.equals(factory.method())
                    && (call.getOpcode() == Opcodes.INVOKESTATIC) != factory.instance()) {
                return factory;
            }
        }
        return null;
    }

    /** The instruction whose result is the created object: the creation, or the end of its builder chain. */
    private static AbstractInsnNode valueOf(ValueUses flow, AbstractInsnNode creation, Factory factory) {
        if (factory.terminal() == null) {
            return creation;
        }
        AbstractInsnNode current = creation;
        for (int steps = 0; steps < 64; steps++) {
            MethodInsnNode next = null;
            for (ValueUses.Use use : flow.usesOf(current)) {
                if (use.direct() && use.isReceiver()) {
                    next = (MethodInsnNode) use.insn();
                } else if (!use.isConstructorCall()) {
                    return null;
                }
            }
            if (next == null) {
                return null;
            }
            if (next.name.equals(factory.terminal())) {
                return next;
            }
            if (Type.getReturnType(next.desc).getSort() != Type.OBJECT) {
                return null;
            }
            current = next;
        }
        return null;
    }

    private static boolean runsPerRequest(MethodNode method, BytecodeRepetition repetition) {
        return repetition.isHandler(method)
                || repetition.writtenIn(method).stream().anyMatch(repetition::isCalledRepeatedly);
    }
}
