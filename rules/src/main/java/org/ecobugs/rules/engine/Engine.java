package org.ecobugs.rules.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.ecobugs.rules.AnalysisProgress;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.PathExclusions;
import org.ecobugs.rules.Phase;
import org.ecobugs.rules.ProcessingError;
import org.ecobugs.rules.UnusedSuppression;
import org.ecobugs.rules.api.Detector;
import org.ecobugs.rules.config.Settings;
import org.ecobugs.rules.engine.dependencies.DependencyAnalysis;
import org.ecobugs.rules.engine.dependencies.UsageRecorder;
import org.ecobugs.rules.engine.limits.InputLimits;
import org.ecobugs.rules.java.KnownTypes;
import org.ecobugs.rules.meta.RuleCatalog;
import org.ecobugs.rules.project.DeferredFinding;
import org.ecobugs.rules.project.FileSummary;

/** Runs an analysis: collects inputs, analyses source files then class files in parallel, and merges the results. */
public final class Engine {

    /**
     * Worker stacks are large so that deeply nested code (generated parsers, long string concatenations) parses; the
     * memory is reserved, not committed, until used.
     */
    private static final long WORKER_STACK_BYTES = 64L * 1024 * 1024;

    private final RuleCatalog catalog;
    private final InputLimits limits;

    public Engine(RuleCatalog catalog) {
        this(catalog, InputLimits.DEFAULT);
    }

    /** With other limits than the default ones on what a class file or an archive may hold. */
    Engine(RuleCatalog catalog, InputLimits limits) {
        this.catalog = catalog;
        this.limits = limits;
    }

    public AnalysisResult run(AnalysisRequest request) {
        return run(request, AnalysisProgress.NONE);
    }

