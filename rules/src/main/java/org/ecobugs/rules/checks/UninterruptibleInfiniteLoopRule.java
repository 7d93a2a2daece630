package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.Type;
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
import org.ecobugs.rules.bytecode.BytecodeLoops;
import org.ecobugs.rules.bytecode.Instructions;
import org.ecobugs.rules.java.JavaNames;
import org.ecobugs.rules.java.Loops;
import org.ecobugs.rules.java.Waits;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * A worker loop that cannot be stopped: it catches the thread's interruption and goes on, in a loop that has no other
 * way out ({@code while (true)} with no exit), or in a loop that ends only when the thread is interrupted, whose flag
 * the catch just cleared. Retry loops that leave on success are {@code EB302}'s; a loop with any other exit (a flag in
 * its condition, a {@code break}, a {@code return}, a {@code throw}) can be stopped and is not reported.
 */
@RuleKey("EB303")
public final class UninterruptibleInfiniteLoopRule implements SourceRule, BytecodeRule {

    static final String SWALLOWED = "This catch swallows the interruption inside a loop that has no exit, so the"
            + " worker can never be stopped; restore the interrupt flag and leave the loop.";
    static final String RESTORED_BUT_STAYS = "This catch restores the interruption but stays in a loop that has no"
            + " exit, so the worker never stops and spins on the pending interrupt; leave the loop when interrupted.";
    static final String CLEARED = "This catch clears the interruption that ends the loop, so the worker can never be"
            + " stopped; restore the flag with Thread.currentThread().interrupt() or leave the loop.";

    private static final String INTERRUPTED_EXCEPTION = "InterruptedException";

    /** Calls that throw {@code InterruptedException} when they block (and {@link Waits#isBlocking} says they do). */
    private static final Set<String> INTERRUPTIBLE = Set.of(
            "take",
            "takeFirst",
            "takeLast",
            "await",
            "awaitTermination",
            "awaitNanos",
            "awaitUntil",
            "awaitAdvanceInterruptibly",
            "wait",
            "acquire",
            "lockInterruptibly",
            "invokeAll",
            "invokeAny",
            "exchange",
            "transfer",
            "poll",
            "offer",
            "tryLock",
            "tryAcquire",
            "get");

