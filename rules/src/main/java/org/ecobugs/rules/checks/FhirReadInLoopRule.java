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
import org.ecobugs.rules.project.Effect;

/**
 * A FHIR interaction made once per element with HAPI FHIR's fluent client: a read per id, a search per value, a
 * create, update, patch or delete per resource — in a loop or a per-element lambda, directly or through a method of the
 * same file. Paging through {@code loadPage()} is not an interaction per element.
 */
@RuleKey("EB209")
public final class FhirReadInLoopRule extends RepeatedCalls {

    /** What to do when a loop's call reaches a FHIR interaction through the project's classes, whichever it is. */
    private static final String BATCH_FIX = "read or search for all the elements at once (_id=a,b,c, comma-separated"
            + " values) or send one batch or transaction Bundle instead.";

    public FhirReadInLoopRule(RuleParameters parameters) {
        super(parameters.bool(PARAM_FOLLOW_PROJECT_CALLS));
    }

    @Override
    void visit(MethodCallExpr call, Node repeating, SourceContext context) {
        Optional<CallsInLoops.LoopedCall> looped =
                CallsInLoops.of(call, repeating, context, remote -> remote.kind() == RemoteCalls.Kind.FHIR);
        if (looped.isPresent()) {
            looped.get().report(context, message(looped.get()), "the FHIR read");
        } else {
            reportThroughProject(
                    call,
                    repeating,
                    context,
                    Map.of(
                            Effect.Kind.FHIR_READ, BATCH_FIX,
                            Effect.Kind.FHIR_SEARCH, BATCH_FIX,
                            Effect.Kind.FHIR_WRITE, BATCH_FIX));
        }
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
