package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.RuleParameters;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceRule;

/**
 * A periodic task or a sleeping loop that reads a remote service or the database each round to find what changed:
 * most rounds return nothing, and each still costs a request. FHIR searches are EB105's.
 */
@RuleKey("EB104")
public final class PollInsteadOfPushRule implements SourceRule {

    static final String PARAM_MAX_POLL_PERIOD = "maxPollPeriodMs";

    private final long maxPollPeriodMs;

    public PollInsteadOfPushRule(RuleParameters parameters) {
        this.maxPollPeriodMs = parameters.integer(PARAM_MAX_POLL_PERIOD);
    }

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(PollingContexts.WORDS);
    }

    @Override
    public Set<Class<? extends Node>> nodesToVisit() {
        return PollingContexts.NODES;
    }

    @Override
    public void visitNode(Node node, SourceContext context) {
        Optional<PollingContexts.PollingContext> polling =
                PollingContexts.withPeriod(node, context, p -> p <= maxPollPeriodMs);
        if (polling.isEmpty()) {
            return;
        }
        long period = polling.get().periodMillis().getAsLong();
        Optional<PollingWork.Read> read = PollingWork.firstRead(
                polling.get().work(),
                context,
                EnumSet.of(PollingWork.Kind.REMOTE_READ, PollingWork.Kind.DATABASE_READ));
        if (read.isEmpty()) {
            return;
        }
        boolean database = read.get().kind() == PollingWork.Kind.DATABASE_READ;
        context.report(
                polling.get().anchor(),
                polling.get().describe() + " queries " + read.get().kind().target() + " every "
                        + PollingContexts.period(period) + " to find changes; have "
                        + (database
                                ? "the change pushed instead (a message queue, LISTEN/NOTIFY or change data capture)."
                                : "the service push them instead (a webhook, a message queue, server-sent events or a"
                                        + " WebSocket)."));
    }
}
