package org.ecobugs.rules.engine;

import java.util.List;
import org.ecobugs.rules.api.EffectClassifier;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.SourceDetector;

/**
 * Whether an analysis summarises the project's methods (some detector {@link SourceDetector#readsProjectFacts() reads
 * project facts}), and how: which files hold effects of their own, and the summariser.
 */
final class ProjectFacts {

    /** No detector reads project facts: nothing is summarised. */
    static final ProjectFacts NONE = new ProjectFacts(null);

    private final MethodSummaries summaries;
    private final TextPrescreen effectWords;

    private ProjectFacts(EffectClassifier classifier) {
        this.summaries = classifier == null ? null : new MethodSummaries(classifier);
        this.effectWords = classifier == null
                ? null
                : new TextPrescreen(List.of(new Keyed<>("effects", new EffectWords(classifier.textPrescreen()))));
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

    /** Whether a file's code may hold an effect of its own, so that it is parsed for the model even if no rule wants it. */
    boolean wants(String text) {
        return effectWords != null && effectWords.screen(text, true).rules()[0];
    }

    MethodSummaries summaries() {
        return summaries;
    }

    /** The effect classifier's words, in the shape the text prescreen reads. */
    private record EffectWords(RequiredWords words) implements SourceDetector {
        @Override
        public void subscribe(org.ecobugs.rules.api.SourceVisits visits) {}

        @Override
        public RequiredWords textPrescreen() {
            return words;
        }
    }
}
