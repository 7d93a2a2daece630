package org.ecobugs.rules.bytecode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Where the value an instruction produces goes, within one method: which instructions consume it, directly from the
 * operand stack or after a trip through a local variable. Copies ({@code DUP}), stores and loads of locals and casts
 * are followed; everything else that pops the value is a use. Built on ASM's {@link SourceInterpreter} frames, once per
 * method.
 */
public final class ValueUses {

    /** Bounds the walk through locals: a value stored and reloaded more often than this is not followed further. */
    private static final int MAX_DEPTH = 16;

    private final MethodNode method;
    private final InsnList instructions;
    private final Frame<SourceValue>[] frames;
    private final Map<AbstractInsnNode, List<Use>> usesByProducer = new HashMap<>();

    /**
     * An instruction that consumes a value.
     *
     * @param insn the consumer
     * @param operand the position of the value among the consumer's operands, 0 being the deepest (a call's
     *     receiver)
     * @param operands how many operands the consumer pops
     * @param direct whether the value reached it straight from the stack, without going through a local variable
     */
    public record Use(AbstractInsnNode insn, int operand, int operands, boolean direct) {

        /** Whether the value is the receiver of an instance method call (constructors excluded). */
        public boolean isReceiver() {
            return insn instanceof MethodInsnNode call
                    && call.getOpcode() != Opcodes.INVOKESTATIC
                    && !call.name.equals("<init>")
                    && operand == 0;
        }

        /** Whether the consumer is the constructor call that initialises a {@code NEW} object. */
        public boolean isConstructorCall() {
            return insn instanceof MethodInsnNode call && call.name.equals("<init>") && operand == 0;
        }
    }

    private ValueUses(MethodNode method, Frame<SourceValue>[] frames) {
        this.method = method;
        this.instructions = method.instructions;
        this.frames = frames;
    }

