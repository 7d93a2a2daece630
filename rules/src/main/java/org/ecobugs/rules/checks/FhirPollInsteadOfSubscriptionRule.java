package org.ecobugs.rules.checks;

import java.util.EnumSet;
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
 * A periodic task or a sleeping loop that searches a FHIR server (HAPI FHIR's fluent client {@code search()} or
 * {@code history()}) each round to find new or updated resources, where FHIR Subscriptions would push them.
 */
@RuleKey("EB105")
public final class FhirPollInsteadOfSubscriptionRule extends PollingReads {

    static final String PARAM_MAX_POLL_PERIOD = "maxPollPeriodMs";

    private static final String SUBSCRIBE = "if the server supports Subscriptions (see its CapabilityStatement),"
            + " subscribe with a rest-hook or websocket channel instead.";

    private final long maxPollPeriodMs;

    public FhirPollInsteadOfSubscriptionRule(RuleParameters parameters) {
        this.maxPollPeriodMs = parameters.integer(PARAM_MAX_POLL_PERIOD);
    }

    @Override
    boolean takes(long periodMillis) {
        return periodMillis <= maxPollPeriodMs;
    }

    @Override
    Map<Effect.Kind, String> throughProject(PollingContexts.PollingContext polling, String every) {
        return Map.of(
                Effect.Kind.FHIR_SEARCH,
                polling.describe() + " " + DeferredFinding.THROUGH + ", every " + every + polling.note() + "; "
                        + SUBSCRIBE);
    }

    @Override
    Optional<RoundRead> read(PollingContexts.PollingContext polling, String every, SourceContext context) {
        return PollingWork.firstRead(polling.work(), context, EnumSet.of(PollingWork.Kind.FHIR_SEARCH))
                .map(search -> {
                    String resources =
                            search.detail().map(type -> type + " resources").orElse("resources");
                    String message = polling.describe() + " searches a FHIR server for " + resources + " every " + every
                            + polling.note() + "; " + SUBSCRIBE;
                    return new RoundRead(search.call().getName(), message, "the FHIR search it runs every " + every);
                });
    }
}