    /** What a loop does with the interruption its catch receives. */
    private enum Verdict {
        /** The loop has no exit at all. */
        NO_EXIT,
        /** The loop's only exits are taken when the thread is interrupted. */
        ENDS_ON_INTERRUPT,
        /** The loop can be left otherwise: look at the enclosing loop. */
        HAS_EXIT
    }

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(Loops.KEYWORDS);
    }

    @Override
    public Set<Class<? extends Node>> nodesToVisit() {
        return Set.of(CatchClause.class);
    }

    @Override
    public void visitNode(Node node, SourceContext context) {
        CatchClause clause = (CatchClause) node;
        if (!catchesInterruption(clause, context)) {
            return;
        }
        boolean restores = clause.getBody().findAll(MethodCallExpr.class).stream()
                .anyMatch(c -> c.getNameAsString().equals("interrupt")
                        && c.getArguments().isEmpty());
        Node current = clause.getParentNode().orElse(null);
        while (current != null && !isBoundary(current)) {
            if (Loops.isLoop(current)) {
                Verdict verdict = verdict((Statement) current, context);
                if (verdict == Verdict.NO_EXIT) {
                    context.report(clause, restores ? RESTORED_BUT_STAYS : SWALLOWED);
                    return;
                }
                if (verdict == Verdict.ENDS_ON_INTERRUPT) {
                    if (!restores) {
                        context.report(clause, CLEARED);
                    }
                    return;
                }
            }
            current = current.getParentNode().orElse(null);
        }
    }

    private static boolean isBoundary(Node node) {
        return node instanceof LambdaExpr
                || node instanceof CallableDeclaration<?>
                || node instanceof TypeDeclaration<?>
                || (node instanceof ObjectCreationExpr creation
                        && creation.getAnonymousClassBody().isPresent());
    }

    private static Verdict verdict(Statement loop, SourceContext context) {
        boolean endsOnInterrupt = false;
        if (!Loops.runsForever(loop, context.constants())) {
            if (!Loops.condition(loop).map(c -> isInterruptTest(c, false)).orElse(false)) {
                return Verdict.HAS_EXIT;
            }
            endsOnInterrupt = true;
        }
        for (Node exit : Loops.exits(loop)) {
            if (!isTakenOnInterrupt(exit)) {
                return Verdict.HAS_EXIT;
            }
            endsOnInterrupt = true;
        }
        return endsOnInterrupt ? Verdict.ENDS_ON_INTERRUPT : Verdict.NO_EXIT;
    }

    /** {@code if (Thread.interrupted()) break;}: an exit that is the whole branch of an interrupt test. */
    private static boolean isTakenOnInterrupt(Node exit) {
        Node parent = exit.getParentNode().orElse(null);
        if (parent instanceof BlockStmt block && block.getStatements().size() == 1) {
            parent = block.getParentNode().orElse(null);
        }
        return parent instanceof IfStmt ifStmt
                && ifStmt.getElseStmt().isEmpty()
                && isInterruptTest(ifStmt.getCondition(), true);
    }

    /**
     * {@code Thread.currentThread().isInterrupted()} or {@code Thread.interrupted()}, negated when it is a loop
     * condition ({@code while (!…)}) and plain when it guards an exit.
     */
    private static boolean isInterruptTest(Expression condition, boolean whenTrue) {
        Expression e = unwrap(condition);
        if (!whenTrue) {
            if (!(e instanceof UnaryExpr not) || not.getOperator() != UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
                return false;
            }
            e = unwrap(not.getExpression());
        }
        return e instanceof MethodCallExpr call
                && call.getArguments().isEmpty()
                && (call.getNameAsString().equals("isInterrupted")
                        || call.getNameAsString().equals("interrupted"));
    }

    private static Expression unwrap(Expression expression) {
        Expression e = expression;
        while (e instanceof EnclosedExpr enclosed) {
            e = enclosed.getInner();
        }
        return e;
    }

    /**
     * Whether the clause is where an {@code InterruptedException} of its {@code try} lands: it names it, or it catches
     * {@code Exception} or {@code Throwable} around a call that throws it, and no earlier clause catches it.
     */
    private static boolean catchesInterruption(CatchClause clause, SourceContext context) {
        List<String> caught = caughtTypes(clause);
        if (caught.stream().anyMatch(t -> JavaNames.simpleName(t).equals(INTERRUPTED_EXCEPTION))) {
            return true;
        }
        boolean broad = caught.stream()
                .anyMatch(t -> context.names().mayBe(t, "java.lang.Exception")
                        || context.names().mayBe(t, "java.lang.Throwable"));
        if (!broad || !(clause.getParentNode().orElse(null) instanceof TryStmt tryStmt)) {
            return false;
        }
        for (CatchClause earlier : tryStmt.getCatchClauses()) {
            if (earlier == clause) {
                break;
            }
            if (caughtTypes(earlier).stream()
                    .anyMatch(t -> JavaNames.simpleName(t).equals(INTERRUPTED_EXCEPTION))) {
                return false;
            }
        }
        return tryStmt.getTryBlock().findAll(MethodCallExpr.class).stream()
                .anyMatch(call -> isInterruptible(call, context));
    }

    private static List<String> caughtTypes(CatchClause clause) {
        Type type = clause.getParameter().getType();
        List<String> names = new ArrayList<>();
        if (type.isUnionType()) {
            type.asUnionType().getElements().forEach(t -> names.add(t.asString()));
        } else {
            names.add(type.asString());
        }
        return names;
    }

    private static boolean isInterruptible(MethodCallExpr call, SourceContext context) {
        if (Waits.sleep(call, context).isPresent()) {
            return true;
        }
        return INTERRUPTIBLE.contains(call.getNameAsString()) && Waits.isBlocking(call, context);
    }

    // ---- bytecode twin: an exception handler for the interruption inside a loop that nothing else leaves ----

    private static final String THREAD = "java/lang/Thread";

    @Override
    public Set<String> constantPoolPrescreen() {
        return Set.of("java/lang/InterruptedException", "java/lang/Exception", "java/lang/Throwable");
    }

    @Override
    public void visitClass(ClassNode classNode, BytecodeContext context) {
        for (MethodNode method : classNode.methods) {
            if (method.tryCatchBlocks == null || method.tryCatchBlocks.isEmpty()) {
                continue;
            }
            List<BytecodeLoops.Loop> loops = BytecodeLoops.of(method.instructions);
            if (loops.isEmpty()) {
                continue;
            }
            Set<LabelNode> reported = new HashSet<>();
            for (int k = 0; k < method.tryCatchBlocks.size(); k++) {
                TryCatchBlockNode block = method.tryCatchBlocks.get(k);
                if (!reported.contains(block.handler) && catchesInterruption(method, k)) {
                    String message = check(method, block, loops);
                    if (message != null) {
                        reported.add(block.handler);
                        context.report(method, Instructions.nextReal(block.handler), message);
                    }
                }
            }
        }
    }

    private static boolean catchesInterruption(MethodNode method, int index) {
        TryCatchBlockNode block = method.tryCatchBlocks.get(index);
        if ("java/lang/InterruptedException".equals(block.type)) {
            return true;
        }
        if (!"java/lang/Exception".equals(block.type) && !"java/lang/Throwable".equals(block.type)) {
            return false;
        }
        InsnList instructions = method.instructions;
        int start = instructions.indexOf(block.start);
        int end = instructions.indexOf(block.end);
        for (int i = start; i < end; i++) {
            if (instructions.get(i) instanceof MethodInsnNode call
                    && isInterruptible(call)
                    && !caughtEarlier(method, index, i)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an earlier handler of {@code InterruptedException} covers instruction {@code at}. */
    private static boolean caughtEarlier(MethodNode method, int index, int at) {
        InsnList instructions = method.instructions;
        for (int k = 0; k < index; k++) {
            TryCatchBlockNode earlier = method.tryCatchBlocks.get(k);
            if ("java/lang/InterruptedException".equals(earlier.type)
                    && instructions.indexOf(earlier.start) <= at
                    && at < instructions.indexOf(earlier.end)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isInterruptible(MethodInsnNode call) {
        if (call.name.equals("sleep")) {
            return call.owner.equals(THREAD) || call.owner.equals("java/util/concurrent/TimeUnit");
        }
        if (call.name.equals("wait")) {
            return true;
        }
        boolean concurrent = call.owner.startsWith("java/util/concurrent/");
        if (!concurrent || !INTERRUPTIBLE.contains(call.name)) {
            return false;
        }
        // Untimed poll, offer, tryLock and tryAcquire return at once; get() blocks on futures.
        boolean timed = call.desc.contains("Ljava/util/concurrent/TimeUnit;") || call.desc.contains("Ljava/time/");
        return switch (call.name) {
            case "poll", "offer", "tryLock", "tryAcquire" -> timed;
            case "get" -> call.owner.endsWith("Future") || call.owner.endsWith("FutureTask");
            default -> true;
        };
    }

    /** The message for a handler inside a loop that cannot be left, or null. */
    private static String check(MethodNode method, TryCatchBlockNode block, List<BytecodeLoops.Loop> loops) {
        InsnList instructions = method.instructions;
        int handler = instructions.indexOf(block.handler);
        int start = instructions.indexOf(block.start);
        for (BytecodeLoops.Loop loop : BytecodeLoops.enclosing(loops, handler)) {
            if (!loop.contains(start)) {
                continue;
            }
            boolean endsOnInterrupt = false;
            boolean otherExit = false;
            for (AbstractInsnNode exit : BytecodeLoops.exits(instructions, loop)) {
                if (isTakenOnInterrupt(exit)) {
                    endsOnInterrupt = true;
                } else {
                    otherExit = true;
                }
            }
            if (otherExit) {
                continue;
            }
            boolean restores = restoresInterrupt(instructions, handler, loop);
            if (!endsOnInterrupt) {
                return restores ? RESTORED_BUT_STAYS : SWALLOWED;
            }
            return restores ? null : CLEARED;
        }
        return null;
    }

    /** A conditional jump right after an interrupt test, or a {@code goto}/return that such a jump guards. */
    private static boolean isTakenOnInterrupt(AbstractInsnNode exit) {
        AbstractInsnNode test = exit;
        if (!isConditionalJump(exit)) {
            test = Instructions.previousReal(exit);
            if (!isConditionalJump(test)) {
                return false;
            }
        }
        return Instructions.previousReal(test) instanceof MethodInsnNode call
                && call.owner.equals(THREAD)
                && (call.name.equals("isInterrupted") || call.name.equals("interrupted"));
    }

    private static boolean isConditionalJump(AbstractInsnNode insn) {
        return insn instanceof JumpInsnNode && insn.getOpcode() != Opcodes.GOTO && insn.getOpcode() != Opcodes.JSR;
    }

    /** Whether the handler calls {@code Thread.interrupt()} before it jumps back or leaves. */
    private static boolean restoresInterrupt(InsnList instructions, int handler, BytecodeLoops.Loop loop) {
        for (int i = handler; i <= loop.end(); i++) {
            AbstractInsnNode insn = instructions.get(i);
            if (insn instanceof MethodInsnNode call && call.owner.equals(THREAD) && call.name.equals("interrupt")) {
                return true;
            }
            int opcode = insn.getOpcode();
            if (opcode == Opcodes.GOTO
                    || opcode == Opcodes.ATHROW
                    || (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN)) {
                return false;
            }
        }
        return false;
    }
}
