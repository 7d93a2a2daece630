package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.Map;
import java.util.Optional;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.RuleParameters;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.checks.fhir.FhirChains;
import org.ecobugs.rules.checks.remote.CallsInLoops;
import org.ecobugs.rules.checks.remote.RemoteCalls;
import org.ecobugs.rules.project.DeferredFinding;
import org.ecobugs.rules.project.Effect;

/**
 * A FHIR interaction made once per element with HAPI FHIR's fluent client: a read per id, a search per value, a
 * create, update, patch or delete per resource — in a loop or a per-element lambda, directly or through a method of the
 * same file. Paging through {@code loadPage()} is not an interaction per element.
 */
@RuleKey("EB209")
public final class FhirReadInLoopRule extends RepeatedCalls {

    private final boolean followProjectCalls;

    public FhirReadInLoopRule(RuleParameters parameters) {
        this.followProjectCalls = parameters.bool(PARAM_FOLLOW_PROJECT_CALLS);
    }

    @Override
    void visit(MethodCallExpr call, Node repeating, SourceContext context) {
        Optional<CallsInLoops.LoopedCall> looped =
                CallsInLoops.of(call, repeating, context, remote -> remote.kind() == RemoteCalls.Kind.FHIR);
        if (looped.isPresent()) {
            looped.get().report(context, message(looped.get()), "the FHIR read");
        } else {
            if (followProjectCalls) {
                CallsInLoops.reportThroughProject(call, repeating, context, THROUGH_PROJECT);
            }
        }
    }

    @Override
    public boolean readsProjectFacts() {
        return followProjectCalls;
    }

    private static final Map<Effect.Kind, String> THROUGH_PROJECT = throughProject();

    private static Map<Effect.Kind, String> throughProject() {
        Map<Effect.Kind, String> messages = new java.util.LinkedHashMap<>();
        String message = DeferredFinding.THROUGH + ", once per element; read or search for all the elements at once"
                + " (_id=a,b,c, comma-separated values) or send one batch or transaction Bundle instead.";
        Effect.Kind.FHIR.forEach(kind -> messages.put(kind, message));
        return java.util.Collections.unmodifiableMap(messages);
    }

    static String message(CallsInLoops.LoopedCall looped) {
        FhirChains.Chain chain = looped.remote().fhir().orElseThrow();
        String type = chain.resourceType().orElse("resource");
        String doing;
        String fix;
        switch (chain.interaction()) {
            case READ -> {
                doing = "reads one FHIR " + type;
                fix = "read them in one search on _id (_id=a,b,c) or one batch Bundle instead.";
            }
            case SEARCH -> {
                doing = "runs one FHIR " + type + " search";
                fix = "search once for all the values (comma-separated values are ORed) or send one batch Bundle"
                        + " instead.";
            }
            default -> {
                doing = "sends one FHIR " + chain.interaction().method();
                fix = "send the changes in one transaction or batch Bundle instead.";
            }
        }
        if (looped.helper().isPresent()) {
            return looped.subject() + " " + looped.via(doing.replace(" one ", " a ")) + " once per element; " + fix;
        }
        return looped.subject() + " " + doing + " per element; " + fix;
    }
}
