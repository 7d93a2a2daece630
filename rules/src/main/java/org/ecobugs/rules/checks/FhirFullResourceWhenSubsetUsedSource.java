package org.ecobugs.rules.checks;

import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceDetector;
import org.ecobugs.rules.api.SourceVisits;
import org.ecobugs.rules.checks.fhir.FhirBundleReads;
import org.ecobugs.rules.checks.fhir.FhirChains;
import org.ecobugs.rules.checks.fhir.FhirElementReads;
import org.ecobugs.rules.checks.remote.CallsInLoops;
import org.ecobugs.rules.checks.remote.RemoteCalls;

/** EB205 in source: a read or search without a subset, whose resources are only read for a few elements. */
final class FhirFullResourceWhenSubsetUsedSource implements SourceDetector {

    private final long maxElements;

    FhirFullResourceWhenSubsetUsedSource(long maxElements) {
        this.maxElements = maxElements;
    }

    @Override
    public RequiredWords textPrescreen() {
        return FhirChains.EXECUTED_CHAIN;
    }

    @Override
    public void subscribe(SourceVisits visits) {
        visits.enter(MethodCallExpr.class, this::visit);
    }

    private void visit(MethodCallExpr call, SourceContext context) {
        Optional<FhirChains.Chain> found = FhirChains.startingAt(call, context)
                .filter(c -> c.interaction() == FhirChains.Interaction.SEARCH
                        || c.interaction() == FhirChains.Interaction.READ);
        if (found.isEmpty() || found.get().execute().isEmpty()) {
            return;
        }
        FhirChains.Chain chain = found.get();
        if (chain.has("elementsSubset") || chain.has("summaryMode") || chain.has("byUrl")) {
            return;
        }
        Optional<Set<String>> elements = chain.interaction() == FhirChains.Interaction.READ
                ? FhirElementReads.elementsOfResource(chain.execute().get())
                : FhirBundleReads.elementsOfBundle(chain.execute().get());
        if (elements.isEmpty() || elements.get().isEmpty() || elements.get().size() > maxElements) {
            return;
        }
        String type = chain.resourceType().orElse("resource");
        String list = String.join(", ", elements.get());
        String quoted = elements.get().stream().map(e -> "\"" + e + "\"").collect(Collectors.joining(", "));
        String resources = chain.interaction() == FhirChains.Interaction.READ
                ? "the " + type + " is"
                : "the " + type + " resources are";
        // The same read made per element is also EB209's finding: say how the two fixes meet.
        boolean perElement = CallsInLoops.of(chain.start(), context, remote -> remote.kind() == RemoteCalls.Kind.FHIR)
                .isPresent();
        context.report(
                chain.start().getName(),
                "Only " + list + " of " + resources + " read; ask the server for just these elements with"
                        + " elementsSubset(" + quoted + ")."
                        + (perElement
                                ? " It is also made once per element of the loop (EB209): the one search that"
                                        + " replaces those calls can ask for the same elements."
                                : ""));
    }
}
