package org.ecobugs.maven;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.ecobugs.benchmark.BenchmarkJson;
import org.ecobugs.benchmark.BenchmarkResult;
import org.ecobugs.benchmark.RuntimeReport;
import org.ecobugs.rules.Analysis;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.ProcessingError;
import org.ecobugs.rules.meta.RuleCatalog;
import org.ecobugs.rules.meta.RuleMetadata;
import org.ecobugs.rules.report.Baseline;
import org.ecobugs.rules.report.ReportContext;
import org.ecobugs.rules.report.ReportFormat;
import org.ecobugs.rules.report.ReportSummary;
import org.ecobugs.rules.report.Reports;
import org.ecobugs.rules.report.TerminalText;
import org.ecobugs.rules.settings.HostOptions;
import org.ecobugs.rules.settings.ProjectSettings;
import org.ecobugs.rules.settings.SettingsException;

/**
 * What {@code analyze} and {@code check} share: the parameters, building the engine's request from the project model,
 * running the analysis once per module and build, printing warnings, writing the module's reports and the reactor's
 * aggregate. Mojos hold no analysis: the engine does it all.
 */
abstract class AbstractEcobugsMojo extends AbstractMojo {

    /** Where a module's analysis is kept for the other goal of the same build. */
    static final String RESULT_KEY = "org.ecobugs.maven.analysis";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Component
    RepositorySystem repositorySystem;

    /** Skips ecobugs entirely: nothing is analysed, written or checked. Wins over every other parameter. */
    @Parameter(property = "ecobugs.skip", defaultValue = "false")
    boolean skip;

    /**
     * Report formats to write to {@link #outputDirectory}: {@code text}, {@code json}, {@code sarif}, {@code html}
     * (comma-separated on the command line). An empty list writes no report; warnings are printed anyway.
     */
    @Parameter(property = "ecobugs.formats", defaultValue = "text,json,sarif,html")
    List<String> formats = new ArrayList<>(List.of("text", "json", "sarif", "html"));

    /** Where the module's reports go, as {@code ecobugs.txt}, {@code .json}, {@code .sarif} and {@code .html}. */
    @Parameter(property = "ecobugs.outputDirectory", defaultValue = "${project.build.directory}/ecobugs")
    java.io.File outputDirectory;

    /**
     * Rule keys to run, comma-separated: a plain key selects a rule (active by default or not), a key prefixed with
     * {@code -} excludes it. Without any plain key, the rules active by default run, minus the excluded ones: {@code
     * -EB402} keeps the defaults but EB402; {@code EB101,EB405} runs those two.
     */
    @Parameter(property = "ecobugs.rules")
    List<String> rules = new ArrayList<>();

    /**
     * Rule parameters as {@code KEY.name=value}, comma-separated, e.g. {@code EB102.maxPollIntervalMs=500}; each rule's
     * page lists its parameters.
     */
    @Parameter(property = "ecobugs.params")
    List<String> params = new ArrayList<>();

    /**
     * Also analyses the test sources and classes with the code rules. The dependency rules read the test code in any
     * case, to tell test-only dependencies (EB403) from unused ones.
     */
    @Parameter(property = "ecobugs.includeTests", defaultValue = "false")
    boolean includeTests;

    /** How many files are analysed at once; 0 uses every processor. */
    /**
     * Fails the build when an input could not be processed (a source that does not parse, a corrupt class or archive):
     * what it holds was not analysed. By default such inputs are logged as warnings and the build goes on.
     */
    @Parameter(property = "ecobugs.failOnProcessingErrors", defaultValue = "false")
    boolean failOnProcessingErrors;

    @Parameter(property = "ecobugs.threads", defaultValue = "0")
    int threads;

    /**
     * Dependencies to count as used whatever the analysis finds, as {@code groupId:artifactId} patterns where {@code *}
     * matches anything: for the uses no analysis can see (a class named in configuration outside the project, a plugin
     * directory). Their findings are reported as suppressed and count nowhere.
     */
    @Parameter(property = "ecobugs.usedDependencies")
    List<String> usedDependencies = new ArrayList<>();

    /**
     * A measured journey of the module ({@code ecobugs:benchmark}'s JSON file): the findings are ranked by the energy
     * they sit on and the reports get the estimate. By default, the file the {@code benchmark} goal wrote earlier in the
     * same build, if it ran.
     */
    @Parameter(property = "ecobugs.benchmark")
    java.io.File benchmark;

