package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ecobugs.rules.api.BytecodeContext;
import org.ecobugs.rules.api.BytecodeRule;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceRule;
import org.ecobugs.rules.bytecode.Instructions;
import org.ecobugs.rules.java.Loops;
import org.ecobugs.rules.java.StateProbes;
import org.ecobugs.rules.java.Waits;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * A loop that waits for a condition by re-testing it without blocking: its body does nothing but spin hints
 * ({@code Thread.onSpinWait()}, {@code Thread.yield()}, {@code sleep(0)}, sub-millisecond {@code parkNanos}), and its
 * exit tests only read state another thread changes. Counted spins ({@code for} with an update) are bounded and left
 * alone; loops that block on an event are not spins.
 */
@RuleKey("EB101")
public final class BusyWaitSpinRule implements SourceRule, BytecodeRule {

    static final String MESSAGE = "This loop spins until its condition changes and keeps a core busy for the whole"
            + " wait; block on the event instead (a latch, a future, a queue's take() or a condition).";

    private static final String THREAD = "java.lang.Thread";
    private static final String LOCK_SUPPORT = "java.util.concurrent.locks.LockSupport";
    private static final long ONE_MILLISECOND_IN_NANOS = 1_000_000L;

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(Loops.KEYWORDS);
    }

    @Override
    public Set<Class<? extends Node>> nodesToVisit() {
        return Set.of(WhileStmt.class, DoStmt.class, ForStmt.class);
    }

    @Override
    public void visitNode(Node node, SourceContext context) {
        Statement loop = (Statement) node;
        if (loop instanceof ForStmt forLoop && !forLoop.getUpdate().isEmpty()) {
            return;
        }
        List<Expression> exitTests = new ArrayList<>();
        if (!Loops.runsForever(loop, context.constants())) {
            Loops.condition(loop).ifPresent(exitTests::add);
        }
        for (Statement statement : Loops.statements(Loops.body(loop))) {
            if (isSpinHint(statement, context)) {
                continue;
            }
            Expression exitTest = exitTestOf(statement);
            if (exitTest == null) {
                return;
            }
            exitTests.add(exitTest);
        }
        if (exitTests.isEmpty()) {
            return;
        }
        if (!StateProbes.areProbes(exitTests)
                || exitTests.stream().anyMatch(test -> Waits.containsBlockingCall(test, context))) {
            return;
        }
        context.report(Loops.anchor(loop), MESSAGE);
    }

    /** {@code if (ready) break;} or {@code if (ready) return value;}: the condition, else null. */
    private static Expression exitTestOf(Statement statement) {
        if (!(statement instanceof IfStmt ifStmt) || ifStmt.getElseStmt().isPresent()) {
            return null;
        }
        List<Statement> then = Loops.statements(ifStmt.getThenStmt());
        if (then.size() != 1) {
            return null;
        }
        Statement exit = then.get(0);
        boolean plainBreak = exit instanceof BreakStmt b && b.getLabel().isEmpty();
        boolean plainReturn = exit instanceof ReturnStmt r
                && r.getExpression()
                        .map(e -> e.isNameExpr() || e.isLiteralExpr() || e.isFieldAccessExpr())
                        .orElse(true);
        return plainBreak || plainReturn ? ifStmt.getCondition() : null;
    }

    private static boolean isSpinHint(Statement statement, SourceContext context) {
        if (statement instanceof EmptyStmt || statement instanceof ContinueStmt) {
            return true;
        }
        if (statement instanceof BlockStmt block) {
            return block.getStatements().stream().allMatch(s -> isSpinHint(s, context));
        }
        if (!(statement instanceof ExpressionStmt expression)
                || !(expression.getExpression() instanceof MethodCallExpr call)) {
            return false;
        }
        String name = call.getNameAsString();
        boolean onThread =
                call.getScope().map(s -> context.names().isTypeName(s, THREAD)).orElse(false)
                        || (call.getScope().isEmpty()
                                && context.names()
                                        .staticImportOwner(name)
                                        .filter(THREAD::equals)
                                        .isPresent());
        if (onThread
                && (name.equals("onSpinWait") || name.equals("yield"))
                && call.getArguments().isEmpty()) {
            return true;
        }
        if (name.equals("sleep")) {
            return Waits.sleep(call, context)
                    .map(sleep -> sleep.millis().isPresent() && sleep.millis().getAsLong() == 0)
                    .orElse(false);
        }
        if (name.equals("parkNanos")
                && call.getScope()
                        .map(s -> context.names().isTypeName(s, LOCK_SUPPORT))
                        .orElse(false)) {
            Expression nanos = call.getArgument(call.getArguments().size() - 1);
            return context.constants().integer(nanos).orElse(Long.MAX_VALUE) < ONE_MILLISECOND_IN_NANOS;
        }
        return false;
    }

    // ---- bytecode twin: a backward jump over instructions that only read state and hint the CPU ----

    @Override
    public Set<String> constantPoolPrescreen() {
        return Set.of("onSpinWait", "yield", "parkNanos", "sleep");
    }

    /** The source side sees every spin the bytecode side sees: bytecode serves classes without sources only. */
    @Override
    public boolean reportsWhereSourceWasAnalyzed() {
        return false;
    }

    @Override
    public void visitClass(ClassNode classNode, BytecodeContext context) {
        for (MethodNode method : classNode.methods) {
            InsnList instructions = method.instructions;
            Set<LabelNode> reported = new HashSet<>();
            for (AbstractInsnNode insn : instructions) {
                if (!(insn instanceof JumpInsnNode jump) || reported.contains(jump.label)) {
                    continue;
                }
                int target = instructions.indexOf(jump.label);
                int end = instructions.indexOf(jump);
                if (target < end && isSpin(instructions, target, end)) {
                    reported.add(jump.label);
                    context.report(method, jump.label, MESSAGE);
                }
            }
        }
    }

    /** Whether instructions {@code [from, to]} form a loop that only reads state, tests it, and hints. */
    private static boolean isSpin(InsnList instructions, int from, int to) {
        boolean hint = false;
        boolean readsState = false;
        boolean exits = false;
        for (int i = from; i <= to; i++) {
            AbstractInsnNode insn = instructions.get(i);
            int opcode = insn.getOpcode();
            if (opcode < 0) {
                continue;
            }
            if (insn instanceof MethodInsnNode call) {
                Call kind = classify(call);
                switch (kind) {
                    case HINT -> hint = true;
                    case PROBE -> readsState = true;
                    case NEUTRAL -> {}
                    default -> {
                        return false;
                    }
                }
            } else if (insn instanceof FieldInsnNode field) {
                if (field.getOpcode() != Opcodes.GETFIELD && field.getOpcode() != Opcodes.GETSTATIC) {
                    return false;
                }
                readsState = true;
            } else if (insn instanceof JumpInsnNode) {
                exits |= opcode != Opcodes.GOTO;
            } else if (!isPureInstruction(opcode)) {
                return false;
            }
        }
        return hint && readsState && exits;
    }

    private enum Call {
        HINT,
        PROBE,
        NEUTRAL,
        WORK
    }

    private static Call classify(MethodInsnNode call) {
        if (call.owner.equals("java/lang/Thread")) {
            switch (call.name) {
                case "onSpinWait", "yield" -> {
                    return Call.HINT;
                }
                case "sleep" -> {
                    boolean zero = Instructions.integerConstant(Instructions.previousReal(call))
                                    .orElse(-1)
                            == 0;
                    return zero && call.desc.equals("(J)V") ? Call.HINT : Call.WORK;
                }
                case "currentThread" -> {
                    return Call.NEUTRAL;
                }
                default -> {
                    // isInterrupted(), isAlive(): fall through to the probe check.
                }
            }
        }
        if (call.owner.equals("java/util/concurrent/locks/LockSupport") && call.name.equals("parkNanos")) {
            long nanos = Instructions.integerConstant(Instructions.previousReal(call))
                    .orElse(Long.MAX_VALUE);
            return nanos < ONE_MILLISECOND_IN_NANOS ? Call.HINT : Call.WORK;
        }
        int arity = Type.getArgumentTypes(call.desc).length;
        // A future's get() blocks until the result is there.
        boolean futureGet =
                call.name.equals("get") && (call.owner.endsWith("Future") || call.owner.endsWith("FutureTask"));
        // poll() also drains queues; the source side tells the two apart, bytecode does not try.
        if (!futureGet && !call.name.equals("poll") && StateProbes.isProbeMethod(call.name, arity)) {
            return Call.PROBE;
        }
        return Call.WORK;
    }

    /** Loads, constants, arithmetic, comparisons, casts and returns: computation without side effects. */
    private static boolean isPureInstruction(int opcode) {
        return (opcode >= Opcodes.ACONST_NULL && opcode <= Opcodes.ALOAD)
                || (opcode >= Opcodes.IALOAD && opcode <= Opcodes.SALOAD)
                || (opcode >= Opcodes.IADD && opcode <= Opcodes.LXOR)
                || (opcode >= Opcodes.I2L && opcode <= Opcodes.DCMPG)
                || (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN)
                || opcode == Opcodes.ARRAYLENGTH
                || opcode == Opcodes.CHECKCAST
                || opcode == Opcodes.INSTANCEOF
                || opcode == Opcodes.POP
                || opcode == Opcodes.DUP;
    }
}
