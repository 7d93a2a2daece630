package org.ecobugs.rules.report;

import java.io.IOException;
import java.io.Writer;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.ProcessingError;
import org.ecobugs.rules.SecondaryLocation;
import org.ecobugs.rules.UnusedSuppression;

/**
 * A plain-text report in the shape compilers use, so that terminals and IDEs turn every location into a link:
 *
 * <pre>
 * src/main/java/org/x/Poller.java:12:9: warning: [EB101] Block on the event instead of spinning.
 *     see https://…/EB101.md
 * src/main/java/org/x/Broken.java: error: Cannot parse: …
 * 1 energy bug in 1 file (EB101: 1); 1 processing error; 2 source files and 0 classes analysed in 0.1 s.
 * </pre>
 *
 * <p>Each line is one finding or error whatever the names it holds: control characters are escaped ({@link
 * TerminalText}).
 */
public final class TextReport implements ReportWriter {

    // Every finding is a warning whatever its severity: "error" would tell build tools that the code does not compile.
    private static final String FINDING_LEVEL = "warning";
    private static final String ERROR_LEVEL = "error";
    private static final String DOC_LINK_INDENT = "    ";

    @Override
    public void write(ReportContext context, Writer out) throws IOException {
        for (Finding finding : context.result().findings()) {
            out.write(findingLine(context, finding) + "\n");
            for (SecondaryLocation secondary : finding.secondaryLocations()) {
                // Indented like the doc link, so that tools reading warning lines do not take it for a finding.
                out.write(DOC_LINK_INDENT
                        + TerminalText.escape(context.displayPath(secondary.file()) + ":" + secondary.line()
                                + (secondary.hasColumn() ? ":" + secondary.column() : "") + ": "
                                + secondary.message())
                        + "\n");
            }
            out.write(DOC_LINK_INDENT + "see " + context.docUrl(finding.ruleKey()) + "\n");
        }
        for (Finding finding : context.result().suppressed()) {
            out.write(suppressedLine(context, finding) + "\n");
        }
        for (ProcessingError error : context.result().errors()) {
            out.write(errorLine(context, error) + "\n");
        }
        for (UnusedSuppression unused : context.result().unusedSuppressions()) {
            out.write(TerminalText.escape(context.displayPath(unused.file()) + ":" + unused.line()
                            + ": note: unused suppression: " + unused.suppression() + " matches no finding")
                    + "\n");
        }
        out.write(ReportSummary.of(context).sentence() + "\n");
        if (context.baseline() != null) {
            Baseline.Comparison baseline = context.baseline();
            out.write(TerminalText.escape("Baseline " + baseline.file() + ": " + baseline.known()
                            + (baseline.known() == 1 ? " known finding" : " known findings") + " not counted; "
                            + baseline.gone().size() + " of its findings gone.")
                    + "\n");
        }
        if (context.settingsFile() != null) {
            out.write(
                    TerminalText.escape("Configuration: " + context.displayPath(context.settingsFile()) + ".") + "\n");
        }
        if (context.runtime() != null) {
            context.runtime().writeText(context, out);
        }
        out.flush();
    }

    static String findingLine(ReportContext context, Finding finding) {
        String location = context.displayPath(finding.file()) + ":" + finding.line()
                + (finding.hasColumn() ? ":" + finding.column() : "");
        return TerminalText.escape(
                location + ": " + FINDING_LEVEL + ": [" + finding.ruleKey() + "] " + finding.message());
    }

    /** A finding the build suppressed, as a note so that tools do not count it as a warning. */
    static String suppressedLine(ReportContext context, Finding finding) {
        String location = context.displayPath(finding.file()) + ":" + finding.line()
                + (finding.hasColumn() ? ":" + finding.column() : "");
        String why = " (" + context.result().suppression(finding).justification() + ")";
        return TerminalText.escape(
                location + ": note: [" + finding.ruleKey() + "] suppressed" + why + ": " + finding.message());
    }

    static String errorLine(ReportContext context, ProcessingError error) {
        String rule = error.ruleKey() == null ? "" : "[" + error.ruleKey() + "] ";
        return TerminalText.escape(
                context.displayInput(error.input()) + ": " + ERROR_LEVEL + ": " + rule + error.message());
    }
}
