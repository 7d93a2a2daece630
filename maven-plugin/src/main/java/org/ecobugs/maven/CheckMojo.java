package org.ecobugs.maven;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.ecobugs.benchmark.EstimateChange;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.meta.RuleMetadata.Severity;

/**
 * Fails the build when the module has more findings than allowed. It reuses the analysis of {@code analyze} when that
 * goal ran before it in the same build with the same configuration; otherwise it analyses the module itself (printing
 * the warnings and writing the reports as {@code analyze} does).
 *
 * <p>The findings counted are those whose rule's severity is {@link #failOnSeverity} or above; the build fails when
 * there are more than {@link #maxFindings} of them and {@link #failOnViolation} is true. Suppressed findings and
 * processing errors are never counted.
 */
@Mojo(
        name = "check",
        defaultPhase = LifecyclePhase.VERIFY,
        requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public class CheckMojo extends AbstractEcobugsMojo {

    /** Fails the build on too many findings; false turns {@code check} into a report, like {@code analyze}. */
    @Parameter(property = "ecobugs.failOnViolation", defaultValue = "true")
    boolean failOnViolation;

    /**
     * The lowest rule severity that counts: {@code INFO}, {@code MINOR}, {@code MAJOR}, {@code CRITICAL} or {@code
     * BLOCKER}. By default the configuration file's {@code failOnSeverity}, else {@code MINOR}: every finding but
     * informational ones (EB402, EB405).
     */
    @Parameter(property = "ecobugs.failOnSeverity")
    String failOnSeverity;

    /** How many counted findings are tolerated; the build fails above it. */
    @Parameter(property = "ecobugs.maxFindings", defaultValue = "0")
    int maxFindings;

    /**
     * With a benchmark ({@code ecobugs.benchmark} or the {@code benchmark} goal) and a {@code ecobugs.benchmarkBaseline}: fails
     * the build when the estimate dropped from the baseline by more than this many points. Unset, the estimate is not
     * checked.
     */
    @Parameter(property = "ecobugs.maxEstimateDrop")
    Double maxEstimateDrop;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("ecobugs: skipped");
            Aggregate.of(session).done(project, null, formats(), getLog());
            return;
        }
        if (failOnSeverity != null) {
            threshold(failOnSeverity);
        }
        if (maxFindings < 0) {
            throw new MojoExecutionException("ecobugs.maxFindings must be 0 or more, not " + maxFindings);
        }
        Analysed analysed = analysis();
        if (analysed == null) {
            return;
        }
        Severity threshold = failOnSeverity != null
                ? threshold(failOnSeverity)
                : analysed.settings().failOnSeverity() != null
                        ? analysed.settings().failOnSeverity()
                        : Severity.MINOR;
        failOnProcessingErrors(analysed);
        checkEstimate();
        List<Finding> counted = analysed.result().findings().stream()
                .filter(f -> analysed.severity(f).compareTo(threshold) >= 0)
                .toList();
        if (counted.size() <= maxFindings) {
            getLog().info("ecobugs: " + counted.size() + " finding(s) at " + threshold + " or above, " + maxFindings
                    + " allowed: passed");
            return;
        }
        String message = failure(counted, threshold, analysed);
        if (!failOnViolation) {
            getLog().warn(message + " (failOnViolation is false: the build goes on)");
            return;
        }
        throw new MojoFailureException(message);
    }

    /** Fails (or warns) when the estimate dropped from the baseline by more than {@link #maxEstimateDrop}. */
    void checkEstimate() throws MojoExecutionException, MojoFailureException {
        if (maxEstimateDrop == null) {
            return;
        }
        Measured measured = measured();
        if (measured == null || measured.baseline() == null) {
            throw new MojoExecutionException(
                    "ecobugs.maxEstimateDrop needs a benchmark (ecobugs.benchmark or the benchmark goal) and a"
                            + " ecobugs.benchmarkBaseline to compare it with");
        }
        EstimateChange change = new EstimateChange(measured.baseline(), measured.current());
        String summary = String.format(
                Locale.ROOT,
                "ecobugs: estimate %.1f, baseline %.1f (%+.1f points; time %+.1f, energy %+.1f, data %+.1f)",
                measured.current().estimate().score().median(),
                measured.baseline().estimate().score().median(),
                change.estimate(),
                change.time(),
                change.energy(),
                change.data());
        if (!change.droppedMoreThan(maxEstimateDrop)) {
            getLog().info(summary + ", at most " + maxEstimateDrop + " points of drop allowed: passed");
            return;
        }
        String message =
                summary + ": dropped by more than the " + maxEstimateDrop + " points allowed (ecobugs.maxEstimateDrop)";
        if (!failOnViolation) {
            getLog().warn(message + " (failOnViolation is false: the build goes on)");
            return;
        }
        throw new MojoFailureException(message);
    }

    private static Severity threshold(String failOnSeverity) throws MojoExecutionException {
        try {
            return Severity.valueOf(failOnSeverity.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MojoExecutionException("ecobugs.failOnSeverity must be INFO, MINOR, MAJOR, CRITICAL or"
                    + " BLOCKER, not '" + failOnSeverity + "'");
        }
    }

    private String failure(List<Finding> counted, Severity threshold, Analysed analysed) {
        Map<String, Integer> byRule = new TreeMap<>();
        counted.forEach(f -> byRule.merge(f.ruleKey(), 1, Integer::sum));
        StringBuilder rules = new StringBuilder();
        byRule.forEach((key, count) -> rules.append(rules.length() == 0 ? "" : ", ")
                .append(key)
                .append(": ")
                .append(count));
        return "ecobugs: " + counted.size() + " energy bug" + (counted.size() == 1 ? "" : "s") + " at " + threshold
                + " or above (" + rules + "), more than the " + maxFindings + " allowed (ecobugs.maxFindings); see "
                + analysed.reportDirectory().resolve("ecobugs.html");
    }
}
