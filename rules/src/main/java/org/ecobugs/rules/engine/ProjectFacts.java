package org.ecobugs.rules.engine;

import java.util.List;
import org.ecobugs.rules.api.EffectClassifier;
import org.ecobugs.rules.api.SourceDetector;

/**
 * Whether an analysis builds a model of the project (some detector {@link SourceDetector#readsProjectFacts() reads
 * project facts}) or the host asked for every file's summary, and the summariser of its files.
 */
final class ProjectFacts {

    /** No detector reads project facts and the host wants no summary: nothing is summarised. */
    static final ProjectFacts NONE = new ProjectFacts(null, false, false);

    private final MethodSummaries summaries;
    private final boolean readByRules;
    private final boolean everyFile;

    private ProjectFacts(EffectClassifier classifier, boolean readByRules, boolean everyFile) {
        this.summaries = classifier == null ? null : new MethodSummaries(classifier);
        this.readByRules = readByRules;
        this.everyFile = everyFile;
    }

    /**
     * The facts the detectors need, or the host: none unless one of the detectors reads them or {@code everyFile}, in
     * which case every file that parses is summarised.
     */
    static ProjectFacts of(List<Keyed<SourceDetector>> detectors, EffectClassifier classifier, boolean everyFile) {
        boolean readByRules =
                detectors.stream().anyMatch(keyed -> keyed.detector().readsProjectFacts());
        return readByRules || everyFile ? new ProjectFacts(classifier, readByRules, everyFile) : NONE;
    }

    boolean inUse() {
        return summaries != null;
    }

    /** Whether some detector defers findings to the project model, which then has to be built. */
    boolean readByRules() {
        return readByRules;
    }

    /** Whether every file is parsed and summarised, even one no rule wants and with no finding waiting on the model. */
    boolean everyFile() {
        return everyFile;
    }

    MethodSummaries summaries() {
        return summaries;
    }
}
