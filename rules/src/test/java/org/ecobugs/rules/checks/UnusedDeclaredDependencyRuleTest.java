package org.ecobugs.rules.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.deps.DependencyGraph;
import org.ecobugs.rules.testing.DependencyRuleVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnusedDeclaredDependencyRuleTest {

    @TempDir
    Path work;

    @Test
    void findsUnusedDependenciesAndNotTheOnesUsedThroughConstantsAnnotationsServicesOrNames() {
        DependencyRuleVerifier.rule("EB401").verify("eb401", work);
    }

    @Test
    void aDependencyListedAsUsedIsReportedAsSuppressed() {
        AnalysisResult result =
                DependencyRuleVerifier.rule("EB401").analyse("eb401", work, graph -> withUsed(graph, "fixtures:unus*"));
        assertThat(result.findings()).extracting(Finding::message).noneMatch(m -> m.contains("fixtures:unused:"));
        assertThat(result.suppressed())
                .singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("Remove the unused dependency fixtures:unused:1.0"));
    }

    @Test
    void bytecodeAloneWouldCallTheSourceAnnotationDependencyUnused() {
        // What a bytecode-only analyser reports, and why the engine reads the sources' imports too. The inlined
        // constant is still seen: since JDK 9, javac keeps the class of an inlined constant in the constant pool.
        AnalysisResult result =
                DependencyRuleVerifier.rule("EB401").withoutSources().analyse("eb401", work, graph -> graph);
        assertThat(result.findings())
                .extracting(Finding::message)
                .anyMatch(m -> m.startsWith("Remove the unused dependency fixtures:annotations:1.0"))
                .noneMatch(m -> m.contains("fixtures:constants"))
                .noneMatch(m -> m.contains("fixtures:typeuse"))
                .noneMatch(m -> m.contains("fixtures:codec"));
    }

    private static DependencyGraph withUsed(DependencyGraph graph, String pattern) {
        return new DependencyGraph(
                graph.pomFile(),
                graph.dependencies(),
                graph.testClassInputs(),
                graph.testSourceRoots(),
                graph.resourceRoots(),
                java.util.Set.of(pattern));
    }
}
