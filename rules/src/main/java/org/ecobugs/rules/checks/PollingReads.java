package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceDetector;
import org.ecobugs.rules.api.SourceVisits;
import org.ecobugs.rules.checks.loops.RetryLoops;
import org.ecobugs.rules.checks.polling.PollingContexts;
import org.ecobugs.rules.checks.polling.PollingWork;
import org.ecobugs.rules.java.Loops;
import org.ecobugs.rules.project.Effect;

/**
 * What the polling rules (EB104, EB105, EB106, EB206) share: each periodic task or sleeping loop (see {@link
 * PollingContexts}) whose period a rule takes, and the read it makes each round that the rule looks for. A finding sits
 * on the schedule or the loop, and points at the read and, in a loop, at the sleep that sets its period.
 */
abstract class PollingReads implements EnergyRule, SourceDetector {

    /**
     * A read a rule found a polling context makes each round.
     *
     * @param call where it is made
     * @param message the finding's message
     * @param words what the read is to the finding, in a few words ("the request it sends every 10 s")
     */
    record RoundRead(Node call, String message, String words) {}

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(PollingContexts.WORDS);
    }

    @Override
    public final void subscribe(SourceVisits visits) {
        for (Class<? extends Node> start : PollingContexts.NODES) {
            visits.enter(start, this::visit);
        }
    }

    /** Whether the rule looks at polling contexts with this time between rounds. */
    abstract boolean takes(long periodMillis);

    /**
     * The read of the polling context that the rule reports, if it makes one.
     *
     * @param every the time between rounds, as people say it ({@code 10 s})
     */
    abstract Optional<RoundRead> read(PollingContexts.PollingContext polling, String every, SourceContext context);

    private void visit(Node start, SourceContext context) {
        Optional<PollingContexts.PollingContext> polling = PollingContexts.withPeriod(start, context, this::takes);
        if (polling.isEmpty()) {
            return;
        }
        String every = PollingContexts.period(polling.get().periodMillis().getAsLong());
        Optional<RoundRead> read = read(polling.get(), every, context);
        if (read.isPresent()) {
            List<SourceContext.Secondary> places = new ArrayList<>(2);
            places.add(new SourceContext.Secondary(read.get().call(), read.get().words()));
            sleep(polling.get(), every).ifPresent(places::add);
            places.addAll(polling.get().periodSources());
            context.report(polling.get().anchor(), read.get().message(), places, Optional.empty());
            return;
        }
        Map<Effect.Kind, String> throughProject = throughProject(polling.get(), every);
        if (throughProject.isEmpty() || retries(polling.get(), context)) {
            return;
        }
        // Each call of the work that is no read of its own may reach one through the project's classes; the first
        // that does makes the finding.
        for (Node region : polling.get().work()) {
            for (MethodCallExpr call : region.findAll(MethodCallExpr.class)) {
                if (PollingWork.classify(call, context).isPresent()) {
                    continue;
                }
                List<SourceContext.Secondary> places = new ArrayList<>(2);
                places.add(new SourceContext.Secondary(call.getName(), "the call it makes every " + every));
                sleep(polling.get(), every).ifPresent(places::add);
                places.addAll(polling.get().periodSources());
                context.reportThrough(polling.get().anchor(), call, throughProject, Integer.MAX_VALUE, places);
            }
        }
    }

    /**
     * The messages of a finding on a polling context whose work reaches a read only through the project's methods, by
     * the effect reached, with {@link org.ecobugs.rules.project.DeferredFinding#THROUGH} for how; none by default.
     * However large the methods on the way, the context runs them each round.
     */
    Map<Effect.Kind, String> throughProject(PollingContexts.PollingContext polling, String every) {
        return Map.of();
    }

    @Override
    public boolean readsProjectFacts() {
        return true;
    }

    /**
     * Whether a sleeping loop retries rather than polls: a retry loop, or one whose attempt leaves the loop whenever it
     * completes ({@code while (true) { try { …; return id; } catch (…) { sleep; } }}), so that it sleeps and goes round
     * again only after a failure.
     */
    private static boolean retries(PollingContexts.PollingContext polling, SourceContext context) {
        if (!polling.loop() || !(polling.work().get(0) instanceof Statement loop)) {
            return false;
        }
        if (RetryLoops.match(loop, context).isPresent()) {
            return true;
        }
        List<Statement> body = Loops.statements(Loops.body(loop));
        return !body.isEmpty()
                && body.get(0) instanceof TryStmt attempt
                && !attempt.getTryBlock().getStatements().isEmpty()
                && attempt.getTryBlock().getStatements().getLast().orElseThrow() instanceof ReturnStmt;
    }

    private static Optional<SourceContext.Secondary> sleep(PollingContexts.PollingContext polling, String every) {
        return polling.sleep()
                .map(sleep -> new SourceContext.Secondary(sleep, "the sleep of " + every + " between rounds"));
    }
}
