package org.ecobugs.rules.checks;

import java.util.List;
import org.ecobugs.rules.api.Detector;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.RuleParameters;

/**
 * A HAPI FHIR read or search whose resources are only read for a few top-level elements, without asking the server
 * for just those ({@code elementsSubset(…)}, {@code summaryMode(…)}). The resources are followed in the method that
 * gets them — the read's result, or the entries of the search's Bundle through an enhanced {@code for}, a stream or
 * {@code BundleUtil.toListOfResources…} — and every use must be an element getter ({@code getBirthDate()}, {@code
 * getNameFirstRep()}, {@code hasTelecom()}). A resource that goes anywhere else (an argument, a collection, a return,
 * a setter, {@code update()}) may need all its elements, and nothing is reported.
 */
@RuleKey("EB205")
public final class FhirFullResourceWhenSubsetUsedRule implements EnergyRule {

    static final String PARAM_MAX_ELEMENTS = "maxElements";

    private final long maxElements;

    public FhirFullResourceWhenSubsetUsedRule(RuleParameters parameters) {
        this.maxElements = parameters.integer(PARAM_MAX_ELEMENTS);
    }

    @Override
    public List<Detector> detectors() {
        return List.of(new FhirFullResourceWhenSubsetUsedSource(maxElements));
    }
}