    /** With a benchmark, an earlier measurement of the same journey: the reports show the change per axis. */
    @Parameter(property = "ecobugs.benchmarkBaseline")
    java.io.File benchmarkBaseline;

    /**
     * A findings baseline ({@code writeBaseline}): only the findings it does not know are reported and counted by
     * {@code check}; known ones are listed as suppressed.
     */
    @Parameter(property = "ecobugs.baseline")
    java.io.File baseline;

    /** Records this build's findings as a baseline in this file, to give to {@code baseline} later (commit it). */
    @Parameter(property = "ecobugs.writeBaseline")
    java.io.File writeBaseline;

    /**
     * Lists the suppressions in the source ({@code @SuppressWarnings("ecobugs…")}, {@code ecobugs:ignore}) that match
     * no finding of the rules that ran.
     */
    @Parameter(property = "ecobugs.reportUnusedSuppressions", defaultValue = "false")
    boolean reportUnusedSuppressions;

    /**
     * The configuration file ({@code ecobugs.yml}: rules, parameters, severities, excluded paths, baseline, failing
     * severity). By default, {@code ecobugs.yml} in the module's directory or the nearest parent up to the build's root
     * directory. The plugin's own parameters win over it.
     */
    @Parameter(property = "ecobugs.configFile")
    java.io.File configFile;

    /** Reads no configuration file, even when there is one. */
    @Parameter(property = "ecobugs.noConfig", defaultValue = "false")
    boolean noConfig;

    /** How many findings ranked by measured cost the build log shows; the reports show them all. */
    static final int TOP_FINDINGS_LOGGED = 3;

    /**
     * Keeps each file's results between builds, in {@link #cacheDirectory}, so that a build where few files changed
     * analyses only those. The cache is keyed by each file's content, the classpath and the rules with their
     * parameters; {@code mvn clean} empties it. Set {@code false} to analyse every file every time.
     */
    @Parameter(property = "ecobugs.cache", defaultValue = "true")
    boolean cache = true;

    /** Where the result cache is kept. */
    @Parameter(property = "ecobugs.cacheDirectory", defaultValue = "${project.build.directory}/ecobugs-cache")
    java.io.File cacheDirectory;

    /**
     * The largest source file analysed, in bytes. A larger one (generated code, most likely) is not parsed, since
     * parsing takes about 100 bytes of heap per byte of source: it is reported as a processing error, and its classes
     * are still analysed.
     */
    @Parameter(
            property = "ecobugs.maxSourceFileBytes",
            defaultValue = "" + AnalysisRequest.DEFAULT_MAX_SOURCE_FILE_BYTES)
    long maxSourceFileBytes = AnalysisRequest.DEFAULT_MAX_SOURCE_FILE_BYTES;

    /** A module's analysis, with the configuration it ran with and the rules' severities as the project sets them. */
    record Analysed(
            String configuration,
            AnalysisResult result,
            Path reportDirectory,
            ProjectSettings settings,
            RuleCatalog catalog) {

        RuleMetadata.Severity severity(Finding finding) {
            return catalog.get(finding.ruleKey()).defaultSeverity();
        }
    }

    /** Fails the build on processing errors when {@link #failOnProcessingErrors} asks for it. */
    void failOnProcessingErrors(Analysed analysed) throws MojoFailureException {
        if (failOnProcessingErrors
                && analysed != null
                && !analysed.result().errors().isEmpty()) {
            int count = analysed.result().errors().size();
            throw new MojoFailureException("ecobugs could not process " + count + " input" + (count == 1 ? "" : "s")
                    + " of " + project.getArtifactId() + " (ecobugs.failOnProcessingErrors is true): see the warnings"
                    + " above");
        }
    }

