package org.ecobugs.rules.checks;

import java.util.EnumSet;
import java.util.Optional;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.RuleParameters;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.checks.polling.PollingContexts;
import org.ecobugs.rules.checks.polling.PollingWork;

/**
 * A periodic task or a sleeping loop that reads a remote service or the database each round to find what changed:
 * most rounds return nothing, and each still costs a request. FHIR searches are EB105's.
 */
@RuleKey("EB104")
public final class PollInsteadOfPushRule extends PollingReads {

    static final String PARAM_MAX_POLL_PERIOD = "maxPollPeriodMs";

    private final long maxPollPeriodMs;

    public PollInsteadOfPushRule(RuleParameters parameters) {
        this.maxPollPeriodMs = parameters.integer(PARAM_MAX_POLL_PERIOD);
    }

    @Override
    boolean takes(long periodMillis) {
        return periodMillis <= maxPollPeriodMs;
    }

    @Override
    Optional<RoundRead> read(PollingContexts.PollingContext polling, String every, SourceContext context) {
        return PollingWork.firstRead(
                        polling.work(),
                        context,
                        EnumSet.of(PollingWork.Kind.REMOTE_READ, PollingWork.Kind.DATABASE_READ))
                .map(read -> {
                    boolean database = read.kind() == PollingWork.Kind.DATABASE_READ;
                    String message =
                            polling.describe() + " queries " + read.kind().target() + " every " + every
                                    + " to find changes; have "
                                    + (database
                                            ? "the change pushed instead (a message queue, LISTEN/NOTIFY or change data"
                                                    + " capture)."
                                            : "the service push them instead (a webhook, a message queue, server-sent events"
                                                    + " or a WebSocket).");
                    String words = (database ? "the query it runs every " : "the request it sends every ") + every;
                    return new RoundRead(read.call().getName(), message, words);
                });
    }
}
