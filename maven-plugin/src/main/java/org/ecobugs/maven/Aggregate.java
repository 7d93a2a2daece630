package org.ecobugs.maven;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.Phase;
import org.ecobugs.rules.ProcessingError;
import org.ecobugs.rules.report.ReportContext;
import org.ecobugs.rules.report.ReportFormat;
import org.ecobugs.rules.report.ReportSummary;
import org.ecobugs.rules.settings.ProjectSettings;

/**
 * The reactor's aggregate report. Each module's execution registers its result (or that it had nothing to analyse);
 * the execution that completes the set of modules expected to run ecobugs writes one report of all of them into the
 * top-level project's {@code target/ecobugs}. Modules may finish in any order and on any thread ({@code -T}): the
 * registry is per build and synchronized, and the aggregate is written once.
 */
final class Aggregate {

    static final String PLUGIN_KEY = "org.ecobugs:ecobugs-maven-plugin";

    /** One registry per build; parallel builds clone the session but share its request. */
    private static final Map<Object, Aggregate> BUILDS = Collections.synchronizedMap(new WeakHashMap<>());

    private final MavenSession session;
    private final Map<String, AnalysisResult> results = new LinkedHashMap<>();
    /** The configuration file each analysed module ran with, so that the aggregate shows their severities. */
    private final Map<String, ProjectSettings> settings = new LinkedHashMap<>();

    private boolean written;

    private Aggregate(MavenSession session) {
        this.session = session;
    }

    static Aggregate of(MavenSession session) {
        if (session == null || session.getRequest() == null) {
            return new Aggregate(null);
        }
        return BUILDS.computeIfAbsent(session.getRequest(), k -> new Aggregate(session));
    }

    /**
     * Registers a module's result ({@code null}: nothing analysed, or skipped) and writes the aggregate when every
     * module expected to run ecobugs has registered.
     */
    void done(MavenProject project, AnalysisResult result, List<ReportFormat> formats, Log log)
            throws MojoExecutionException {
        done(project, result, ProjectSettings.NONE, formats, log);
    }

    /** As {@link #done(MavenProject, AnalysisResult, List, Log)}, with the configuration file the module ran with. */
    void done(
            MavenProject project,
            AnalysisResult result,
            ProjectSettings moduleSettings,
            List<ReportFormat> formats,
            Log log)
            throws MojoExecutionException {
        if (session == null
                || session.getProjects() == null
                || session.getProjects().size() < 2) {
            return;
        }
        AnalysisResult all;
        MavenProject top;
        ProjectSettings shared;
        synchronized (this) {
            results.put(project.getId(), result);
            if (result != null) {
                settings.put(project.getId(), moduleSettings);
            }
            Set<String> expected = expected();
            if (written || !results.keySet().containsAll(expected)) {
                return;
            }
            written = true;
            List<AnalysisResult> analysed =
                    results.values().stream().filter(r -> r != null).toList();
            if (analysed.isEmpty()) {
                return;
            }
            all = merge(analysed);
            // One file for the whole build, the usual case, gives its severities; modules with files of their own
            // keep the rules' defaults, rather than one module's choice for all.
            shared = settings.values().stream()
                                    .map(ProjectSettings::file)
                                    .distinct()
                                    .count()
                            == 1
                    ? settings.values().iterator().next()
                    : ProjectSettings.NONE;
            top = session.getTopLevelProject() != null
                    ? session.getTopLevelProject()
                    : session.getProjects().get(0);
        }
        Path directory = Path.of(top.getBuild().getDirectory(), "ecobugs");
        ReportContext context = ReportContext.of(all, top.getBasedir().toPath()).withSettings(shared);
        AbstractEcobugsMojo.write(context, directory, formats);
        log.info("ecobugs: reactor aggregate of " + results.size() + " modules: "
                + ReportSummary.of(context).sentence() + (formats.isEmpty() ? "" : " Reports in " + directory + "."));
    }

    /**
     * The modules that will run ecobugs: all of them when a goal of the plugin was given on the command line,
     * otherwise those whose build binds one of its goals.
     */
    private Set<String> expected() {
        boolean fromCommandLine = session.getGoals().stream()
                .anyMatch(goal -> goal.startsWith("ecobugs:") || goal.startsWith(PLUGIN_KEY + ":"));
        Set<String> ids = new LinkedHashSet<>();
        for (MavenProject module : session.getProjects()) {
            if (fromCommandLine || bindsEcobugs(module)) {
                ids.add(module.getId());
            }
        }
        return ids;
    }

    private static boolean bindsEcobugs(MavenProject module) {
        for (Plugin plugin : module.getBuildPlugins()) {
            if (plugin.getKey().equals(PLUGIN_KEY)) {
                for (PluginExecution execution : plugin.getExecutions()) {
                    if (execution.getGoals().contains("analyze")
                            || execution.getGoals().contains("check")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * One result of several modules' results: every finding and error, counts and times summed, each phase with the
     * same phase of the other modules.
     */
    static AnalysisResult merge(List<AnalysisResult> results) {
        List<Finding> findings = new ArrayList<>();
        List<Finding> suppressed = new ArrayList<>();
        Map<Finding, org.ecobugs.rules.Suppression> suppressions = new java.util.HashMap<>();
        List<org.ecobugs.rules.UnusedSuppression> unusedSuppressions = new ArrayList<>();
        List<ProcessingError> errors = new ArrayList<>();
        Set<String> rules = new TreeSet<>();
        int sources = 0;
        int classes = 0;
        Duration total = Duration.ZERO;
        Map<Phase.Kind, Phase> phases = new LinkedHashMap<>();
        Map<String, Duration> byRule = new LinkedHashMap<>();
        for (AnalysisResult result : results) {
            findings.addAll(result.findings());
            suppressed.addAll(result.suppressed());
            suppressions.putAll(result.suppressions());
            unusedSuppressions.addAll(result.unusedSuppressions());
            errors.addAll(result.errors());
            rules.addAll(result.rulesRun());
            sources += result.sourceFiles();
            classes += result.classFiles();
            total = total.plus(result.timings().total());
            result.timings().phases().forEach(phase -> phases.merge(phase.kind(), phase, Phase::plus));
            result.timings().rules().forEach((k, v) -> byRule.merge(k, v, Duration::plus));
        }
        Collections.sort(findings);
        Collections.sort(suppressed);
        Collections.sort(errors);
        return new AnalysisResult(
                findings,
                errors,
                List.copyOf(rules),
                sources,
                classes,
                new AnalysisResult.Timings(total, List.copyOf(phases.values()), byRule),
                suppressed,
                suppressions,
                unusedSuppressions);
    }
}
