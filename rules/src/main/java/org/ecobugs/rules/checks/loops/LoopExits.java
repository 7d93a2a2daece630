package org.ecobugs.rules.checks.loops;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import java.util.Optional;
import org.ecobugs.rules.java.Loops;

/**
 * Where code leaves a loop: a {@code return}, a {@code throw} that no catch clause inside the loop takes, a {@code
 * break} out of it, or an assignment that makes its condition false. An exit taken only when the thread is interrupted,
 * or one inside a lambda or a nested class, does not leave the loop.
 */
final class LoopExits {

    private LoopExits() {}

    /** Whether some statement inside {@code region} leaves the loop (return, throw, or a break out of it). */
    static boolean hasExit(Node region, Statement loop) {
        for (Statement statement : region.findAll(Statement.class)) {
            if (isExit(statement, loop)
                    && !isInterruptHandling(statement, region)
                    && !inNestedCode(statement, region)) {
                return true;
            }
        }
        return false;
    }

    static boolean isExit(Statement statement, Statement loop) {
        if (statement instanceof ReturnStmt) {
            return true;
        }
        if (statement instanceof ThrowStmt throwStmt) {
            return !caughtInLoop(throwStmt, loop);
        }
        if (statement instanceof ExpressionStmt expression && expression.getExpression() instanceof AssignExpr assign) {
            return stopsTheLoop(assign, loop);
        }
        if (statement instanceof BreakStmt breakStmt) {
            if (breakStmt.getLabel().isPresent()) {
                return loop.getParentNode()
                        .filter(LabeledStmt.class::isInstance)
                        .map(p -> ((LabeledStmt) p)
                                .getLabel()
                                .equals(breakStmt.getLabel().get()))
                        .orElse(false);
            }
            return nearestBreakTarget(breakStmt) == loop;
        }
        return false;
    }

    /** Whether {@code node} is in a lambda, an anonymous class or a method nested in {@code region}. */
    static boolean inNestedCode(Node node, Node region) {
        Node current = node.getParentNode().orElse(null);
        while (current != null && current != region) {
            if (current instanceof LambdaExpr
                    || current instanceof ObjectCreationExpr
                    || current instanceof CallableDeclaration<?>) {
                return true;
            }
            current = current.getParentNode().orElse(null);
        }
        return false;
    }

    /**
     * Whether a {@code throw} lands in a catch clause of a {@code try} inside the loop, which then runs again: {@code
     * throw new RuntimeException(…)} inside a try that catches {@code RuntimeException} does not leave the loop.
     */
    private static boolean caughtInLoop(ThrowStmt throwStmt, Statement loop) {
        String thrown = throwStmt.getExpression() instanceof ObjectCreationExpr creation
                ? creation.getType().getNameAsString()
                : null;
        Node child = throwStmt;
        Node current = throwStmt.getParentNode().orElse(null);
        while (current != null && current != loop) {
            if (current instanceof CallableDeclaration<?> || current instanceof LambdaExpr) {
                return false;
            }
            if (current instanceof TryStmt tryStmt && tryStmt.getTryBlock() == child) {
                for (CatchClause clause : tryStmt.getCatchClauses()) {
                    if (CatchClauses.catches(clause, thrown)) {
                        return true;
                    }
                }
            }
            child = current;
            current = current.getParentNode().orElse(null);
        }
        return false;
    }

    /**
     * Whether an assignment makes the loop's condition false: {@code done = true} in {@code while (!done && …)}, {@code
     * running = false} in {@code while (running)}.
     */
    private static boolean stopsTheLoop(AssignExpr assign, Statement loop) {
        if (assign.getOperator() != AssignExpr.Operator.ASSIGN
                || !(assign.getValue() instanceof BooleanLiteralExpr value)
                || !(assign.getTarget() instanceof NameExpr target)) {
            return false;
        }
        Optional<Expression> condition = Loops.condition(loop);
        if (condition.isEmpty()) {
            return false;
        }
        for (Expression conjunct : Loops.conjuncts(condition.get())) {
            if (conjunct instanceof NameExpr name && name.getNameAsString().equals(target.getNameAsString())) {
                return !value.getValue();
            }
            if (conjunct instanceof UnaryExpr not
                    && not.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT
                    && not.getExpression() instanceof NameExpr name
                    && name.getNameAsString().equals(target.getNameAsString())) {
                return value.getValue();
            }
        }
        return false;
    }

    private static Node nearestBreakTarget(BreakStmt breakStmt) {
        return breakStmt
                .findAncestor(n -> Loops.isLoop(n) || n instanceof SwitchStmt, Node.class)
                .orElse(null);
    }

    /** An exit taken only when the thread is interrupted stops the worker; it does not bound the retries. */
    private static boolean isInterruptHandling(Statement exit, Node region) {
        Node current = exit.getParentNode().orElse(null);
        while (current != null && current != region) {
            if (current instanceof CatchClause clause && CatchClauses.isTimeoutOnly(clause)) {
                return true;
            }
            if (current instanceof IfStmt ifStmt
                    && ifStmt.getCondition().findAll(MethodCallExpr.class).stream()
                            .anyMatch(c -> c.getNameAsString().equals("isInterrupted")
                                    || c.getNameAsString().equals("interrupted"))) {
                return true;
            }
            current = current.getParentNode().orElse(null);
        }
        return false;
    }
}
