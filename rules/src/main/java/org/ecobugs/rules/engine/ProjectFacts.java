package org.ecobugs.rules.engine;

import java.util.List;
import org.ecobugs.rules.api.EffectClassifier;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.SourceDetector;

/**
 * Whether an analysis summarises the project's methods (some detector {@link SourceDetector#readsProjectFacts() reads
 * project facts}, or the host asked for every file's summary), and how: which files hold effects of their own, and the
 * summariser.
 */
final class ProjectFacts {

    /** No detector reads project facts and the host wants no summary: nothing is summarised. */
    static final ProjectFacts NONE = new ProjectFacts(null, false, false);

    private final MethodSummaries summaries;
    private final TextPrescreen effectWords;
    private final boolean readByRules;
    private final boolean everyFile;

    private ProjectFacts(EffectClassifier classifier, boolean readByRules, boolean everyFile) {
        this.summaries = classifier == null ? null : new MethodSummaries(classifier);
        this.effectWords = classifier == null
                ? null
                : new TextPrescreen(List.of(new Keyed<>("effects", new EffectWords(classifier.textPrescreen()))));
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

    /**
     * Whether a file's code is to be summarised even if no rule wants it: every file is, when the host asked for every
     * summary; else a file whose code may hold an effect of its own.
     */
    boolean wants(String text) {
        return everyFile
                || (effectWords != null && effectWords.screen(text, true).rules()[0]);
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
