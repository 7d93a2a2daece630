package org.ecobugs.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.Fix;
import org.ecobugs.rules.ProductInfo;
import org.ecobugs.rules.SecondaryLocation;
import org.ecobugs.rules.meta.RgesnCriteria;
import org.ecobugs.rules.meta.RuleCatalog;
import org.ecobugs.rules.meta.RuleMetadata;

/** Turns findings into LSP diagnostics and fixes into text edits: 1-based inclusive ranges to 0-based exclusive ones. */
final class Diagnostics {

    static final String SOURCE = "ecobugs";

    private Diagnostics() {}

    /**
     * @param uri the document's URI, where the secondary locations in the finding's own file are placed
     * @param text the document's text, for ranges that end with their line
     */
    static Diagnostic of(Finding finding, String uri, String text, RuleCatalog catalog) {
        RuleMetadata rule = catalog.get(finding.ruleKey());
        Diagnostic diagnostic = new Diagnostic();
        diagnostic.setRange(rangeOf(finding, text));
        diagnostic.setSeverity(
                rule.defaultSeverity() == RuleMetadata.Severity.INFO
                        ? DiagnosticSeverity.Information
                        : DiagnosticSeverity.Warning);
        diagnostic.setSource(SOURCE);
        diagnostic.setCode(Either.forLeft(finding.ruleKey()));
        diagnostic.setCodeDescription(new DiagnosticCodeDescription(ProductInfo.ruleDocUrl(finding.ruleKey())));
        List<String> criteria = rule.energy().rgesn();
        diagnostic.setMessage(finding.message() + " (" + String.join(", ", criteria) + ")");
        JsonObject data = new JsonObject();
        JsonArray rgesn = new JsonArray();
        for (String id : criteria) {
            JsonObject criterion = new JsonObject();
            criterion.addProperty("id", id);
            RgesnCriteria.get().find(id).ifPresent(c -> criterion.addProperty("title", c.title()));
            rgesn.add(criterion);
        }
        data.add("rgesn", rgesn);
        diagnostic.setData(data);
        if (!finding.secondaryLocations().isEmpty()) {
            List<DiagnosticRelatedInformation> related = new java.util.ArrayList<>();
            for (SecondaryLocation secondary : finding.secondaryLocations()) {
                boolean here = secondary.file().equals(finding.file());
                Range range = rangeOf(
                        secondary.line(),
                        secondary.column(),
                        secondary.endLine(),
                        secondary.endColumn(),
                        here ? text : "");
                String at = here ? uri : secondary.file().toUri().toString();
                related.add(new DiagnosticRelatedInformation(new Location(at, range), secondary.message()));
            }
            diagnostic.setRelatedInformation(related);
        }
        return diagnostic;
    }

    /** A note from ecobugs about the whole document rather than a finding: at its start, where every editor shows it. */
    static Diagnostic notice(String message) {
        Diagnostic diagnostic = new Diagnostic();
        diagnostic.setRange(new Range(new Position(0, 0), new Position(0, 0)));
        diagnostic.setSeverity(DiagnosticSeverity.Information);
        diagnostic.setSource(SOURCE);
        diagnostic.setMessage(message);
        return diagnostic;
    }

    static Range rangeOf(Finding finding, String text) {
        return rangeOf(finding.line(), finding.column(), finding.endLine(), finding.endColumn(), text);
    }

    private static Range rangeOf(int oneBasedLine, int column, int endLine, int endColumn, String text) {
        int line = oneBasedLine - 1;
        if (column <= 0) {
            return new Range(new Position(line, 0), new Position(line, lineLength(text, line)));
        }
        Position start = new Position(line, column - 1);
        Position end = endLine > 0 && endColumn > 0
                ? new Position(endLine - 1, endColumn)
                : new Position(line, lineLength(text, line));
        return new Range(start, end);
    }

    static TextEdit edit(Fix.Edit edit) {
        return new TextEdit(
                new Range(
                        new Position(edit.line() - 1, edit.column() - 1),
                        new Position(edit.endLine() - 1, edit.endColumn())),
                edit.replacement());
    }

    private static int lineLength(String text, int line) {
        String[] lines = text.split("\n", -1);
        return line < lines.length ? lines[line].replace("\r", "").length() : 0;
    }
}
