package org.ecobugs.rules.checks.loops;

import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.java.Loops;
import org.ecobugs.rules.java.Scopes;
import org.ecobugs.rules.java.Waits;

/**
 * Recognises retry loops, shared by the backoff and bound rules: a loop whose body attempts an operation in a
 * {@code try} that leaves the loop on success (see {@link LoopExits}), and catches a failure of a peer without leaving
 * (see {@link CatchClauses}), so that the loop runs again after its delays (see {@link AttemptDelays}).
 */
public final class RetryLoops {

    /** Calls that advance to another candidate: a loop making them tries each candidate once, it does not retry. */
    private static final Set<String> ADVANCES = Set.of("next", "hasNext", "hasMoreElements", "nextElement", "pop");

    private RetryLoops() {}

    /**
     * A recognised retry loop.
     *
     * @param attempts how many times the loop runs, when its condition counts to a constant
     * @param bounded whether anything limits the attempts: a comparison or deadline in the condition, or a
     *     conditional exit on failure
     * @param delays the sleeps between attempts
     * @param backoff whether some delay changes from one attempt to the next
     * @param anyFailure whether the retried catch clauses catch only {@code Exception}, {@code Throwable} or the like,
     *     which says nothing of a peer
     */
    public record RetryLoop(
            Statement loop,
            OptionalLong attempts,
            boolean bounded,
            List<Waits.Sleep> delays,
            boolean backoff,
            boolean anyFailure) {

        /** The constant delay in milliseconds, when every delay is the same known constant. */
        public OptionalLong constantDelayMillis() {
            if (delays.isEmpty() || backoff) {
                return OptionalLong.empty();
            }
            return delays.get(0).millis();
        }
    }

    public static Optional<RetryLoop> match(Statement loop, SourceContext context) {
        if (iteratesOverCandidates(loop)) {
            return Optional.empty();
        }
        List<Statement> body = Loops.statements(Loops.body(loop));
        TryStmt attempt = null;
        for (Statement statement : body) {
            if (statement instanceof TryStmt tryStmt && leavesOnSuccess(tryStmt, loop)) {
                attempt = tryStmt;
                break;
            }
        }
        if (attempt == null || pollsAState(attempt, loop, context)) {
            return Optional.empty();
        }
        List<CatchClause> retried = new ArrayList<>();
        boolean exitOnFailure = false;
        for (CatchClause clause : attempt.getCatchClauses()) {
            if (CatchClauses.isTimeoutOnly(clause) || !CatchClauses.catchesPeerFailure(clause)) {
                continue;
            }
            List<Statement> handler = clause.getBody().getStatements();
            if (!handler.isEmpty() && LoopExits.isExit(handler.get(handler.size() - 1), loop)) {
                continue;
            }
            retried.add(clause);
            exitOnFailure |= LoopExits.hasExit(clause.getBody(), loop);
        }
        if (retried.isEmpty()) {
            return Optional.empty();
        }
        for (Statement statement : body) {
            if (statement != attempt && statement instanceof IfStmt && LoopExits.hasExit(statement, loop)) {
                exitOnFailure = true;
            }
        }
        Optional<Expression> condition =
                Loops.runsForever(loop, context.constants()) ? Optional.empty() : Loops.condition(loop);
        boolean boundedByCondition = condition.map(RetryLoops::limits).orElse(false);

        List<Waits.Sleep> delays = AttemptDelays.between(body, attempt, retried, context);
        boolean backoff = AttemptDelays.backOff(delays, loop, attempt, context);
        boolean anyFailure = retried.stream().allMatch(CatchClauses::catchesOnlyGenericFailures);
        return Optional.of(new RetryLoop(
                loop,
                condition.map(c -> attempts(loop, c, context)).orElse(OptionalLong.empty()),
                boundedByCondition || exitOnFailure,
                delays,
                backoff,
                anyFailure));
    }

