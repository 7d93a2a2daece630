package org.ecobugs.rules.checks.loops;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.java.JavaNames;
import org.ecobugs.rules.java.Loops;
import org.ecobugs.rules.java.Scopes;
import org.ecobugs.rules.java.Waits;

/**
 * Recognises retry loops, shared by the backoff and bound rules: a loop whose body attempts an operation in a
 * {@code try} that leaves the loop on success, and catches a failure without leaving, so that the loop runs again.
 */
public final class RetryLoops {

    /** Exceptions that mean "nothing arrived yet" on a blocking call with a timeout: waiting, not retrying. */
    private static final Set<String> TIMEOUTS =
            Set.of("SocketTimeoutException", "TimeoutException", "InterruptedIOException", "InterruptedException");

    /**
     * Words in the names of exceptions that signal a failing or unreachable peer (I/O, connections, SQL, messaging,
     * HTTP, HL7): what retry loops retry. Conflicts, cancellations and optimistic-lock failures are contention between
     * threads, resolved on the next attempt, and are not retries of an unavailable peer.
     */
    private static final Pattern PEER_FAILURE = Pattern.compile(
            "IO|Io|Connect|Socket|Remote|Http|Rest|Web|Sql|SQL|DataAccess|Jdbc|JDBC|Jms|JMS|Amqp|Kafka|Broker"
                    + "|Hl7|HL7|Llp|LLP|Transport|Communication|Unavailable|Unreachable|Network|Fhir|Client|Server"
                    + "|Timeout|Retry|Retryable");

    private static final Set<String> GENERIC_FAILURES = Set.of("Exception", "Throwable", "RuntimeException", "Error");

