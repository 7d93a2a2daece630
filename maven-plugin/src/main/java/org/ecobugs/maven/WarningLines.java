package org.ecobugs.maven;

import org.ecobugs.rules.Finding;

/**
 * Formats a finding as the warning IDEs link to the source when they read Maven's output:
 * {@code path:line:col: [EB101] message} (Maven adds the {@code [WARNING]} prefix).
 */
final class WarningLines {

    private WarningLines() {}

    static String of(Finding finding) {
        StringBuilder line =
                new StringBuilder(finding.file().toString()).append(':').append(finding.line());
        if (finding.hasColumn()) {
            line.append(':').append(finding.column());
        }
        return line.append(": [")
                .append(finding.ruleKey())
                .append("] ")
                .append(finding.message())
                .toString();
    }
}
