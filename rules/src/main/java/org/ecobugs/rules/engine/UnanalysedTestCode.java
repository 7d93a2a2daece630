package org.ecobugs.rules.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.ProcessingError;
import org.ecobugs.rules.deps.DependencyGraph;
import org.ecobugs.rules.engine.dependencies.UsageRecorder;

/**
 * The test code of the dependency graph that the analysis does not walk, read for what it uses only: what tests use
 * tells a test-only dependency from an unused one. Test classes are read in one ASM pass each, test sources for their
 * imports (they are not parsed).
 */
final class UnanalysedTestCode {

    private UnanalysedTestCode() {}

    static List<ProcessingError> read(
            AnalysisRequest request, UsageRecorder usage, RuleTimer timer, ExecutorService pool) {
        DependencyGraph graph = request.dependencyGraph().orElseThrow();
        List<Path> classRoots = notAnalysed(graph.testClassInputs(), request.classInputs());
        List<Path> sourceRoots = notAnalysed(graph.testSourceRoots(), request.sourceRoots());
        if (classRoots.isEmpty() && sourceRoots.isEmpty()) {
            return List.of();
        }
        Inputs inputs = Inputs.collect(sourceRoots, classRoots);
        ClassFileAnalyzer reader = new ClassFileAnalyzer(List.of(), inputs, timer, usage);
        List<Future<List<ProcessingError>>> futures = new ArrayList<>();
        for (Path file : inputs.classFiles()) {
            futures.add(pool.submit(() -> reader.analyzeClassFile(file).errors()));
        }
        for (Path archive : inputs.archives()) {
            futures.add(pool.submit(() -> reader.analyzeArchive(archive).errors()));
        }
        for (Path file : inputs.sourceFiles()) {
            futures.add(pool.submit(() -> {
                usage.sourceImports(file, new String(Files.readAllBytes(file), request.sourceEncoding()));
                return List.<ProcessingError>of();
            }));
        }
        List<ProcessingError> errors = new ArrayList<>(inputs.errors());
        for (Future<List<ProcessingError>> future : futures) {
            try {
                errors.addAll(future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Analysis interrupted", e);
            } catch (ExecutionException e) {
                errors.add(new ProcessingError(
                        graph.pomFile().toString(),
                        null,
                        ProcessingError.Kind.UNREADABLE_INPUT,
                        "Cannot read test code: " + ProcessingError.describe(e.getCause())));
            }
        }
        return errors;
    }

    /** The roots that exist and lie outside every analysed root. */
    private static List<Path> notAnalysed(List<Path> roots, List<Path> analysed) {
        List<Path> result = new ArrayList<>();
        for (Path root : roots) {
            Path normalized = root.toAbsolutePath().normalize();
            boolean covered =
                    analysed.stream().map(p -> p.toAbsolutePath().normalize()).anyMatch(normalized::startsWith);
            if (!covered && Files.exists(normalized)) {
                result.add(normalized);
            }
        }
        return result;
    }
}
