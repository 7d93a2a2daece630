package org.ecobugs.rules;

import org.ecobugs.rules.engine.Engine;
import org.ecobugs.rules.meta.RuleCatalog;

/** The one entry point of the engine: every host builds an {@link AnalysisRequest} and renders the result. */
public final class Analysis {

    private Analysis() {}

    /**
     * Runs the built-in rules selected by the request.
     *
     * @throws IllegalArgumentException when the request names an unknown rule or parameter, or a parameter value has
     *     the wrong type; inputs that cannot be read or parsed are reported in the result instead
     */
    public static AnalysisResult run(AnalysisRequest request) {
        return new Engine(RuleCatalog.builtIn()).run(request);
    }
}
