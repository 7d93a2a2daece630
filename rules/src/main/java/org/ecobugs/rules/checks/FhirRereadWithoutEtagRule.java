package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.RuleParameters;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceRule;
import org.ecobugs.rules.java.Scopes;

/**
 * A periodic task or a sleeping loop that reads the same FHIR resource each round (its id a constant or a field) with
 * HAPI FHIR's fluent client, without {@code ifVersionMatches(…)}: an unchanged resource is downloaded again instead of
 * costing a {@code 304 Not Modified}.
 */
@RuleKey("EB206")
public final class FhirRereadWithoutEtagRule implements SourceRule {

    static final String PARAM_MAX_POLL_PERIOD = "maxPollPeriodMs";

    private final long maxPollPeriodMs;

    public FhirRereadWithoutEtagRule(RuleParameters parameters) {
        this.maxPollPeriodMs = parameters.integer(PARAM_MAX_POLL_PERIOD);
    }

    @Override
    public RequiredWords textPrescreen() {
        return FhirChains.CHAIN.andAnyOf(PollingContexts.WORDS);
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
        Optional<FhirChains.Chain> read =
                FhirChains.first(polling.get().work(), context, EnumSet.of(FhirChains.Interaction.READ));
        if (read.isEmpty() || read.get().has("ifVersionMatches") || !readsTheSameResource(read.get(), context)) {
            return;
        }
        String type = read.get().resourceType().orElse("resource");
        context.report(
                polling.get().anchor(),
                polling.get().describe() + " reads the same FHIR " + type + " every "
                        + PollingContexts.period(period) + " without its version; add"
                        + " ifVersionMatches(versionId).returnNull() so that an unchanged resource costs a 304 Not"
                        + " Modified without a body.");
    }

    /** Whether the id read is the same each round: a constant, or a field. */
    private static boolean readsTheSameResource(FhirChains.Chain chain, SourceContext context) {
        for (String step : new String[] {"withId", "withUrl", "withIdAndVersion"}) {
            Optional<MethodCallExpr> call = chain.call(step);
            if (call.isPresent() && !call.get().getArguments().isEmpty()) {
                Expression id = call.get().getArgument(0);
                if (step.equals("withIdAndVersion")) {
                    return false;
                }
                if (context.constants().value(id).isPresent()) {
                    return true;
                }
                if (id instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
                    return true;
                }
                return id instanceof NameExpr name
                        && Scopes.declarationOf(name)
                                .map(Scopes.Declaration::field)
                                .orElse(false);
            }
        }
        return false;
    }
}
