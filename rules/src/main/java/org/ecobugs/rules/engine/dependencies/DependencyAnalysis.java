package org.ecobugs.rules.engine.dependencies;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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
 * dependency whether the project uses it and runs the dependency rules:
 *
 * <ol>
 *   <li>Indexes each dependency's file ({@link DependencyIndex}): classes, packages, services, annotation processors,
 *       Spring auto-configuration.
 *   <li>Maps the project's references (bytecode, source names, class-name strings, resources, name-loaded families,
 *       services it loads) to the dependencies that hold them: the project's own evidence ({@link
 *       ProjectReferences}).
 *   <li>Walks library bytecode from there, class by class ({@link LibraryWalk}). Providers of JDK services (JDBC
 *       drivers, XML parsers, image codecs) are roots: the JDK loads them by itself. Main code is walked first, then
 *       test code.
 *   <li>Hands the dependency rules what was found ({@link ProjectUsage}), and files their findings at the POM
 *       locations ({@link PomReports}).
 * </ol>
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
        List<ProcessingError> errors = Collections.synchronizedList(new ArrayList<>());
        List<Phase> steps = new ArrayList<>();
        long t = System.nanoTime();
        DependencyIndex index = DependencyIndex.of(graph, errors);
        ResourceScan resources = ResourceScan.of(graph.resourceRoots());
        errors.addAll(resources.errors);
        steps.add(new Phase(Phase.Kind.INDEX_DEPENDENCIES, since(t)));

        t = System.nanoTime();
        UsageEvidence evidence = new UsageEvidence();
        ReachQueue queue = new ReachQueue(graph, index);
        ProjectReferences project = new ProjectReferences(usage, index, evidence, queue);
        LibraryWalk walk = new LibraryWalk(graph, index, evidence, queue, pool);
        try (JarIndex.Opener opener = new JarIndex.Opener()) {
            project.recordMain(resources);
            walk.drain(true, opener);
            project.recordTest();
            walk.drain(false, opener);
        }
        steps.add(new Phase(Phase.Kind.WALK_LIBRARY_BYTECODE, since(t), Map.of(Phase.Count.CLASSES, queue.reached())));

        t = System.nanoTime();
        ProjectUsage usages = new ProjectUsage(graph, index, evidence, resources.keys);
        List<Finding> findings = new ArrayList<>();
        List<Finding> suppressed = new ArrayList<>();
        Map<String, Duration> ruleTimes = new LinkedHashMap<>();
        for (Map.Entry<String, DependencyDetector> rule : detectors.entrySet()) {
            long start = System.nanoTime();
            try {
                rule.getValue().check(usages, new PomReports(graph, rule.getKey(), findings, suppressed));
            } catch (RuntimeException | StackOverflowError e) {
                errors.add(new ProcessingError(
                        graph.pomFile().toString(),
                        rule.getKey(),
                        ProcessingError.Kind.RULE_FAILURE,
                        "Rule failed: " + ProcessingError.describe(e)));
            } finally {
                ruleTimes.put(rule.getKey(), since(start));
            }
        }
        steps.add(new Phase(Phase.Kind.DEPENDENCY_RULES, since(t)));
        return new Outcome(findings, suppressed, errors, steps, ruleTimes);
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