    public AnalysisResult run(AnalysisRequest request, AnalysisProgress progress) {
        long started = System.nanoTime();
        boolean summariesOnly = request.summaries() == AnalysisRequest.Summaries.ONLY;
        boolean everySummary = request.summaries() != AnalysisRequest.Summaries.AS_RULES_NEED;
        RuleSet rules = summariesOnly ? RuleSet.none() : RuleSet.of(request, catalog);
        List<Phase> phases = new ArrayList<>();
        RuleTimer timer = new RuleTimer();

        long t = System.nanoTime();
        SourceTexts texts = new SourceTexts(request.sourceTexts(), request.sourceEncoding());
        Inputs inputs = Inputs.collect(request.sourceRoots(), request.classInputs(), request.resourceRoots())
                .withSources(texts.paths());
        Optional<DependencyAnalysis> dependencies = request.dependencyGraph()
                .filter(graph -> !rules.dependencyDetectors().isEmpty())
                .map(graph -> new DependencyAnalysis(graph, byKey(rules.dependencyDetectors())));
        UsageRecorder usage = dependencies.map(DependencyAnalysis::recorder).orElse(UsageRecorder.NONE);
        PathExclusions.Matcher excluded = request.excludedPaths().matcher();
        if (!usage.isRecording()) {
            // Left-out files are still read when the dependency rules run: what they use keeps a dependency used.
            inputs = inputs.excluding(excluded);
        }
        phases.add(new Phase(Phase.Kind.COLLECT_INPUTS, since(t)));
        boolean analyseSources = !rules.sourceDetectors().isEmpty() || usage.isRecording() || everySummary;
        boolean analyseClasses = !rules.bytecodeDetectors().isEmpty() || usage.isRecording();
        Counter counter = new Counter(
                progress,
                (analyseSources ? inputs.sourceFiles().size() : 0)
                        + (analyseClasses
                                ? inputs.classFiles().size() + inputs.archives().size()
                                : 0));

        ResultCache cache = null;
        if (request.cacheDirectory() != null) {
            t = System.nanoTime();
            List<Path> roots = new ArrayList<>();
            request.sourceRoots().forEach(p -> roots.add(p.toAbsolutePath().normalize()));
            request.classInputs().forEach(p -> roots.add(p.toAbsolutePath().normalize()));
            cache = ResultCache.open(
                    request.cacheDirectory(),
                    request.cacheName() != null ? request.cacheName() : roots.toString(),
                    ResultCacheKeys.fingerprint(request, rules.parameters(), usage.isRecording()));
            phases.add(new Phase(Phase.Kind.READ_RESULT_CACHE, since(t)));
        }

        List<RawFinding> sourceFindings = new ArrayList<>();
        List<RawFinding> classFindings = new ArrayList<>();
        List<ProcessingError> errors = new ArrayList<>(inputs.errors());
        Set<Path> parsedSources = new HashSet<>();
        List<Finding> dependencyFindings = new ArrayList<>();
        List<Finding> suppressed = new ArrayList<>();
        int classCount = 0;
        Phase projectPhase = null;
        Map<Path, FileSummary> returnedSummaries = new LinkedHashMap<>();
        Phase constantsPhase = null;

        // Read once, for the resource rules and for the settings source rules see through the code.
        long configurationStart = System.nanoTime();
        ConfigFileAnalyzer.Parsed configuration = (!rules.sourceDetectors().isEmpty()
                        || !rules.resourceDetectors().isEmpty())
                ? ConfigFileAnalyzer.parse(inputs.configFiles())
                : ConfigFileAnalyzer.Parsed.NONE;
        long configurationNanos = System.nanoTime() - configurationStart;
        if (!rules.resourceDetectors().isEmpty()) {
            // Reported where the files are analysed for themselves; the source rules do without their settings.
            errors.addAll(configuration.errors());
        }

        ExecutorService pool = Executors.newFixedThreadPool(request.threads(), workerThreads());
        try {
            t = System.nanoTime();
            ProjectFacts facts = ProjectFacts.of(rules.sourceDetectors(), catalog.effectClassifier(), everySummary);
            if (analyseSources) {
                SourceFileAnalyzer analyzer = new SourceFileAnalyzer(
                        rules.sourceDetectors(),
                        request.javaVersion(),
                        request.sourceEncoding(),
                        new KnownTypes(request.classpath()),
                        timer,
                        usage,
                        cache,
                        request.maxSourceFileBytes(),
                        texts,
                        facts,
                        new SourceFileAnalyzer.Project(inputs.sourceFiles(), Settings.of(configuration.files())));
                List<Callable<SourceFileAnalyzer.Outcome>> tasks = new ArrayList<>();
                for (Path file : inputs.sourceFiles()) {
                    tasks.add(counter.counted(() -> analyzer.analyze(file)));
                }
                List<SourceFileAnalyzer.Outcome> outcomes = runAll(pool, tasks);
                Map<Path, FileSummary> summaries = new LinkedHashMap<>();
                List<DeferredFinding> deferred = new ArrayList<>();
                for (int i = 0; i < outcomes.size(); i++) {
                    SourceFileAnalyzer.Outcome outcome = outcomes.get(i);
                    sourceFindings.addAll(outcome.findings());
                    errors.addAll(outcome.errors());
                    if (outcome.parsed()) {
                        parsedSources.add(inputs.sourceFiles().get(i));
                    }
                    summaries.put(inputs.sourceFiles().get(i), outcome.summary());
                    deferred.addAll(outcome.deferred());
                    if (everySummary && outcome.summary() != null) {
                        returnedSummaries.put(inputs.sourceFiles().get(i), outcome.summary());
                    }
                }
                if (facts.readByRules()) {
                    long modelled = System.nanoTime();
                    ProjectPass.Outcome project = ProjectPass.run(
                            withKnown(summaries, request.knownSummaries()),
                            deferred,
                            analyzer::summarise,
                            analyzer::typeNames,
                            batch -> runAll(pool, batch));
                    sourceFindings.addAll(project.findings());
                    projectPhase = new Phase(
                            Phase.Kind.PROJECT_MODEL,
                            since(modelled),
                            Map.of(
                                    Phase.Count.TYPES,
                                    project.types(),
                                    Phase.Count.FILES_PARSED_FOR_MODEL,
                                    project.summarisedLate()));
                }
                constantsPhase = new Phase(
                        Phase.Kind.PROJECT_CONSTANTS,
                        Duration.ofNanos(
                                configurationNanos + analyzer.constants().nanos()),
                        Map.of(
                                Phase.Count.FILES_READ_FOR_CONSTANTS,
                                analyzer.constants().filesRead()));
            }
            phases.add(new Phase(Phase.Kind.ANALYSE_SOURCES, since(t)));
            phases.add(new Phase(Phase.Kind.PARSE, timer.parse()));
            phases.add(new Phase(
                    Phase.Kind.PRESCREEN_SOURCE_TEXT,
                    timer.prescreen(),
                    Map.of(
                            Phase.Count.UNPARSED_FILES,
                            timer.unparsed(),
                            Phase.Count.FILES,
                            inputs.sourceFiles().size())));
            if (constantsPhase != null) {
                phases.add(constantsPhase);
            }
            if (facts.inUse()) {
                phases.add(new Phase(Phase.Kind.SUMMARISE_METHODS, timer.summaries()));
            }
            if (projectPhase != null) {
                phases.add(projectPhase);
            }

            t = System.nanoTime();
            if (analyseClasses) {
                ClassFileAnalyzer analyzer =
                        new ClassFileAnalyzer(rules.bytecodeDetectors(), inputs, timer, usage, cache, limits);
                List<Callable<ClassFileAnalyzer.Outcome>> tasks = new ArrayList<>();
                for (Path file : inputs.classFiles()) {
                    tasks.add(counter.counted(() -> analyzer.analyzeClassFile(file)));
                }
                for (Path archive : inputs.archives()) {
                    tasks.add(counter.counted(() -> analyzer.analyzeArchive(archive)));
                }
                for (ClassFileAnalyzer.Outcome outcome : runAll(pool, tasks)) {
                    classFindings.addAll(outcome.findings());
                    errors.addAll(outcome.errors());
                    classCount += outcome.classes();
                }
            } else {
                classCount = inputs.classFiles().size();
            }
            phases.add(new Phase(Phase.Kind.ANALYSE_CLASSES, since(t)));

            if (!rules.dependencyDetectors().isEmpty()) {
                t = System.nanoTime();
                if (dependencies.isPresent()) {
                    DependencyAnalysis analysis = dependencies.get();
                    errors.addAll(UnanalysedTestCode.read(request, usage, timer, pool));
                    String key = cache == null ? null : ResultCacheKeys.dependencyKey(analysis.fingerprint());
                    Optional<ResultCache.DependencyEntry> cached =
                            cache == null ? Optional.empty() : cache.dependencies(key);
                    if (cached.isPresent()) {
                        // The same graph and the same names used: the same judgement.
                        dependencyFindings.addAll(cached.get().findings());
                        suppressed.addAll(cached.get().suppressed());
                        errors.addAll(cached.get().errors());
                        rules.dependencyDetectors().forEach(keyed -> timer.add(keyed.key(), 0));
                        phases.add(new Phase(Phase.Kind.DEPENDENCIES_FROM_RESULT_CACHE, Duration.ZERO));
                    } else {
                        DependencyAnalysis.Outcome outcome = analysis.run(pool);
                        outcome.ruleTimes().forEach((rule, time) -> timer.add(rule, time.toNanos()));
                        dependencyFindings.addAll(outcome.findings());
                        suppressed.addAll(outcome.suppressed());
                        errors.addAll(outcome.errors());
                        phases.addAll(outcome.steps());
                        if (cache != null) {
                            cache.putDependencies(
                                    key,
                                    new ResultCache.DependencyEntry(
                                            outcome.findings(), outcome.suppressed(), outcome.errors()));
                        }
                    }
                } else {
                    rules.dependencyDetectors().forEach(keyed -> timer.add(keyed.key(), 0));
                }
                phases.add(new Phase(Phase.Kind.ANALYSE_DEPENDENCIES, since(t)));
            }
            t = System.nanoTime();
            if (inputs.configFiles().isEmpty()) {
                rules.resourceDetectors().forEach(keyed -> timer.add(keyed.key(), 0));
            } else if (!rules.resourceDetectors().isEmpty()) {
                ConfigFileAnalyzer.Outcome outcome =
                        new ConfigFileAnalyzer(rules.resourceDetectors(), timer).analyze(configuration.files());
                sourceFindings.addAll(outcome.findings());
                errors.addAll(outcome.errors());
            }
            phases.add(new Phase(Phase.Kind.ANALYSE_CONFIGURATION, since(t)));
        } finally {
            pool.shutdownNow();
        }
        if (cache != null) {
            t = System.nanoTime();
            cache.save();
            errors.addAll(cache.problems());
            phases.add(new Phase(
                    Phase.Kind.WRITE_RESULT_CACHE,
                    since(t),
                    Map.of(
                            Phase.Count.UNCHANGED_FILES,
                            cache.hits(),
                            Phase.Count.FILES,
                            cache.hits() + cache.misses())));
        }

        t = System.nanoTime();
        Set<String> fallbackOnly = new HashSet<>();
        rules.bytecodeDetectors().stream()
                .filter(keyed -> !keyed.detector().reportsWhereSourceWasAnalyzed())
                .forEach(keyed -> fallbackOnly.add(keyed.key()));
        classFindings.removeIf(raw -> fallbackOnly.contains(raw.finding().ruleKey())
                && parsedSources.contains(raw.finding().file()));
        List<Finding> findings = merge(sourceFindings, classFindings);
        if (!dependencyFindings.isEmpty()) {
            findings = new ArrayList<>(findings);
            findings.addAll(dependencyFindings);
            Collections.sort(findings);
        }
        SourceSuppressions inSource = new SourceSuppressions(
                request.javaVersion(), request.sourceEncoding(), request.maxSourceFileBytes(), texts);
        SourceSuppressions.Split split = inSource.split(findings);
        List<UnusedSuppression> unusedSuppressions = List.of();
        if (request.reportUnusedSuppressions()) {
            List<Path> written = new ArrayList<>(inputs.sourceFiles());
            written.addAll(inputs.configFiles());
            unusedSuppressions = inSource.unused(written, new HashSet<>(rules.keys()));
        }
        findings = split.kept();
        suppressed.addAll(split.suppressed().keySet());
        if (!excluded.isEmpty()) {
            findings =
                    findings.stream().filter(f -> !excluded.excludes(f.file())).toList();
            suppressed.removeIf(f -> excluded.excludes(f.file()));
            errors.removeIf(error -> excluded.excludesInput(error.input()));
            unusedSuppressions = unusedSuppressions.stream()
                    .filter(unused -> !excluded.excludes(unused.file()))
                    .toList();
        }
        Collections.sort(suppressed);
        Collections.sort(errors);
        phases.add(new Phase(Phase.Kind.MERGE, since(t)));

        return new AnalysisResult(
                findings,
                errors,
                rules.keys(),
                excluded.isEmpty()
                        ? inputs.sourceFiles().size()
                        : (int) inputs.sourceFiles().stream()
                                .filter(file -> !excluded.excludes(file))
                                .count(),
                classCount,
                new AnalysisResult.Timings(since(started), phases, timer.byRule()),
                suppressed,
                split.suppressed(),
                unusedSuppressions,
                returnedSummaries);
    }

