package org.ecobugs.rules.checks.polling;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.LongPredicate;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.checks.code.ValueSources;
import org.ecobugs.rules.java.Loops;
import org.ecobugs.rules.java.PeriodicTasks;
import org.ecobugs.rules.java.ValueOrigin;
import org.ecobugs.rules.java.Waits;
import org.ecobugs.rules.java.WordSets;

/**
 * Code that runs again and again on a timer: a periodic registration ({@code @Scheduled},
 * {@code scheduleAtFixedRate}, {@code Timer.schedule}, …) or a loop that sleeps between rounds and waits for no
 * event. The polling rules look at what such code does each round.
 */
public final class PollingContexts {

    /** The node types on which a polling context can start. */
    public static final List<Class<? extends Node>> NODES =
            List.of(AnnotationExpr.class, MethodCallExpr.class, WhileStmt.class, DoStmt.class, ForStmt.class);

    /**
     * A polling context.
     *
     * @param anchor where to report: the schedule declaration or the loop's condition
     * @param periodMillis the time between rounds, when known
     * @param work what runs each round
     * @param loop whether it is a sleeping loop (else a scheduled task)
     * @param sleep in a loop, the sleep that sets its period
     * @param decidedBy what outside the file decided the period: another class's constant, a configuration setting, a
     *     placeholder's default
     */
    public record PollingContext(
            Node anchor,
            OptionalLong periodMillis,
            List<Node> work,
            boolean loop,
            Optional<MethodCallExpr> sleep,
            List<ValueOrigin> decidedBy) {

        public String describe() {
            return loop ? "This loop" : "This task";
        }

        /**
         * What a message says after the period when configuration decided it ({@code  (set by lab.poll-ms in
         * application.properties)}); else empty.
         */
        public String note() {
            return ValueSources.note(decidedBy);
        }

        /** A secondary location at each constant, setting or default that decided the period. */
        public List<SourceContext.Secondary> periodSources() {
            return ValueSources.secondaries(decidedBy, "the period");
        }
    }

    /** The polling context at this node, when its period is known, positive and one that {@code accepted} takes. */
    public static Optional<PollingContext> withPeriod(Node node, SourceContext context, LongPredicate accepted) {
        return of(node, context)
                .filter(polling -> polling.periodMillis().isPresent()
                        && polling.periodMillis().getAsLong() > 0
                        && accepted.test(polling.periodMillis().getAsLong()));
    }

    /** A polling context is a periodic registration or a loop that sleeps. */
    public static final Set<String> WORDS = WordSets.union(PeriodicTasks.WORDS, Set.of("sleep"));

    private PollingContexts() {}

    static Optional<PollingContext> of(Node node, SourceContext context) {
        if (node instanceof AnnotationExpr || node instanceof MethodCallExpr) {
            return PeriodicTasks.of(node, context)
                    .map(task -> new PollingContext(
                            task.registration(),
                            task.periodMillis(),
                            task.work(),
                            false,
                            Optional.empty(),
                            task.decidedBy()));
        }
        Statement loop = (Statement) node;
        if (loop instanceof ForStmt forLoop && !forLoop.getUpdate().isEmpty()) {
            return Optional.empty();
        }
        Statement body = Loops.body(loop);
        OptionalLong interval = OptionalLong.empty();
        MethodCallExpr shortest = null;
        for (MethodCallExpr call : body.findAll(MethodCallExpr.class)) {
            if (Waits.isEventWait(call, context)) {
                return Optional.empty();
            }
            Optional<Waits.Sleep> sleep = Waits.sleep(call, context);
            if (sleep.isPresent()
                    && innermostLoop(call) == loop
                    && !isInCatch(call, loop)
                    && sleep.get().millis().isPresent()) {
                long millis = sleep.get().millis().getAsLong();
                if (interval.isEmpty() || millis < interval.getAsLong()) {
                    interval = OptionalLong.of(millis);
                    shortest = call;
                }
            }
        }
        if (interval.isEmpty()) {
            return Optional.empty();
        }
        // The whole loop is the work: its condition is checked every round too.
        return Optional.of(new PollingContext(
                Loops.anchor(loop),
                interval,
                List.of(loop),
                true,
                Optional.of(shortest),
                context.constants().origins(shortest.getArgument(0))));
    }

    /**
     * Whether a sleep is made only after a failure (in a {@code catch} inside the loop): a back-off before the next
     * attempt, not the time between rounds.
     */
    private static boolean isInCatch(Node sleep, Node loop) {
        for (Node n = sleep.getParentNode().orElse(null);
                n != null && n != loop;
                n = n.getParentNode().orElse(null)) {
            if (n instanceof CatchClause) {
                return true;
            }
        }
        return false;
    }

    private static Node innermostLoop(Node node) {
        return node.findAncestor(Loops::isLoop, Node.class).orElse(null);
    }

    /** A period as people say it: {@code 500 ms}, {@code 5 s}, {@code 2 min}. */
    public static String period(long millis) {
        if (millis < 1_000 || millis % 1_000 != 0) {
            return millis + " ms";
        }
        long seconds = millis / 1_000;
        if (seconds < 120 || seconds % 60 != 0) {
            return seconds + " s";
        }
        return seconds / 60 + " min";
    }
}
