package org.ecobugs.rules.engine.dependencies;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.Phase;
import org.ecobugs.rules.ProcessingError;
import org.ecobugs.rules.api.DependencyDetector;
import org.ecobugs.rules.deps.Dependency;
import org.ecobugs.rules.deps.DependencyGraph;

/**
 * The dependency phase as the engine sees it: a {@link UsageRecorder} for the walkers to fill while they read the
 * project, what the judgement depends on for the result cache, and the judgement itself, which decides for each
 * dependency whether the project uses it and runs the dependency rules.
 */
public final class DependencyAnalysis {

    /**
     * What the phase produced.
     *
     * @param suppressed findings on dependencies the build says to count as used
     * @param steps the time of each step of the phase
     * @param ruleTimes the time each rule took, by rule key
     */
    public record Outcome(
            List<Finding> findings,
            List<Finding> suppressed,
            List<ProcessingError> errors,
            List<Phase> steps,
            Map<String, Duration> ruleTimes) {}

    /**
     * What the judgement depends on, for the result cache: the facts (the dependency graph, the names main and test
     * code use), and the files and directories whose content it reads: the POM and each dependency's file, the test
     * and resource roots. Only the names count, not where each was first seen, which depends on the order threads ran
     * in.
     */
    public record Fingerprint(String facts, List<Path> files, List<Path> directories) {}

    private final DependencyGraph graph;
    private final Map<String, DependencyDetector> detectors;
    private final UsageCollector usage;

    /** @param detectors the dependency detectors to run, by rule key, in the order they run */
    public DependencyAnalysis(DependencyGraph graph, Map<String, DependencyDetector> detectors) {
        this.graph = graph;
        this.detectors = new LinkedHashMap<>(detectors);
        this.usage = new UsageCollector(graph);
    }

    /** Where the walkers record what the project's code uses. */
    public UsageRecorder recorder() {
        return usage;
    }

    /** What the judgement depends on, once the walkers have recorded what the project's code uses. */
    public Fingerprint fingerprint() {
        StringBuilder facts = new StringBuilder();
        List<Path> files = new ArrayList<>();
        facts.append("pom ").append(graph.pomFile()).append('\n');
        files.add(graph.pomFile());
        for (Dependency d : graph.dependencies()) {
            facts.append("dependency ")
                    .append(d.coordinates())
                    .append(' ')
                    .append(d.scope())
                    .append(' ')
                    .append(d.optional())
                    .append(' ')
                    .append(d.depth())
                    .append(' ')
                    .append(d.origin())
                    .append(' ')
                    .append(d.via())
                    .append(' ')
                    .append(new TreeSet<>(d.requiredBy()))
                    .append(' ')
                    .append(d.pomLocation())
                    .append(' ')
                    .append(d.sameBuild())
                    .append(' ')
                    .append(d.file())
                    .append('\n');
            if (d.file() != null) {
                files.add(d.file());
            }
        }
        facts.append("used ").append(new TreeSet<>(graph.usedDependencies())).append('\n');
        List<Path> directories = new ArrayList<>();
        for (List<Path> roots : List.of(graph.testClassInputs(), graph.testSourceRoots(), graph.resourceRoots())) {
            facts.append("roots ").append(roots).append('\n');
            directories.addAll(roots);
        }
        usage.describeNames(facts);
        return new Fingerprint(facts.toString(), files, directories);
    }

    /**
     * Judges the dependencies by what the walkers recorded and runs the dependency rules.
     *
     * @param pool where library classes are read in parallel
     */
    public Outcome run(ExecutorService pool) {
        return new DependencyAnalyzer(graph, usage, detectors, pool).run();
    }
}
