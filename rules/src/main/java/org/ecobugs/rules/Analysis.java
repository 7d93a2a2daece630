package org.ecobugs.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ecobugs.rules.engine.Engine;
import org.ecobugs.rules.meta.RuleCatalog;

/** The one entry point of the engine: every host builds an {@link AnalysisRequest} and renders the result. */
public final class Analysis {

    private Analysis() {}

    /**
     * Runs the built-in rules selected by the request. The timings count the loading of the rules' metadata, which
     * the first analysis in a JVM does.
     *
     * @throws IllegalArgumentException when the request names an unknown rule or parameter, or a parameter value has
     *     the wrong type; inputs that cannot be read or parsed are reported in the result instead
     */
    public static AnalysisResult run(AnalysisRequest request) {
        return run(request, AnalysisProgress.NONE);
    }

    /** Runs the analysis and tells {@code progress} as files are done. */
    public static AnalysisResult run(AnalysisRequest request, AnalysisProgress progress) {
        long started = System.nanoTime();
        RuleCatalog catalog = RuleCatalog.builtIn();
        Duration loading = Duration.ofNanos(System.nanoTime() - started);
        AnalysisResult result = new Engine(catalog).run(request, progress);
        List<Phase> phases = new ArrayList<>();
        phases.add(new Phase(Phase.Kind.LOAD_RULE_METADATA, loading));
        phases.addAll(result.timings().phases());
        return new AnalysisResult(
                result.findings(),
                result.errors(),
                result.rulesRun(),
                result.sourceFiles(),
                result.classFiles(),
                new AnalysisResult.Timings(
                        result.timings().total().plus(loading),
                        phases,
                        result.timings().rules()),
                result.suppressed(),
                result.suppressions(),
                result.unusedSuppressions(),
                result.summaries());
    }
}
