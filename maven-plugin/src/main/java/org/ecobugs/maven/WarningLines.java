package org.ecobugs.maven;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.meta.RuleCatalog;
import org.ecobugs.rules.meta.RuleMetadata;
import org.ecobugs.rules.report.TerminalText;

/**
 * Formats a finding as the warning IDEs link to the source when they read Maven's output:
 * {@code path:line:col: [EB101] message} (Maven adds the {@code [WARNING]} prefix), on one line whatever the names it
 * holds.
 */
final class WarningLines {

    private WarningLines() {}

    /** Whether the finding's rule is informational (severity {@code INFO}): summarised, not one warning each. */
    static boolean informational(RuleCatalog catalog, Finding finding) {
        return catalog.find(finding.ruleKey())
                .map(rule -> rule.defaultSeverity() == RuleMetadata.Severity.INFO)
                .orElse(false);
    }

    /** {@code 45 informational findings (EB402: 44, EB405: 1) are listed}, counted by rule. */
    static String informationalSummary(List<Finding> informational) {
        Map<String, Integer> byRule = new TreeMap<>();
        informational.forEach(finding -> byRule.merge(finding.ruleKey(), 1, Integer::sum));
        StringBuilder counts = new StringBuilder();
        byRule.forEach((rule, count) -> counts.append(counts.length() == 0 ? "" : ", ")
                .append(rule)
                .append(": ")
                .append(count));
        int total = informational.size();
        return total
                + (total == 1 ? " informational finding (" : " informational findings (")
                + counts
                + (total == 1 ? ") is listed" : ") are listed");
    }

    static String of(Finding finding) {
        StringBuilder line =
                new StringBuilder(finding.file().toString()).append(':').append(finding.line());
        if (finding.hasColumn()) {
            line.append(':').append(finding.column());
        }
        return TerminalText.escape(line.append(": [")
                .append(finding.ruleKey())
                .append("] ")
                .append(finding.message())
                .toString());
    }
}
