package org.ecobugs.rules.checks;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.RuleParameters;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.checks.polling.PollingContexts;
import org.ecobugs.rules.checks.polling.PollingWork;
import org.ecobugs.rules.project.DeferredFinding;
import org.ecobugs.rules.project.Effect;

/**
 * A periodic task or a sleeping loop that reads a remote service or the database each round to find what changed:
 * most rounds return nothing, and each still costs a request. FHIR searches are EB105's.
 */
@RuleKey("EB104")
public final class PollInsteadOfPushRule extends PollingReads {

    static final String PARAM_MAX_POLL_PERIOD = "maxPollPeriodMs";

    private static final String PUSHED_BY_DATABASE =
            "have the change pushed instead (a message queue, LISTEN/NOTIFY or change data capture).";
    private static final String PUSHED_BY_SERVICE =
            "have the service push them instead (a webhook, a message queue, server-sent events or a WebSocket).";

    private final long maxPollPeriodMs;

    public PollInsteadOfPushRule(RuleParameters parameters) {
        this.maxPollPeriodMs = parameters.integer(PARAM_MAX_POLL_PERIOD);
    }

    @Override
    boolean takes(long periodMillis) {
        return periodMillis <= maxPollPeriodMs;
    }

    @Override
    Map<Effect.Kind, String> throughProject(PollingContexts.PollingContext polling, String every) {
        Map<Effect.Kind, String> messages = new LinkedHashMap<>();
        String start = polling.describe() + " " + DeferredFinding.THROUGH + ", every " + every + polling.note()
                + " to find changes; ";
        messages.put(Effect.Kind.HTTP, start + PUSHED_BY_SERVICE);
        messages.put(Effect.Kind.DATABASE_READ, start + PUSHED_BY_DATABASE);
        return messages;
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
                            polling.describe() + " queries " + read.kind().target() + " every " + every + polling.note()
                                    + " to find changes; "
                                    + (database ? PUSHED_BY_DATABASE : PUSHED_BY_SERVICE);
                    String words = (database ? "the query it runs every " : "the request it sends every ") + every;
                    return new RoundRead(read.call().getName(), message, words);
                });
    }
}