    /** JDK exceptions a {@code catch (RuntimeException e)} catches, for telling where a {@code throw} lands. */
    private static final Set<String> JDK_UNCHECKED = Set.of(
            "RuntimeException",
            "IllegalStateException",
            "IllegalArgumentException",
            "NullPointerException",
            "UnsupportedOperationException",
            "IndexOutOfBoundsException",
            "ArithmeticException",
            "ClassCastException",
            "NumberFormatException",
            "NoSuchElementException",
            "ConcurrentModificationException");

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
            if (isTimeoutOnly(clause) || !catchesPeerFailure(clause)) {
                continue;
            }
            List<Statement> handler = clause.getBody().getStatements();
            if (!handler.isEmpty() && isExit(handler.get(handler.size() - 1), loop)) {
                continue;
            }
            retried.add(clause);
            exitOnFailure |= hasExit(clause.getBody(), loop);
        }
        if (retried.isEmpty()) {
            return Optional.empty();
        }
        for (Statement statement : body) {
            if (statement != attempt && statement instanceof IfStmt && hasExit(statement, loop)) {
                exitOnFailure = true;
            }
        }
        Optional<Expression> condition =
                Loops.runsForever(loop, context.constants()) ? Optional.empty() : Loops.condition(loop);
        boolean boundedByCondition = condition.map(RetryLoops::limits).orElse(false);

        List<Waits.Sleep> delays = new ArrayList<>();
        for (Statement statement : body) {
            Node region = statement == attempt ? null : statement;
            if (region != null) {
                collectSleeps(region, context, delays);
            }
        }
        retried.forEach(clause -> collectSleeps(clause, context, delays));
        Set<String> changing = assignedInLoop(loop);
        // A project's own sleep helper (SleepUtil.sleepAtLeast) waits too, for a time this rule cannot know.
        boolean unknownWait = delays.isEmpty() && hasOtherSleep(loop, attempt, context);
        boolean backoff = unknownWait || delays.stream().anyMatch(sleep -> varies(sleep, changing));
        boolean anyFailure = retried.stream()
                .flatMap(clause -> exceptionNames(clause).stream())
                .allMatch(GENERIC_FAILURES::contains);
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
            if (branch.getElseStmt().isEmpty() || inNestedCode(branch, attempt)) {
                continue;
            }
            Statement then = branch.getThenStmt();
            Statement otherwise = branch.getElseStmt().get();
            if ((waitsWithoutLeaving(then, loop, context) && hasExit(otherwise, loop))
                    || (waitsWithoutLeaving(otherwise, loop, context) && hasExit(then, loop))) {
                return true;
            }
        }
        return false;
    }

    private static boolean waitsWithoutLeaving(Statement branch, Statement loop, SourceContext context) {
        return !hasExit(branch, loop)
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

    /** Whether a catch clause catches the failure of a peer (or any failure), rather than contention. */
    private static boolean catchesPeerFailure(CatchClause clause) {
        return exceptionNames(clause).stream()
                .anyMatch(name -> GENERIC_FAILURES.contains(name)
                        || PEER_FAILURE.matcher(name).find());
    }

    private static boolean hasOtherSleep(Statement loop, TryStmt attempt, SourceContext context) {
        for (MethodCallExpr call : loop.findAll(MethodCallExpr.class)) {
            if (call.getNameAsString().toLowerCase(java.util.Locale.ROOT).startsWith("sleep")
                    && Waits.sleep(call, context).isEmpty()
                    && !attempt.getTryBlock().isAncestorOf(call)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a try block leaves the loop when it completes: return, break, or setting the loop's flag. */
    private static boolean leavesOnSuccess(TryStmt attempt, Statement loop) {
        if (hasExit(attempt.getTryBlock(), loop)) {
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

    /** Whether some statement inside {@code region} leaves the loop (return, throw, or a break out of it). */
    private static boolean hasExit(Node region, Statement loop) {
        for (Statement statement : region.findAll(Statement.class)) {
            if (isExit(statement, loop)
                    && !isInterruptHandling(statement, region)
                    && !inNestedCode(statement, region)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isExit(Statement statement, Statement loop) {
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
                    if (exceptionNames(clause).stream().anyMatch(caught -> catches(caught, thrown))) {
                        return true;
                    }
                }
            }
            child = current;
            current = current.getParentNode().orElse(null);
        }
        return false;
    }

    /** Whether a catch of {@code caught} catches {@code thrown} (a simple name, null when not known). */
    private static boolean catches(String caught, String thrown) {
        if (caught.equals("Throwable")) {
            return true;
        }
        if (thrown == null) {
            return false;
        }
        return caught.equals(thrown)
                || (caught.equals("Exception") && !thrown.endsWith("Error"))
                || (caught.equals("RuntimeException") && JDK_UNCHECKED.contains(thrown));
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
        for (Expression conjunct : conjuncts(condition.get())) {
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

    private static List<Expression> conjuncts(Expression condition) {
        Expression e = condition;
        while (e instanceof EnclosedExpr enclosed) {
            e = enclosed.getInner();
        }
        if (e instanceof BinaryExpr and && and.getOperator() == BinaryExpr.Operator.AND) {
            List<Expression> all = new ArrayList<>(conjuncts(and.getLeft()));
            all.addAll(conjuncts(and.getRight()));
            return all;
        }
        return List.of(e);
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
            if (current instanceof CatchClause clause && isTimeoutOnly(clause)) {
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

    private static boolean inNestedCode(Node node, Node region) {
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

    private static boolean isTimeoutOnly(CatchClause clause) {
        return exceptionNames(clause).stream().allMatch(TIMEOUTS::contains);
    }

    /** The simple names of the exception types a clause catches. */
    private static List<String> exceptionNames(CatchClause clause) {
        Type type = clause.getParameter().getType();
        List<String> names = new ArrayList<>();
        if (type.isUnionType()) {
            type.asUnionType().getElements().forEach(t -> names.add(JavaNames.simpleName(t.asString())));
        } else {
            names.add(JavaNames.simpleName(type.asString()));
        }
        return names;
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

    private static void collectSleeps(Node region, SourceContext context, List<Waits.Sleep> delays) {
        for (MethodCallExpr call : region.findAll(MethodCallExpr.class)) {
            Waits.sleep(call, context).ifPresent(delays::add);
        }
    }

    /** Names assigned or incremented anywhere in the loop, including its {@code for} header. */
    private static Set<String> assignedInLoop(Statement loop) {
        Set<String> names = new HashSet<>();
        for (NameExpr name : loop.findAll(NameExpr.class)) {
            if (!names.contains(name.getNameAsString()) && Scopes.isAssignedIn(loop, name.getNameAsString())) {
                names.add(name.getNameAsString());
            }
        }
        return names;
    }

    /**
     * Whether a delay may change between attempts: it is not a constant and reads a variable the loop changes, or
     * computes its value with a call (a backoff policy, a random jitter).
     */
    private static boolean varies(Waits.Sleep sleep, Set<String> changing) {
        if (sleep.millis().isPresent()) {
            return false;
        }
        Expression argument = sleep.call().getArgument(0);
        if (!argument.findAll(MethodCallExpr.class).isEmpty()
                && !(argument instanceof MethodCallExpr call && isDurationFactoryOfInvariant(call, changing))) {
            return true;
        }
        return argument.findAll(NameExpr.class).stream().anyMatch(n -> changing.contains(n.getNameAsString()));
    }

    /** {@code Duration.ofMillis(delay)} with an unchanging {@code delay} is still a constant delay. */
    private static boolean isDurationFactoryOfInvariant(MethodCallExpr call, Set<String> changing) {
        return call.getNameAsString().startsWith("of")
                && call.getScope().map(s -> s.toString().equals("Duration")).orElse(false)
                && call.getArguments().stream()
                        .allMatch(a -> a.findAll(MethodCallExpr.class).isEmpty()
                                && (a instanceof NameExpr || a.isLiteralExpr()));
    }
}