    /**
     * The request's own files' summaries (null for a file not summarised), then the host's summaries of the project's
     * other files: a file of the request is never taken from the host, whose summary of it is older.
     */
    private static Map<Path, FileSummary> withKnown(Map<Path, FileSummary> own, Map<Path, FileSummary> known) {
        if (known.isEmpty()) {
            return own;
        }
        Set<Path> ownFiles = new HashSet<>();
        own.keySet().forEach(file -> ownFiles.add(file.toAbsolutePath().normalize()));
        Map<Path, FileSummary> project = new LinkedHashMap<>(own);
        known.forEach((file, summary) -> {
            if (summary != null && !ownFiles.contains(file.toAbsolutePath().normalize())) {
                project.putIfAbsent(file, summary);
            }
        });
        return project;
    }

    private static <D extends Detector> Map<String, D> byKey(List<Keyed<D>> detectors) {
        Map<String, D> byKey = new LinkedHashMap<>();
        detectors.forEach(keyed -> byKey.put(keyed.key(), keyed.detector()));
        return byKey;
    }

    /**
     * Keeps every source finding, and the bytecode findings that no source finding of the same rule covers; identical
     * findings (a class given twice) count once. Sorted by file, line, column, rule.
     */
    static List<Finding> merge(List<RawFinding> sourceFindings, List<RawFinding> classFindings) {
        Map<String, List<RawFinding>> covers = new HashMap<>();
        for (RawFinding raw : sourceFindings) {
            covers.computeIfAbsent(coverKey(raw.finding()), k -> new ArrayList<>())
                    .add(raw);
        }
        LinkedHashSet<Finding> merged = new LinkedHashSet<>();
        sourceFindings.forEach(raw -> merged.add(raw.finding()));
        for (RawFinding raw : classFindings) {
            Finding candidate = raw.finding();
            boolean seen = covers.getOrDefault(coverKey(candidate), List.of()).stream()
                    .anyMatch(source -> source.covers(candidate));
            if (!seen) {
                merged.add(candidate);
            }
        }
        List<Finding> sorted = new ArrayList<>(merged);
        Collections.sort(sorted);
        return sorted;
    }

