package org.ecobugs.rules;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.ecobugs.rules.project.FileSummary;

/**
 * What an analysis produced: findings in a deterministic order (file, line, column, rule), the inputs it could not
 * process, and where the time went.
 *
 * @param findings every finding, sorted, each reported once even when both walkers saw it
 * @param errors inputs or rules that failed, sorted by input
 * @param rulesRun the keys of the rules that ran, sorted
 * @param sourceFiles how many source files were analysed
 * @param classFiles how many class files were analysed
 * @param timings wall time per phase, with what each counted, and time spent per rule
 * @param suppressed findings not reported, sorted; they count nowhere: those the host asked not to report (a
 *     dependency listed as used) and those the code marks as intended ({@code @SuppressWarnings("ecobugs:EB101")}, an
 *     {@code ecobugs:ignore} comment)
 * @param suppressions why each suppressed finding is not reported; a suppressed finding without an entry was
 *     suppressed by the host's configuration
 * @param unusedSuppressions suppressions in the source that matched no finding, when the request asked for them
 * @param summaries the method summaries of the source files that parsed, by path, when the request asked for them
 *     ({@link AnalysisRequest.Summaries}); a file that could not be read or parsed has none
 */
public record AnalysisResult(
        List<Finding> findings,
        List<ProcessingError> errors,
        List<String> rulesRun,
        int sourceFiles,
        int classFiles,
        Timings timings,
        List<Finding> suppressed,
        Map<Finding, Suppression> suppressions,
        List<UnusedSuppression> unusedSuppressions,
        Map<Path, FileSummary> summaries) {

    public AnalysisResult {
        findings = List.copyOf(findings);
        errors = List.copyOf(errors);
        rulesRun = List.copyOf(rulesRun);
        suppressed = List.copyOf(suppressed);
        suppressions = Map.copyOf(suppressions);
        unusedSuppressions = List.copyOf(unusedSuppressions);
        summaries = Map.copyOf(summaries);
    }

    /** A result without method summaries. */
    public AnalysisResult(
            List<Finding> findings,
            List<ProcessingError> errors,
            List<String> rulesRun,
            int sourceFiles,
            int classFiles,
            Timings timings,
            List<Finding> suppressed,
            Map<Finding, Suppression> suppressions,
            List<UnusedSuppression> unusedSuppressions) {
        this(
                findings,
                errors,
                rulesRun,
                sourceFiles,
                classFiles,
                timings,
                suppressed,
                suppressions,
                unusedSuppressions,
                Map.of());
    }

    /** A result whose suppressions were not checked for use. */
    public AnalysisResult(
            List<Finding> findings,
            List<ProcessingError> errors,
            List<String> rulesRun,
            int sourceFiles,
            int classFiles,
            Timings timings,
            List<Finding> suppressed,
            Map<Finding, Suppression> suppressions) {
        this(findings, errors, rulesRun, sourceFiles, classFiles, timings, suppressed, suppressions, List.of());
    }

    /** A result whose suppressed findings, if any, were all suppressed by the host. */
    public AnalysisResult(
            List<Finding> findings,
            List<ProcessingError> errors,
            List<String> rulesRun,
            int sourceFiles,
            int classFiles,
            Timings timings,
            List<Finding> suppressed) {
        this(findings, errors, rulesRun, sourceFiles, classFiles, timings, suppressed, Map.of());
    }

    /** Why a suppressed finding is not reported. */
    public Suppression suppression(Finding finding) {
        return suppressions.getOrDefault(finding, Suppression.BY_CONFIGURATION);
    }

    /** A result without suppressed findings. */
    public AnalysisResult(
            List<Finding> findings,
            List<ProcessingError> errors,
            List<String> rulesRun,
            int sourceFiles,
            int classFiles,
            Timings timings) {
        this(findings, errors, rulesRun, sourceFiles, classFiles, timings, List.of(), Map.of());
    }

    /** Number of findings per rule key, in key order. */
    public Map<String, Integer> countByRule() {
        Map<String, Integer> counts = new TreeMap<>();
        findings.forEach(f -> counts.merge(f.ruleKey(), 1, Integer::sum));
        return counts;
    }

    /**
     * Where the time went.
     *
     * @param total wall time of the whole analysis
     * @param phases the phases, in the order they ran, each once
     * @param rules per rule, the time its visits took, summed over all threads
     */
    public record Timings(Duration total, List<Phase> phases, Map<String, Duration> rules) {
        public Timings {
            phases = List.copyOf(phases);
            Set<Phase.Kind> seen = EnumSet.noneOf(Phase.Kind.class);
            for (Phase phase : phases) {
                if (!seen.add(phase.kind())) {
                    throw new IllegalArgumentException("Phase " + phase.kind() + " given twice");
                }
            }
            rules = Collections.unmodifiableMap(new TreeMap<>(rules));
        }

        /** The phase of that kind, when the analysis ran it. */
        public Optional<Phase> phase(Phase.Kind kind) {
            return phases.stream().filter(p -> p.kind() == kind).findFirst();
        }

        /** Each phase's time by its label, in the order they ran: how reports show them. */
        public Map<String, Duration> byLabel() {
            Map<String, Duration> byLabel = new LinkedHashMap<>();
            phases.forEach(phase -> byLabel.put(phase.label(), phase.time()));
            return Collections.unmodifiableMap(byLabel);
        }
    }
}