    /**
     * Whether the attempt waits for a state rather than retrying a failure: an {@code if} in the try block whose one
     * branch sleeps and stays in the loop while the other leaves it ({@code if (status == CHANGING) sleep(100); else
     * return status;}). Successful attempts then repeat too: the loop polls until the state changes, which the polling
     * rules judge.
     */
    private static boolean pollsAState(TryStmt attempt, Statement loop, SourceContext context) {
        for (IfStmt branch : attempt.getTryBlock().findAll(IfStmt.class)) {
            if (branch.getElseStmt().isEmpty() || LoopExits.inNestedCode(branch, attempt)) {
                continue;
            }
            Statement then = branch.getThenStmt();
            Statement otherwise = branch.getElseStmt().get();
            if ((waitsWithoutLeaving(then, loop, context) && LoopExits.hasExit(otherwise, loop))
                    || (waitsWithoutLeaving(otherwise, loop, context) && LoopExits.hasExit(then, loop))) {
                return true;
            }
        }
        return false;
    }

    private static boolean waitsWithoutLeaving(Statement branch, Statement loop, SourceContext context) {
        return !LoopExits.hasExit(branch, loop)
                && branch.findAll(MethodCallExpr.class).stream()
                        .anyMatch(call -> Waits.sleep(call, context).isPresent());
    }

    /**
     * Whether the loop walks through candidates rather than repeating one attempt: a {@code for} whose update is not a
     * counter ({@code c = c.getSuperclass()}), or a loop that advances an iterator.
     */
    private static boolean iteratesOverCandidates(Statement loop) {
        if (loop instanceof ForStmt forLoop) {
            for (Expression update : forLoop.getUpdate()) {
                boolean counter = (update instanceof UnaryExpr unary && Scopes.isIncrementOrDecrement(unary))
                        || (update instanceof AssignExpr assign && assign.getOperator() != AssignExpr.Operator.ASSIGN);
                if (!counter) {
                    return true;
                }
            }
        }
        return loop.findAll(MethodCallExpr.class).stream()
                .anyMatch(call -> ADVANCES.contains(call.getNameAsString())
                        && call.getArguments().isEmpty());
    }

    /** Whether a try block leaves the loop when it completes: return, break, or setting the loop's flag. */
    private static boolean leavesOnSuccess(TryStmt attempt, Statement loop) {
        if (LoopExits.hasExit(attempt.getTryBlock(), loop)) {
            return true;
        }
        Set<String> conditionNames = new HashSet<>();
        Loops.condition(loop)
                .ifPresent(c -> c.findAll(NameExpr.class).forEach(n -> conditionNames.add(n.getNameAsString())));
        for (AssignExpr assign : attempt.getTryBlock().findAll(AssignExpr.class)) {
            if (assign.getTarget() instanceof NameExpr target && conditionNames.contains(target.getNameAsString())) {
                return true;
            }
        }
        return false;
    }

    /** A condition limits the loop when it compares (a counter, a deadline) or asks the clock. */
    private static boolean limits(Expression condition) {
        for (BinaryExpr binary : condition.findAll(BinaryExpr.class)) {
            switch (binary.getOperator()) {
                case LESS, LESS_EQUALS, GREATER, GREATER_EQUALS -> {
                    return true;
                }
                default -> {}
            }
        }
        return condition.findAll(MethodCallExpr.class).stream()
                .anyMatch(c -> c.getNameAsString().equals("isBefore")
                        || c.getNameAsString().equals("isAfter"));
    }

    /**
     * The number of attempts when the condition counts to a constant: {@code i < 5} from {@code i = 0} is five, also
     * inside a conjunction such as {@code !sent && attempt < 8}.
     */
    private static OptionalLong attempts(Statement loop, Expression condition, SourceContext context) {
        for (BinaryExpr comparison : condition.findAll(BinaryExpr.class)) {
            boolean inclusive = comparison.getOperator() == BinaryExpr.Operator.LESS_EQUALS;
            if ((comparison.getOperator() != BinaryExpr.Operator.LESS && !inclusive)
                    || !(comparison.getLeft() instanceof NameExpr counter)) {
                continue;
            }
            OptionalLong bound = context.constants().integer(comparison.getRight());
            if (bound.isEmpty()) {
                continue;
            }
            long start = Scopes.declarationOf(Loops.body(loop), counter.getNameAsString())
                    .flatMap(Scopes.Declaration::initializer)
                    .map(init -> context.constants().integer(init).orElse(0))
                    .orElse(0L);
            return OptionalLong.of(bound.getAsLong() - start + (inclusive ? 1 : 0));
        }
        return OptionalLong.empty();
    }
}
