package org.ecobugs.rules.checks;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import java.util.Optional;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.RuleParameters;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.checks.fhir.FhirChains;
import org.ecobugs.rules.checks.polling.PollingContexts;
import org.ecobugs.rules.checks.polling.PollingWork;
import org.ecobugs.rules.java.Scopes;

/**
 * A periodic task or a sleeping loop that reads the same FHIR resource each round (its id a constant or a field) with
 * HAPI FHIR's fluent client, without {@code ifVersionMatches(…)}: an unchanged resource is downloaded again instead of
 * costing a {@code 304 Not Modified}.
 */
@RuleKey("EB206")
public final class FhirRereadWithoutEtagRule extends PollingReads {

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
    boolean takes(long periodMillis) {
        return periodMillis <= maxPollPeriodMs;
    }

    @Override
    Optional<RoundRead> read(PollingContexts.PollingContext polling, String every, SourceContext context) {
        return PollingWork.first(
                        polling.work(),
                        call -> FhirChains.startingAt(call, context)
                                .filter(chain -> chain.interaction() == FhirChains.Interaction.READ))
                .filter(read -> !read.has("ifVersionMatches") && readsTheSameResource(read, context))
                .map(read -> {
                    String type = read.resourceType().orElse("resource");
                    return new RoundRead(
                            read.start().getName(),
                            polling.describe() + " reads the same FHIR " + type + " every " + every + polling.note()
                                    + " without its"
                                    + " version; add ifVersionMatches(versionId).returnNull() so that an unchanged"
                                    + " resource costs a 304 Not Modified without a body.",
                            "the read it repeats every " + every);
                });
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