    private static String coverKey(Finding finding) {
        return finding.ruleKey() + '\u0000' + finding.file();
    }

    /** Counts the files done, for the progress. */
    private static final class Counter {
        private final AnalysisProgress progress;
        private final int total;
        private final AtomicInteger done = new AtomicInteger();

        Counter(AnalysisProgress progress, int total) {
            this.progress = progress;
            this.total = total;
        }

        <T> Callable<T> counted(Callable<T> task) {
            if (progress == AnalysisProgress.NONE) {
                return task;
            }
            return () -> {
                T result = task.call();
                try {
                    progress.filesDone(done.incrementAndGet(), total);
                } catch (RuntimeException e) {
                    // A host's progress display must not cost the analysis.
                }
                return result;
            };
        }
    }

    private static <T> List<T> runAll(ExecutorService pool, List<Callable<T>> tasks) {
        List<Future<T>> futures = new ArrayList<>(tasks.size());
        for (Callable<T> task : tasks) {
            futures.add(pool.submit(task));
        }
        List<T> results = new ArrayList<>(tasks.size());
        for (Future<T> future : futures) {
            try {
                results.add(future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Analysis interrupted", e);
            } catch (ExecutionException e) {
                // Analyzers turn every failure of an input into a processing error; reaching here is a defect.
                throw new IllegalStateException("Analysis failed: " + e.getCause(), e.getCause());
            }
        }
        return results;
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(null, task, "ecobugs-worker-" + count.incrementAndGet(), WORKER_STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
