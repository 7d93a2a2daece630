package org.ecobugs.rules.checks.remote;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.checks.code.SameFileMethods;
import org.ecobugs.rules.checks.loops.RepeatingContexts;
import org.ecobugs.rules.java.Repetition;

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
}
