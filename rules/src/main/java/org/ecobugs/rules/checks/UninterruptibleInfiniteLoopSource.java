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
import java.util.List;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceDetector;
import org.ecobugs.rules.api.SourceVisits;
import org.ecobugs.rules.java.JavaNames;
import org.ecobugs.rules.java.Loops;
import org.ecobugs.rules.java.Waits;

/**
 * EB303 in source: a catch of the interruption whose enclosing loops, up to the method or lambda, have no exit or end
 * only on the interruption the catch clears.
 */
final class UninterruptibleInfiniteLoopSource implements SourceDetector {

    private static final String INTERRUPTED_EXCEPTION = "InterruptedException";

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
    public void subscribe(SourceVisits visits) {
        visits.enter(CatchClause.class, UninterruptibleInfiniteLoopSource::visit);
    }

    private static void visit(CatchClause clause, SourceContext context) {
        if (!catchesInterruption(clause, context)) {
            return;
        }
        boolean restores = clause.getBody().findAll(MethodCallExpr.class).stream()
                .anyMatch(c -> c.getNameAsString().equals("interrupt")
                        && c.getArguments().isEmpty());
        // Shown on what the clause catches, not with its body.
        Node caught = clause.getParameter();
        Node current = clause.getParentNode().orElse(null);
        while (current != null && !isBoundary(current)) {
            if (Loops.isLoop(current)) {
                Verdict verdict = verdict((Statement) current, context);
                if (verdict == Verdict.NO_EXIT) {
                    context.report(
                            caught,
                            restores
                                    ? UninterruptibleInfiniteLoopRule.RESTORED_BUT_STAYS
                                    : UninterruptibleInfiniteLoopRule.SWALLOWED);
                    return;
                }
                if (verdict == Verdict.ENDS_ON_INTERRUPT) {
                    if (!restores) {
                        context.report(caught, UninterruptibleInfiniteLoopRule.CLEARED);
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
        return UninterruptibleInfiniteLoopRule.INTERRUPTIBLE.contains(call.getNameAsString())
                && Waits.isBlocking(call, context);
    }
}
