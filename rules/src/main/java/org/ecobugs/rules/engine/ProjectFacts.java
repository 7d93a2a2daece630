package org.ecobugs.rules.engine;

import java.util.List;
import org.ecobugs.rules.api.EffectClassifier;
import org.ecobugs.rules.api.SourceDetector;

/**
 * Whether an analysis builds a model of the project (some detector {@link SourceDetector#readsProjectFacts() reads
 * project facts}), and the summariser of its files.
 */
final class ProjectFacts {

    /** No detector reads project facts: nothing is summarised. */
    static final ProjectFacts NONE = new ProjectFacts(null);

    private final MethodSummaries summaries;

    private ProjectFacts(EffectClassifier classifier) {
        this.summaries = classifier == null ? null : new MethodSummaries(classifier);
    }

    /** The facts the detectors need: none unless one of them reads them. */
    static ProjectFacts of(List<Keyed<SourceDetector>> detectors, EffectClassifier classifier) {
        return detectors.stream().anyMatch(keyed -> keyed.detector().readsProjectFacts())
                ? new ProjectFacts(classifier)
                : NONE;
    }

    boolean inUse() {
        return summaries != null;
    }

    MethodSummaries summaries() {
        return summaries;
    }
}
