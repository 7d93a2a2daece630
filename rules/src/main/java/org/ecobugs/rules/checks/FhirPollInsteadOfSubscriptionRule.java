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
 * A periodic task or a sleeping loop that searches a FHIR server (HAPI FHIR's fluent client {@code search()} or
 * {@code history()}) each round to find new or updated resources, where FHIR Subscriptions would push them.
 */
@RuleKey("EB105")
public final class FhirPollInsteadOfSubscriptionRule implements SourceRule {

    static final String PARAM_MAX_POLL_PERIOD = "maxPollPeriodMs";

    private final long maxPollPeriodMs;

    public FhirPollInsteadOfSubscriptionRule(RuleParameters parameters) {
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
        Optional<PollingWork.Read> search =
                PollingWork.firstRead(polling.get().work(), context, EnumSet.of(PollingWork.Kind.FHIR_SEARCH));
        if (search.isEmpty()) {
            return;
        }
        String resources =
                search.get().detail().map(type -> type + " resources").orElse("resources");
        context.report(
                polling.get().anchor(),
                polling.get().describe() + " searches a FHIR server for " + resources + " every "
                        + PollingContexts.period(period) + "; if the server supports Subscriptions (see its"
                        + " CapabilityStatement), subscribe with a rest-hook or websocket channel instead.");
    }
}
