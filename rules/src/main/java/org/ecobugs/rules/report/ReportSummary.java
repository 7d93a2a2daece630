package org.ecobugs.rules.report;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.meta.Family;
import org.ecobugs.rules.meta.RuleMetadata.Severity;

/**
 * The counts every report opens or closes with.
 *
 * @param findings how many findings
 * @param files how many distinct files hold at least one finding
 * @param processingErrors how many inputs or rules failed
 * @param sourceFiles how many source files were analysed
 * @param classFiles how many class files were analysed
 * @param byRule findings per rule key, in key order, only rules with findings
 * @param byFamily findings per rule family, in family order, only families with findings
 * @param bySeverity findings per default severity of their rule, most severe first, only severities with findings
 * @param duration wall time of the analysis
 * @param suppressed how many findings the host asked not to report
 */
public record ReportSummary(
        int findings,
        int files,
        int processingErrors,
        int sourceFiles,
        int classFiles,
        Map<String, Integer> byRule,
        Map<Family, Integer> byFamily,
        Map<Severity, Integer> bySeverity,
        Duration duration,
        int suppressed) {

    private static final List<Severity> SEVERITIES_MOST_SEVERE_FIRST =
            List.of(Severity.BLOCKER, Severity.CRITICAL, Severity.MAJOR, Severity.MINOR, Severity.INFO);

    public ReportSummary {
        byRule = Collections.unmodifiableMap(new TreeMap<>(byRule));
        byFamily = Collections.unmodifiableMap(inOrder(byFamily, List.of(Family.values())));
        bySeverity = Collections.unmodifiableMap(inOrder(bySeverity, SEVERITIES_MOST_SEVERE_FIRST));
    }

    public static ReportSummary of(ReportContext context) {
        AnalysisResult result = context.result();
        Map<Family, Integer> byFamily = new EnumMap<>(Family.class);
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        for (Finding finding : result.findings()) {
            byFamily.merge(context.rule(finding.ruleKey()).family(), 1, Integer::sum);
            bySeverity.merge(context.rule(finding.ruleKey()).defaultSeverity(), 1, Integer::sum);
        }
        int files =
                (int) result.findings().stream().map(Finding::file).distinct().count();
        return new ReportSummary(
                result.findings().size(),
                files,
                result.errors().size(),
                result.sourceFiles(),
                result.classFiles(),
                result.countByRule(),
                byFamily,
                bySeverity,
                result.timings().total(),
                result.suppressed().size());
    }

    /**
     * One sentence for a terminal or a page header, e.g. {@code 3 energy bugs in 2 files (EB101: 1, EB604: 2); 1
     * processing error; 12 source files and 30 classes analysed in 0.8 s.} Suppressed findings, when there are some,
     * are counted after the bugs: {@code …(EB401: 1), 2 suppressed; …}.
     */
    public String sentence() {
        String bugs = findings == 0
                ? "No energy bugs found"
                : count(findings, "energy bug", "energy bugs") + " in " + count(files, "file", "files") + " ("
                        + String.join(
                                ", ",
                                byRule.entrySet().stream()
                                        .map(e -> e.getKey() + ": " + e.getValue())
                                        .toList())
                        + ")";
        if (suppressed > 0) {
            bugs += ", " + suppressed + " suppressed";
        }
        String errors = processingErrors == 0
                ? "no processing errors"
                : count(processingErrors, "processing error", "processing errors");
        return bugs + "; " + errors + "; " + count(sourceFiles, "source file", "source files") + " and "
                + count(classFiles, "class", "classes") + " analysed in " + seconds(duration) + ".";
    }

    /** A duration in seconds with one decimal, the precision a reader of a summary cares about. */
    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static String count(int n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    private static <K> Map<K, Integer> inOrder(Map<K, Integer> counts, List<K> order) {
        Map<K, Integer> ordered = new LinkedHashMap<>();
        order.stream().filter(counts::containsKey).forEach(key -> ordered.put(key, counts.get(key)));
        return ordered;
    }
}