    /** The data flow of one method; empty for abstract and native methods and for code the verifier would reject. */
    public static Optional<ValueUses> of(ClassNode owner, MethodNode method) {
        if (method.instructions.size() == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new ValueUses(method, new Analyzer<>(new SourceInterpreter()).analyze(owner.name, method)));
        } catch (AnalyzerException e) {
            return Optional.empty();
        }
    }

    /** The data flow of one method, from the frames of its {@link SourceInterpreter} analysis. */
    public static ValueUses of(MethodNode method, Frame<SourceValue>[] frames) {
        return new ValueUses(method, frames);
    }

    public MethodNode method() {
        return method;
    }

    /** The instructions that consume the value {@code producer} pushes, in instruction order. */
    public List<Use> usesOf(AbstractInsnNode producer) {
        return usesByProducer.computeIfAbsent(producer, this::findUses);
    }

    private List<Use> findUses(AbstractInsnNode producer) {
        List<Use> uses = new ArrayList<>();
        for (int i = 0; i < instructions.size(); i++) {
            AbstractInsnNode insn = instructions.get(i);
            Frame<SourceValue> frame = frames[i];
            int operands = operandCount(insn);
            if (frame == null || operands == 0 || isTransparent(insn) || operands > frame.getStackSize()) {
                continue;
            }
            int base = frame.getStackSize() - operands;
            for (int k = 0; k < operands; k++) {
                Reach reach = reaches(frame.getStack(base + k), producer, 0);
                if (reach != Reach.NO) {
                    uses.add(new Use(insn, k, operands, reach == Reach.DIRECT));
                }
            }
        }
        return uses;
    }

    private enum Reach {
        NO,
        DIRECT,
        THROUGH_LOCAL
    }

    /** Whether {@code value} may be the one {@code producer} pushed, following copies, casts and locals. */
    private Reach reaches(SourceValue value, AbstractInsnNode producer, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return Reach.NO;
        }
        Reach best = Reach.NO;
        for (AbstractInsnNode source : value.insns) {
            Reach reach = Reach.NO;
            if (source == producer) {
                reach = Reach.DIRECT;
            } else if (isTransparent(source)) {
                Frame<SourceValue> frame = frames[instructions.indexOf(source)];
                if (frame != null && frame.getStackSize() > 0) {
                    reach = reaches(frame.getStack(frame.getStackSize() - 1), producer, depth + 1);
                }
            } else if (source instanceof VarInsnNode load && load.getOpcode() == Opcodes.ALOAD) {
                Frame<SourceValue> frame = frames[instructions.indexOf(load)];
                if (frame != null) {
                    for (AbstractInsnNode store : frame.getLocal(load.var).insns) {
                        Frame<SourceValue> atStore = frames[instructions.indexOf(store)];
                        if (store.getOpcode() == Opcodes.ASTORE
                                && atStore != null
                                && reaches(atStore.getStack(atStore.getStackSize() - 1), producer, depth + 1)
                                        != Reach.NO) {
                            reach = Reach.THROUGH_LOCAL;
                        }
                    }
                }
            }
            if (reach == Reach.DIRECT || (reach == Reach.THROUGH_LOCAL && best == Reach.NO)) {
                best = reach;
            }
        }
        return best;
    }

    /** Instructions that pass a reference on unchanged: copies and casts (stores are followed through their loads). */
    private static boolean isTransparent(AbstractInsnNode insn) {
        int opcode = insn.getOpcode();
        return opcode == Opcodes.DUP
                || opcode == Opcodes.DUP_X1
                || opcode == Opcodes.DUP_X2
                || opcode == Opcodes.CHECKCAST
                || opcode == Opcodes.ASTORE;
    }

    /** How many operand stack slots an instruction pops, for the instructions that can consume a reference. */
    private static int operandCount(AbstractInsnNode insn) {
        int opcode = insn.getOpcode();
        if (insn instanceof MethodInsnNode call) {
            return Type.getArgumentTypes(call.desc).length + (opcode == Opcodes.INVOKESTATIC ? 0 : 1);
        }
        if (insn instanceof InvokeDynamicInsnNode indy) {
            return Type.getArgumentTypes(indy.desc).length;
        }
        if (insn instanceof FieldInsnNode) {
            return switch (opcode) {
                case Opcodes.PUTFIELD -> 2;
                case Opcodes.PUTSTATIC, Opcodes.GETFIELD -> 1;
                default -> 0;
            };
        }
        return switch (opcode) {
            case Opcodes.AASTORE -> 3;
            case Opcodes.IF_ACMPEQ, Opcodes.IF_ACMPNE -> 2;
            case Opcodes.ARETURN,
                    Opcodes.ATHROW,
                    Opcodes.IFNULL,
                    Opcodes.IFNONNULL,
                    Opcodes.POP,
                    Opcodes.MONITORENTER,
                    Opcodes.MONITOREXIT,
                    Opcodes.INSTANCEOF,
                    Opcodes.ARRAYLENGTH,
                    Opcodes.CHECKCAST,
                    Opcodes.ASTORE,
                    Opcodes.DUP,
                    Opcodes.DUP_X1,
                    Opcodes.DUP_X2 -> 1;
            default -> 0;
        };
    }

    /** Whether a use only tests the value (null checks, identity comparisons, {@code instanceof}) or discards it. */
    public static boolean isInspection(Use use) {
        int opcode = use.insn().getOpcode();
        return opcode == Opcodes.IFNULL
                || opcode == Opcodes.IFNONNULL
                || opcode == Opcodes.IF_ACMPEQ
                || opcode == Opcodes.IF_ACMPNE
                || opcode == Opcodes.INSTANCEOF
                || opcode == Opcodes.POP
                || opcode == Opcodes.MONITORENTER
                || opcode == Opcodes.MONITOREXIT
                || opcode == Opcodes.GETFIELD
                || (opcode == Opcodes.PUTFIELD && use.operand() == 0);
    }
}
