package org.ecobugs.rules.checks.remote;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.checks.code.SameFileMethods;
import org.ecobugs.rules.checks.loops.RepeatingContexts;
import org.ecobugs.rules.java.Loops;
import org.ecobugs.rules.java.Repetition;
import org.ecobugs.rules.project.Effect;

/**
 * Remote calls made once per element of a collection: in the body of an enhanced {@code for}, of a counting
 * {@code for} whose index the call uses, of a {@code while} that advances an iterator or a result set, or in a lambda
 * that a stream or collection operation calls per element ({@code forEach}, {@code map}, …) — directly, or through
 * one call to a method of the same file that makes the remote call (a DAO or client helper). Loops that are not "one
 * call per item" are left out: loops that sleep or block on an event (polling, workers: the polling rules' concern),
 * retry loops, loops whose condition depends on what the body computes (cursor and page walking), and loops over a
 * few constants (see {@link PerElementLoops}); so are calls that batching would not reduce (see {@link BatchedCalls}).
 * A helper counts when it is small enough to wrap its remote call (see {@link WrappedRemoteCalls}).
 */
public final class CallsInLoops {

    /**
     * A remote call repeated per element.
     *
     * @param anchor where to report: the remote call, or the call to the helper that makes it
     * @param remote the remote call itself
     * @param helper the same-file method that makes it, when it is called through one
     * @param repetition the loop statement or per-element call that repeats it
     */
    public record LoopedCall(
            MethodCallExpr anchor, RemoteCalls.RemoteCall remote, Optional<MethodDeclaration> helper, Node repetition) {

        /** {@code This loop} or {@code This forEach() lambda}, for messages. */
        public String subject() {
            return repetition instanceof MethodCallExpr call
                    ? "This " + call.getNameAsString() + "() lambda"
                    : "This loop";
        }

        /**
         * The places the finding relies on: the loop or per-element call that repeats it and, through a helper, the
         * remote call the helper makes.
         *
         * @param remoteCall what the remote call is, for its location's words: "the HTTP request", "the query"
         */
        List<SourceContext.Secondary> secondaries(String remoteCall) {
            List<SourceContext.Secondary> places = new ArrayList<>(2);
            places.add(RepeatingContexts.secondary(repetition, "runs it once per element"));
            helper.ifPresent(h -> places.add(new SourceContext.Secondary(
                    remote.call().getName(), remoteCall + " " + h.getNameAsString() + "() makes")));
            return places;
        }

        /** Reports the finding on the call made per element, with the places it relies on (see {@link #secondaries}). */
        public void report(SourceContext context, String message, String remoteCall) {
            context.report(anchor.getName(), message, secondaries(remoteCall), Optional.empty());
        }

        /** How the remote call is made, for messages: {@code findById()}, or {@code loadPatient(), which calls …}. */
        public String via(String doing) {
            return helper.map(h -> "calls " + h.getNameAsString() + "(), which " + doing + ",")
                    .orElse(doing);
        }
    }

    private CallsInLoops() {}

    /** The remote call that {@code call} makes per element, directly or through a same-file helper. */
    public static Optional<LoopedCall> of(
            MethodCallExpr call, SourceContext context, Predicate<RemoteCalls.RemoteCall> wanted) {
        // Most calls are not repeated: that is the cheapest test, so it comes first.
        return Repetition.repeatingContext(call).flatMap(repetition -> of(call, repetition, context, wanted));
    }

