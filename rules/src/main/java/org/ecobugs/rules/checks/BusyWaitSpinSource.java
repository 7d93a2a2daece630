package org.ecobugs.rules.checks;

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
import java.util.List;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceDetector;
import org.ecobugs.rules.api.SourceVisits;
import org.ecobugs.rules.java.Loops;
import org.ecobugs.rules.java.StateProbes;
import org.ecobugs.rules.java.Waits;

/** EB101 in source: a loop whose body only hints the CPU and whose exit tests only read state. */
final class BusyWaitSpinSource implements SourceDetector {

    private static final String THREAD = "java.lang.Thread";
    private static final String LOCK_SUPPORT = "java.util.concurrent.locks.LockSupport";

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(Loops.KEYWORDS);
    }

    @Override
    public void subscribe(SourceVisits visits) {
        visits.enter(WhileStmt.class, BusyWaitSpinSource::visit);
        visits.enter(DoStmt.class, BusyWaitSpinSource::visit);
        visits.enter(ForStmt.class, BusyWaitSpinSource::visit);
    }

    private static void visit(Statement loop, SourceContext context) {
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
        if (loop instanceof ForStmt forLoop && forLoop.getCompare().isEmpty()) {
            // for (;;) has no condition to show: its header stands for it, without the body.
            Loops.header(forLoop)
                    .ifPresentOrElse(
                            header -> context.report(header, forLoop, BusyWaitSpinRule.MESSAGE),
                            () -> context.report(forLoop, BusyWaitSpinRule.MESSAGE));
            return;
        }
        context.report(Loops.anchor(loop), BusyWaitSpinRule.MESSAGE);
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
            return context.constants().integer(nanos).orElse(Long.MAX_VALUE)
                    < BusyWaitSpinRule.ONE_MILLISECOND_IN_NANOS;
        }
        return false;
    }
}
