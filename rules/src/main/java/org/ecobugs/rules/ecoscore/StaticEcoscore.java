package org.ecobugs.rules.ecoscore;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.meta.Family;
import org.ecobugs.rules.meta.RuleCatalog;
import org.ecobugs.rules.meta.RuleMetadata;
import org.ecobugs.rules.meta.RuleMetadata.Severity;

/**
 * The static écoscore estimate: a 0–100 index of how densely a code base holds energy bugs, computed from findings
 * alone. Each finding weighs {@code severity weight × family weight}; the weights are summed and divided by the
 * thousands of lines counted, and every {@value #HALVING_DENSITY} weighted points per thousand lines halve the score:
 * {@code score = 100 × 2^(−density / 5)}.
 *
 * <p>It is ecobugs' own indicator, not the ANS écoscore (measured on real devices along a user journey) and not an
 * energy or CO2 figure: static findings tell where energy is wasted, not how much. The runtime benchmark will replace or
 * complete it. The model is described in {@code docs/adr/0006-static-ecoscore.md}.
 */
public final class StaticEcoscore {

    /** The name and version of this model, for reports that show where a score comes from. */
    public static final String MODEL = "ecobugs static écoscore v1";

    /** Weighted points per thousand lines that halve the score. */
    public static final double HALVING_DENSITY = 5.0;

    private StaticEcoscore() {}

    /**
     * The score of one analysis.
     *
     * @param score the index, from 0 (worst) to 100 (no energy bug found), rounded to one decimal
     * @param weightedPoints the sum of the findings' weights
     * @param lines the lines of code the findings are measured against
     * @param density weighted points per thousand lines
     * @param findingsByFamily how many findings each family has; every family is present
     */
    public record Result(
            double score, double weightedPoints, long lines, double density, Map<Family, Integer> findingsByFamily) {
        public Result {
            findingsByFamily = Collections.unmodifiableMap(new EnumMap<>(findingsByFamily));
        }
    }

    /**
     * Scores findings against the lines of code they were found in.
     *
     * @param findings the findings of the analysis, each of a rule in {@code catalog}
     * @param catalog where each finding's severity and family come from (the rule's default severity, so that the same
     *     code scores the same in every host)
     * @param linesOfCode how many lines the analysis covered, at least 1; hosts say how they count them
     * @throws IllegalArgumentException when {@code linesOfCode} is below 1 or a finding's rule is not in the catalog
     */
    public static Result compute(Collection<Finding> findings, RuleCatalog catalog, long linesOfCode) {
        requireLines(linesOfCode);
        Map<Family, Integer> byFamily = new EnumMap<>(Family.class);
        for (Family family : Family.values()) {
            byFamily.put(family, 0);
        }
        double points = 0;
        for (Finding finding : findings) {
            RuleMetadata rule = catalog.get(finding.ruleKey());
            points += weight(rule);
            byFamily.merge(rule.family(), 1, Integer::sum);
        }
        return new Result(score(points, linesOfCode), points, linesOfCode, density(points, linesOfCode), byFamily);
    }

    /** The weight of one finding of a rule: its default severity's weight times its family's weight. */
    public static double weight(RuleMetadata rule) {
        return severityWeight(rule.defaultSeverity()) * familyWeight(rule.family());
    }

    /**
     * The score for a sum of weights over a number of lines; hosts that add up weights and lines separately (per file,
     * then per directory and project) use it to score the totals.
     *
     * @throws IllegalArgumentException when {@code linesOfCode} is below 1 or {@code weightedPoints} is negative
     */
    public static double score(double weightedPoints, long linesOfCode) {
        requireLines(linesOfCode);
        if (weightedPoints < 0 || Double.isNaN(weightedPoints)) {
            throw new IllegalArgumentException("Weighted points must be 0 or more, not " + weightedPoints);
        }
        double raw = 100 * Math.pow(2, -density(weightedPoints, linesOfCode) / HALVING_DENSITY);
        return Math.round(raw * 10) / 10.0;
    }

    /**
     * Each severity level doubles the weight: the severity of a rule already says how strong the evidence for its
     * waste is and how much it wastes (see docs/adr/0005-rule-admission.md).
     */
    public static double severityWeight(Severity severity) {
        return switch (severity) {
            case INFO -> 0.5;
            case MINOR -> 1;
            case MAJOR -> 2;
            case CRITICAL -> 4;
            case BLOCKER -> 8;
        };
    }

    /**
     * How a family's waste grows with time and load: polling wakes the processor around the clock, even when idle;
     * payload and data-access waste is paid on every request by the network and both ends; loops and resources waste
     * when they run; dependencies cost at build, deployment and start-up rather than per request.
     */
    public static double familyWeight(Family family) {
        return switch (family) {
            case POLLING -> 1.5;
            case PAYLOAD, DATA_ACCESS -> 1.25;
            case LOOPS, RESOURCES -> 1.0;
            case DEPENDENCIES -> 0.5;
        };
    }

    private static double density(double weightedPoints, long linesOfCode) {
        return weightedPoints * 1000.0 / linesOfCode;
    }

    private static void requireLines(long linesOfCode) {
        if (linesOfCode < 1) {
            throw new IllegalArgumentException(
                    "The static écoscore needs at least one line of code to measure findings against, not "
                            + linesOfCode);
        }
    }
}
