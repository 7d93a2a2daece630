package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceDetector;
import org.ecobugs.rules.api.SourceVisits;
import org.ecobugs.rules.checks.polling.PollingContexts;

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
        read(polling.get(), every, context).ifPresent(read -> {
            List<SourceContext.Secondary> places = new ArrayList<>(2);
            places.add(new SourceContext.Secondary(read.call(), read.words()));
            polling.get()
                    .sleep()
                    .ifPresent(sleep -> places.add(
                            new SourceContext.Secondary(sleep, "the sleep of " + every + " between rounds")));
            context.report(polling.get().anchor(), read.message(), places, Optional.empty());
        });
    }
}