    /** The same, for a call that {@code repetition} repeats (see {@link Repetition#repeatingContext}). */
    public static Optional<LoopedCall> of(
            MethodCallExpr call, Node repetition, SourceContext context, Predicate<RemoteCalls.RemoteCall> wanted) {
        Optional<RemoteCalls.RemoteCall> direct =
                RemoteCalls.classify(call, context).filter(wanted);
        Optional<MethodDeclaration> helper = Optional.empty();
        RemoteCalls.RemoteCall remote;
        if (direct.isPresent()) {
            remote = direct.get();
        } else {
            helper = SameFileMethods.of(call);
            if (helper.isEmpty()) {
                return Optional.empty();
            }
            Optional<RemoteCalls.RemoteCall> inside = WrappedRemoteCalls.of(helper.get(), context).stream()
                    .filter(wanted)
                    .findFirst();
            if (inside.isEmpty()) {
                return Optional.empty();
            }
            remote = inside.get();
        }
        if (!PerElementLoops.isPerElement(repetition, context)
                || BatchedCalls.overBatches(repetition)
                || BatchedCalls.passesACollection(call)
                || (helper.isEmpty() && BatchedCalls.runsTheElement(remote.call(), repetition))) {
            return Optional.empty();
        }
        return Optional.of(new LoopedCall(call, remote, helper, repetition));
    }

    /**
     * Reports, once the project is read, a call that a loop repeats per element and that reaches a wanted remote call
     * only through the project's methods in other classes or further down (see {@link SourceContext#reportThrough}):
     * the call is no remote call itself, and a same-file helper did not answer. The loop is judged as for a direct
     * call: per element, over single elements, given no collection.
     *
     * @param messages the message for each wanted kind of remote call, with {@link
     *     org.ecobugs.rules.project.DeferredFinding#THROUGH} for how the call reaches it
     */
    public static void reportThroughProject(
            MethodCallExpr call, Node repetition, SourceContext context, Map<Effect.Kind, String> messages) {
        if (RemoteCalls.classify(call, context).isPresent()
                || !PerElementLoops.isPerElement(repetition, context)
                || BatchedCalls.overBatches(repetition)
                || BatchedCalls.passesACollection(call)
                || !dependsOnTheElement(call, repetition)) {
            return;
        }
        String subject = repetition instanceof MethodCallExpr perElement
                ? "This " + perElement.getNameAsString() + "() lambda"
                : "This loop";
        Map<Effect.Kind, String> worded = new LinkedHashMap<>();
        messages.forEach((kind, message) -> worded.put(kind, subject + " " + message));
        context.reportThrough(
                call.getName(),
                call,
                worded,
                WrappedRemoteCalls.MAX_WRAPPER_STATEMENTS,
                List.of(RepeatingContexts.secondary(repetition, "runs it once per element")));
    }

    /**
     * Whether the call is given something of the element: the loop's variable or the lambda's parameter, or a variable
     * the loop or lambda declares. A call whose arguments are the same every round ({@code
     * visitService.encountersOf(visit.getId())} in a loop over the visit's attributes) reads nothing per element: at
     * most once, when a branch picks one element.
     */
    public static boolean dependsOnTheElement(MethodCallExpr call, Node repetition) {
        Set<String> perRound = RepeatingContexts.elementNames(repetition);
        Node body = repetition;
        if (repetition instanceof ForEachStmt forEach) {
            body = forEach.getBody();
        } else if (repetition instanceof ForStmt forStmt) {
            forStmt.getInitialization()
                    .forEach(init ->
                            init.findAll(VariableDeclarator.class).forEach(v -> perRound.add(v.getNameAsString())));
            body = forStmt.getBody();
        } else if (repetition instanceof MethodCallExpr perElement) {
            for (Expression argument : perElement.getArguments()) {
                if (argument instanceof LambdaExpr lambda) {
                    body = lambda.getBody();
                }
            }
        } else if (repetition instanceof Statement loop) {
            body = Loops.body(loop);
        }
        body.findAll(VariableDeclarator.class).forEach(v -> perRound.add(v.getNameAsString()));
        List<Expression> given = new ArrayList<>(call.getArguments());
        call.getScope().ifPresent(given::add);
        return given.stream()
                .flatMap(expression -> expression.findAll(NameExpr.class).stream())
                .anyMatch(name -> perRound.contains(name.getNameAsString()));
    }
}
