package org.ecobugs.rules.engine.dependencies;

import java.util.List;
import java.util.Optional;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.api.DependencyContext;
import org.ecobugs.rules.deps.Dependency;
import org.ecobugs.rules.deps.DependencyGraph;
import org.ecobugs.rules.deps.PomLocation;

/** Reports at the POM location of a dependency, or of the direct dependency it comes through. */
final class PomReports implements DependencyContext {
    private final DependencyGraph graph;
    private final String ruleKey;
    private final List<Finding> findings;
    private final List<Finding> suppressed;

    /**
     * Files the findings of {@code ruleKey} in {@code findings}, and those on dependencies the build says to count as
     * used in {@code suppressed}.
     */
    PomReports(DependencyGraph graph, String ruleKey, List<Finding> findings, List<Finding> suppressed) {
        this.graph = graph;
        this.ruleKey = ruleKey;
        this.findings = findings;
        this.suppressed = suppressed;
    }

    @Override
    public void report(Dependency dependency, String message) {
        reportAt(dependency, dependency, message);
    }

    @Override
    public void reportAt(Dependency dependency, Dependency declaredAt, String message) {
        PomLocation location = declaredAt
                .location()
                .or(() -> Optional.ofNullable(declaredAt.via())
                        .flatMap(graph::find)
                        .flatMap(Dependency::location))
                .orElse(new PomLocation(graph.pomFile(), 1, 0));
        Finding finding = new Finding(
                ruleKey,
                location.file(),
                location.line(),
                location.column(),
                0,
                0,
                message,
                Finding.Origin.DEPENDENCIES);
        (graph.assumedUsed(dependency) ? suppressed : findings).add(finding);
    }
}