    /**
     * The module's analysis: the one the other goal ran in this build with the same configuration, or a new one,
     * printed and written to the reports. {@code null} when there is nothing to analyse.
     */
    Analysed analysis() throws MojoExecutionException {
        List<ReportFormat> selected = formats();
        String configuration = configuration();
        Object stored = project.getContextValue(RESULT_KEY);
        if (stored instanceof Analysed previous && previous.configuration().equals(configuration)) {
            getLog().info("ecobugs: reusing this build's analysis of " + project.getArtifactId());
            return previous;
        }
        if ("pom".equals(project.getPackaging())) {
            getLog().info("ecobugs: nothing to analyse in a pom module");
            Aggregate.of(session).done(project, null, selected, getLog());
            return null;
        }
        long started = System.nanoTime();
        ProjectSettings settings = settings();
        AnalysisRequest request = request(settings);
        long requestBuilt = System.nanoTime();
        AnalysisResult result;
        try {
            result = Analysis.run(request);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("ecobugs configuration: " + e.getMessage(), e);
        }
        ReportContext context =
                ReportContext.of(result, project.getBasedir().toPath()).withSettings(settings);
        java.io.File baseline = this.baseline;
        if (baseline == null && settings.baseline() != null) {
            if (Files.exists(settings.baseline())) {
                baseline = settings.baseline().toFile();
            } else if (writeBaseline == null) {
                throw new MojoExecutionException("ecobugs: the baseline " + settings.baseline() + " named in "
                        + settings.file() + " does not exist; write it with -Decobugs.writeBaseline="
                        + settings.baseline());
            }
        }
        if (writeBaseline != null) {
            try {
                Baseline.write(context, writeBaseline.toPath());
            } catch (IOException | RuntimeException e) {
                throw new MojoExecutionException("ecobugs.writeBaseline: cannot write " + writeBaseline + ": " + e, e);
            }
            getLog().info("ecobugs: baseline of " + result.findings().size() + " findings written to " + writeBaseline);
        }
        if (baseline != null) {
            try {
                context = context.withBaseline(Baseline.read(baseline.toPath()));
            } catch (IllegalArgumentException e) {
                throw new MojoExecutionException("ecobugs.baseline: " + e.getMessage(), e);
            }
            result = context.result();
        }
        List<Finding> informational = new ArrayList<>();
        RuleCatalog catalog = context.catalog();
        for (Finding finding : result.findings()) {
            if (WarningLines.informational(catalog, finding)) {
                // Informational findings (exclusions worth considering, say) would bury the warnings that matter.
                informational.add(finding);
                getLog().debug(WarningLines.of(finding));
            } else {
                getLog().warn(WarningLines.of(finding));
            }
        }
        for (Finding finding : result.suppressed()) {
            String why = " (" + result.suppression(finding).justification() + ")";
            getLog().info(TerminalText.escape("ecobugs: suppressed" + why + ": ") + WarningLines.of(finding));
        }
        for (ProcessingError error : result.errors()) {
            getLog().warn(TerminalText.escape("ecobugs could not process " + error.input() + ": " + error.message()));
        }
        for (org.ecobugs.rules.UnusedSuppression unused : result.unusedSuppressions()) {
            getLog().warn(TerminalText.escape(unused.file() + ":" + unused.line() + ": unused suppression: "
                    + unused.suppression() + " matches no finding"));
        }
        long engineDone = System.nanoTime();
        Path directory = outputDirectory.toPath();
        Measured measured = measured();
        if (measured != null) {
            context = context.withRuntime(
                    RuntimeReport.of(result, RuleCatalog.builtIn(), measured.current(), measured.baseline()));
        }
        write(context, directory, selected);
        if (!informational.isEmpty()) {
            if (selected.isEmpty()) {
                informational.forEach(finding -> getLog().info("ecobugs: " + WarningLines.of(finding)));
            } else {
                getLog().info("ecobugs: " + WarningLines.informationalSummary(informational) + " in the reports in "
                        + directory + " (each is logged with -X).");
            }
        }
        if (settings.file() != null) {
            getLog().info("ecobugs: configuration file " + settings.file());
        }
        getLog().info("ecobugs: " + ReportSummary.of(context).sentence()
                + (selected.isEmpty() ? "" : " Reports in " + directory + "."));
        if (context.baseline() != null) {
            getLog().info("ecobugs: baseline " + baseline + ": "
                    + context.baseline().known() + " known findings not counted, "
                    + context.baseline().gone().size() + " of its findings gone");
        }
        if (context.runtime() instanceof RuntimeReport runtime) {
            runtime.headline(context, TOP_FINDINGS_LOGGED).forEach(line -> getLog().info("ecobugs: " + line));
        }
        Analysed analysed = new Analysed(configuration, result, directory, settings, context.catalog());
        project.setContextValue(RESULT_KEY, analysed);
        Aggregate.of(session).done(project, result, settings, selected, getLog());
        long wall = System.nanoTime() - started;
        // The plugin's own cost next to the engine's: building the request (dependency facts), the engine call, the
        // reports and warnings.
        getLog().debug(String.format(
                java.util.Locale.ROOT,
                "ecobugs: engine %d ms, plugin %d ms in all (request %d ms, analysis call %d ms, reports and aggregate %d ms)",
                result.timings().total().toMillis(),
                wall / 1_000_000,
                (requestBuilt - started) / 1_000_000,
                (engineDone - requestBuilt) / 1_000_000,
                (System.nanoTime() - engineDone) / 1_000_000));
        return analysed;
    }

