package org.ecobugs.rules.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.Map;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.Phase;
import org.ecobugs.rules.ProcessingError;
import org.ecobugs.rules.ProductInfo;
import org.ecobugs.rules.SecondaryLocation;
import org.ecobugs.rules.Suppression;
import org.ecobugs.rules.meta.RuleMetadata;

/**
 * The machine-readable report of ecobugs. Its schema is documented in {@code docs/report-json.md}; within one
 * {@link #SCHEMA_VERSION} fields are only ever added, so change that document with this class.
 */
public final class JsonReport implements ReportWriter {

    /** How the JSON report names who suppressed a finding ({@code external}: the build configuration). */
    private static final java.util.Map<Suppression.Kind, String> JSON_KINDS = java.util.Map.of(
            Suppression.Kind.IN_SOURCE, "inSource",
            Suppression.Kind.BASELINE, "baseline",
            Suppression.Kind.CONFIGURATION, "external");

    public static final int SCHEMA_VERSION = 1;

    @Override
    public void write(ReportContext context, Writer out) throws IOException {
        AnalysisResult result = context.result();
        ObjectNode root = JsonOutput.object();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.putObject("tool").put("name", ProductInfo.NAME).put("version", context.toolVersion());
        if (context.settingsFile() == null) {
            root.putNull("configurationFile");
        } else {
            root.put("configurationFile", context.displayPath(context.settingsFile()));
        }
        root.set("summary", summary(ReportSummary.of(context)));
        ArrayNode findings = root.putArray("findings");
        result.findings().forEach(f -> findings.add(finding(context, f)));
        ArrayNode errors = root.putArray("processingErrors");
        result.errors().forEach(e -> errors.add(processingError(context, e)));
        ObjectNode timings = root.putObject("timings");
        timings.set("phasesMs", millis(result.timings().byLabel()));
        timings.set("rulesMs", millis(result.timings().rules()));
        ArrayNode phases = timings.putArray("phases");
        result.timings().phases().forEach(phase -> phases.add(phase(phase)));
        ArrayNode suppressed = root.putArray("suppressed");
        for (Finding finding : result.suppressed()) {
            ObjectNode node = finding(context, finding);
            Suppression suppression = result.suppression(finding);
            node.putObject("suppression")
                    .put("kind", JSON_KINDS.get(suppression.kind()))
                    .put("justification", suppression.justification());
            suppressed.add(node);
        }
        ArrayNode unused = root.putArray("unusedSuppressions");
        for (org.ecobugs.rules.UnusedSuppression suppression : result.unusedSuppressions()) {
            unused.addObject()
                    .put("file", context.displayPath(suppression.file()))
                    .put("line", suppression.line())
                    .put("suppression", suppression.suppression());
        }
        if (context.baseline() == null) {
            root.putNull("baseline");
        } else {
            ObjectNode baseline = root.putObject("baseline")
                    .put("file", context.baseline().file().toString())
                    .put("known", context.baseline().known());
            ArrayNode gone = baseline.putArray("gone");
            for (Baseline.Entry entry : context.baseline().gone()) {
                gone.addObject()
                        .put("rule", entry.rule())
                        .put("file", entry.file())
                        .put("line", entry.line())
                        .put("message", entry.message());
            }
        }
        if (context.runtime() == null) {
            root.putNull("runtime");
        } else {
            root.set("runtime", context.runtime().json(context));
        }
        JsonOutput.write(root, out);
    }

    private static ObjectNode summary(ReportSummary summary) {
        ObjectNode node = JsonOutput.object()
                .put("findings", summary.findings())
                .put("files", summary.files())
                .put("processingErrors", summary.processingErrors())
                .put("sourceFiles", summary.sourceFiles())
                .put("classFiles", summary.classFiles());
        ObjectNode byRule = node.putObject("byRule");
        summary.byRule().forEach(byRule::put);
        node.put("durationMs", summary.duration().toMillis());
        node.put("suppressed", summary.suppressed());
        return node;
    }

    private static ObjectNode finding(ReportContext context, Finding finding) {
        RuleMetadata rule = context.rule(finding.ruleKey());
        ObjectNode node = JsonOutput.object()
                .put("rule", finding.ruleKey())
                .put("title", rule.title())
                .put("severity", rule.defaultSeverity().name())
                .put("file", context.displayPath(finding.file()))
                .put("line", finding.line());
        // Unknown positions are null rather than absent or 0, so that every finding has the same keys.
        putPosition(node, "column", finding.column());
        putPosition(node, "endLine", finding.endLine());
        putPosition(node, "endColumn", finding.endColumn());
        node.put("message", finding.message());
        ArrayNode rgesn = node.putArray("rgesn");
        rule.energy().rgesn().forEach(rgesn::add);
        node.put("docUrl", context.docUrl(finding.ruleKey()));
        node.put("origin", finding.origin().name());
        ArrayNode secondaries = node.putArray("secondaryLocations");
        for (SecondaryLocation secondary : finding.secondaryLocations()) {
            ObjectNode location = secondaries
                    .addObject()
                    .put("file", context.displayPath(secondary.file()))
                    .put("line", secondary.line());
            putPosition(location, "column", secondary.column());
            putPosition(location, "endLine", secondary.endLine());
            putPosition(location, "endColumn", secondary.endColumn());
            location.put("message", secondary.message());
        }
        return node;
    }

    private static void putPosition(ObjectNode node, String name, int value) {
        if (value > 0) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }

    private static ObjectNode processingError(ReportContext context, ProcessingError error) {
        return JsonOutput.object()
                .put("input", context.displayInput(error.input()))
                .put("rule", error.ruleKey())
                .put("kind", error.kind().name())
                .put("message", error.message());
    }

    private static ObjectNode phase(Phase phase) {
        ObjectNode node = JsonOutput.object()
                .put("kind", phase.kind().name())
                .put("label", phase.label())
                .put("ms", phase.time().toMillis())
                .put("summedOverThreads", phase.kind().summedOverThreads());
        ObjectNode counts = node.putObject("counts");
        phase.kind().counts().forEach(count -> counts.put(count.key(), phase.count(count)));
        return node;
    }

    private static ObjectNode millis(Map<String, Duration> durations) {
        ObjectNode node = JsonOutput.object();
        durations.forEach((name, duration) -> node.put(name, duration.toMillis()));
        return node;
    }
}