    /** The configuration file that applies to the module, read and checked; none when there is none. */
    ProjectSettings settings() throws MojoExecutionException {
        if (noConfig) {
            return ProjectSettings.NONE;
        }
        Path file;
        if (configFile != null) {
            if (!configFile.isFile()) {
                throw new MojoExecutionException("ecobugs.configFile: no such file: " + configFile);
            }
            file = configFile.toPath();
        } else {
            file = ProjectSettings.find(project.getBasedir().toPath(), buildRoot())
                    .orElse(null);
        }
        if (file == null) {
            return ProjectSettings.NONE;
        }
        try {
            return ProjectSettings.read(file, RuleCatalog.builtIn());
        } catch (SettingsException e) {
            throw new MojoExecutionException("ecobugs configuration file " + e.getMessage(), e);
        }
    }

    /** The build's root directory, where a multi-module project keeps its configuration file. */
    private Path buildRoot() {
        if (session != null && session.getRequest() != null) {
            java.io.File root = session.getRequest().getMultiModuleProjectDirectory();
            if (root != null) {
                return root.toPath();
            }
        }
        if (session != null && session.getTopLevelProject() != null) {
            return session.getTopLevelProject().getBasedir().toPath();
        }
        return project.getBasedir().toPath();
    }

    /** The engine request, built from the project model and the configuration file. */
    AnalysisRequest request(ProjectSettings settings) throws MojoExecutionException {
        AnalysisRequest.Builder request = AnalysisRequest.builder();
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        for (String root : project.getCompileSourceRoots()) {
            addIfExists(request::addSourceRoot, Path.of(root));
        }
        addIfExists(request::addClassInput, classes);
        // Spring Boot's application*.properties|yml live among the resources; the configuration rules read them.
        for (org.apache.maven.model.Resource resource : project.getResources()) {
            if (resource.getDirectory() != null) {
                addIfExists(request::addResourceRoot, Path.of(resource.getDirectory()));
            }
        }
        if (includeTests) {
            for (String root : project.getTestCompileSourceRoots()) {
                addIfExists(request::addSourceRoot, Path.of(root));
            }
            if (project.getBuild().getTestOutputDirectory() != null) {
                addIfExists(request::addClassInput, Path.of(project.getBuild().getTestOutputDirectory()));
            }
        }
        try {
            List<Path> classpath = new ArrayList<>();
            for (String element : project.getCompileClasspathElements()) {
                if (!Path.of(element).equals(classes)) {
                    classpath.add(Path.of(element));
                }
            }
            request.addClasspath(classpath);
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("The compile classpath is not resolved", e);
        }
        String encoding = project.getProperties().getProperty("project.build.sourceEncoding");
        request.sourceEncoding(encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding));
        RuleSelection selection = RuleSelection.parse(rules);
        try {
            settings.configure(
                    request, RuleCatalog.builtIn(), selection.included(), selection.excluded(), parameters());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("ecobugs configuration: " + e.getMessage(), e);
        }
        if (threads > AnalysisRequest.maxUsefulThreads()) {
            getLog().warn("ecobugs.threads " + threads + " is more than this machine can use; using "
                    + AnalysisRequest.maxUsefulThreads());
            request.threads(AnalysisRequest.maxUsefulThreads());
        } else if (threads > 0) {
            request.threads(threads);
        }
        if (maxSourceFileBytes < 1) {
            throw new MojoExecutionException(
                    "ecobugs.maxSourceFileBytes: the largest source file must be at least 1 byte, not "
                            + maxSourceFileBytes);
        }
        request.maxSourceFileBytes(maxSourceFileBytes);
        request.reportUnusedSuppressions(reportUnusedSuppressions);
        if (cache && cacheDirectory != null) {
            request.cacheDirectory(cacheDirectory.toPath());
        }
        if (selection.mayRunDependencyRules()) {
            Set<String> modules = new LinkedHashSet<>();
            if (session != null && session.getProjects() != null) {
                session.getProjects().forEach(p -> modules.add(p.getGroupId() + ":" + p.getArtifactId()));
            }
            DependencyFacts.Built facts = new DependencyFacts(
                            project, repositorySystem, session == null ? null : session.getRepositorySession(), modules)
                    .build(split(usedDependencies));
            getLog().debug("ecobugs: dependency requirements from " + facts.edgeSource());
            request.dependencies(facts.graph());
        }
        return request.build();
    }

    /** Writes the selected reports of one analysis into a directory. */
    static void write(ReportContext context, Path directory, List<ReportFormat> selected)
            throws MojoExecutionException {
        for (ReportFormat format : selected) {
            Path file = directory.resolve("ecobugs." + format.extension());
            try {
                Reports.write(format, context, file);
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot write " + file + ": " + e.getMessage(), e);
            }
        }
    }

    List<ReportFormat> formats() throws MojoExecutionException {
        try {
            return split(formats).stream()
                    .map(ReportFormat::fromName)
                    .distinct()
                    .toList();
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("ecobugs.formats: " + e.getMessage(), e);
        }
    }

    /** {@code KEY.name=value} entries by rule key. */
    Map<String, Map<String, String>> parameters() throws MojoExecutionException {
        try {
            return HostOptions.parameters(params);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("ecobugs.params: " + e.getMessage(), e);
        }
    }

    /** A measured journey and its baseline (null when not given). */
    record Measured(BenchmarkResult current, BenchmarkResult baseline) {}

    /** The benchmark to join the findings to, or null: the parameter's file, else this build's benchmark goal's. */
    Measured measured() throws MojoExecutionException {
        java.io.File file = benchmark;
        if (file == null && project.getContextValue(BenchmarkMojo.RESULT_KEY) instanceof Path written) {
            file = written.toFile();
        }
        if (file == null) {
            if (benchmarkBaseline != null) {
                throw new MojoExecutionException(
                        "ecobugs.benchmarkBaseline needs a benchmark (ecobugs.benchmark, or the"
                                + " benchmark goal earlier in the build)");
            }
            return null;
        }
        return new Measured(readBenchmark(file), benchmarkBaseline == null ? null : readBenchmark(benchmarkBaseline));
    }

    static BenchmarkResult readBenchmark(java.io.File file) throws MojoExecutionException {
        try {
            return BenchmarkJson.read(file.toPath());
        } catch (IOException | IllegalArgumentException e) {
            throw new MojoExecutionException("Cannot read the benchmark " + file + ": " + e.getMessage(), e);
        }
    }

    /** What the analysis depends on: an analysis with another configuration is not reused. */
    String configuration() {
        return String.join(
                "|",
                String.valueOf(benchmark),
                String.valueOf(benchmarkBaseline),
                String.valueOf(baseline),
                String.valueOf(writeBaseline),
                String.join(",", split(rules)),
                String.join(",", split(params)),
                String.valueOf(includeTests),
                String.join(",", split(usedDependencies)),
                String.valueOf(maxSourceFileBytes),
                String.valueOf(reportUnusedSuppressions),
                String.valueOf(configFile),
                String.valueOf(noConfig));
    }

    /** Entries of a list parameter, each of which may itself be comma-separated (as from a user property). */
    static List<String> split(List<String> values) {
        return HostOptions.split(values);
    }

    private static void addIfExists(java.util.function.Consumer<Path> sink, Path path) {
        if (Files.exists(path)) {
            sink.accept(path);
        }
    }

    /** Included and excluded rule keys, from {@code EB101,-EB402}. */
    record RuleSelection(Set<String> included, Set<String> excluded) {

        static RuleSelection parse(List<String> values) {
            HostOptions.RuleSelection selection = HostOptions.rules(values);
            return new RuleSelection(selection.included(), selection.excluded());
        }

        /**
         * Whether a dependency rule may run, so that the dependency facts are worth building. Decided from the keys
         * alone (dependency rules are the EB4xx family), without loading the rule catalogue: that is the engine's
         * start-up work, and doing it here would count it as the plugin's.
         */
        boolean mayRunDependencyRules() {
            if (included.isEmpty()) {
                return true;
            }
            return included.stream().anyMatch(key -> key.startsWith("EB4") && !excluded.contains(key));
        }

        /** Whether some dependency rule will run, by the catalogue's default activation. */
        boolean runsDependencyRules(RuleCatalog catalog) {
            for (RuleMetadata rule : catalog.all()) {
                boolean selected = included.isEmpty() ? rule.energy().defaultActive() : included.contains(rule.key());
                if (selected
                        && !excluded.contains(rule.key())
                        && rule.detection().judgesDependencies()) {
                    return true;
                }
            }
            return false;
        }
    }
}
