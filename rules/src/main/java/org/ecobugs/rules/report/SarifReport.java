package org.ecobugs.rules.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.ProcessingError;
import org.ecobugs.rules.ProductInfo;
import org.ecobugs.rules.SecondaryLocation;
import org.ecobugs.rules.Suppression;
import org.ecobugs.rules.meta.RuleMetadata;
import org.ecobugs.rules.meta.RuleMetadata.Severity;

/**
 * A SARIF 2.1.0 log, the format code-scanning services (GitHub, GitLab, Azure DevOps) and IDE viewers import. Paths
 * under the base directory are relative to {@value #SOURCE_ROOT} so that the log does not depend on where the project
 * was checked out.
 */
public final class SarifReport implements ReportWriter {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String SARIF_VERSION = "2.1.0";
    static final String SOURCE_ROOT = "%SRCROOT%";
    private static final String ANY_RULE_PAGE = "index";

    @Override
    public void write(ReportContext context, Writer out) throws IOException {
        List<String> ruleKeys = context.reportedRules();
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (int i = 0; i < ruleKeys.size(); i++) {
            ruleIndex.put(ruleKeys.get(i), i);
        }

        ObjectNode root = JsonOutput.object();
        root.put("$schema", SCHEMA);
        root.put("version", SARIF_VERSION);
        ObjectNode run = root.putArray("runs").addObject();

        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", ProductInfo.NAME);
        driver.put("version", context.toolVersion());
        driver.put("informationUri", docsBaseUrl(context));
        ArrayNode rules = driver.putArray("rules");
        ruleKeys.forEach(key -> rules.add(rule(context, key)));

        ObjectNode invocation = run.putArray("invocations").addObject();
        // The analysis itself completed: inputs it could not process are reported, not fatal.
        invocation.put("executionSuccessful", true);
        if (context.settingsFile() != null) {
            invocation.putObject("properties").put("configurationFile", context.displayPath(context.settingsFile()));
        }
        ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
        context.result().errors().forEach(e -> notifications.add(notification(context, e, ruleIndex)));

        run.putObject("originalUriBaseIds").putObject(SOURCE_ROOT).put("uri", directoryUri(context.baseDir()));

        ArrayNode results = run.putArray("results");
        List<Finding> all = new java.util.ArrayList<>(context.result().findings());
        all.addAll(context.result().suppressed());
        Map<Finding, String> fingerprints = FindingFingerprints.of(context, all);
        boolean compared = context.baseline() != null;
        for (Finding finding : context.result().findings()) {
            ObjectNode reported = result(context, finding, ruleIndex.get(finding.ruleKey()), fingerprints.get(finding));
            if (compared) {
                reported.put("baselineState", "new");
            }
            results.add(reported);
        }
        for (Finding finding : context.result().suppressed()) {
            ObjectNode suppressed =
                    result(context, finding, ruleIndex.get(finding.ruleKey()), fingerprints.get(finding));
            Suppression suppression = context.result().suppression(finding);
            suppressed
                    .putArray("suppressions")
                    .addObject()
                    .put("kind", suppression.kind() == Suppression.Kind.IN_SOURCE ? "inSource" : "external")
                    .put("justification", suppression.justification());
            if (suppression.kind() == Suppression.Kind.BASELINE) {
                suppressed.put("baselineState", "unchanged");
            }
            results.add(suppressed);
        }
        if (compared) {
            for (Baseline.Entry entry : context.baseline().gone()) {
                results.add(gone(entry, ruleIndex));
            }
        }

        JsonOutput.write(root, out);
    }

    /** SARIF has three levels; SonarQube's five severities fold into them the way code-scanning services show them. */
    static String level(Severity severity) {
        return switch (severity) {
            case BLOCKER, CRITICAL -> "error";
            case MAJOR, MINOR -> "warning";
            case INFO -> "note";
        };
    }

    /** The {@code problem.severity} property GitHub code scanning reads; it calls a note a recommendation. */
    private static String problemSeverity(Severity severity) {
        String level = level(severity);
        return level.equals("note") ? "recommendation" : level;
    }

    private static ObjectNode rule(ReportContext context, String key) {
        RuleMetadata metadata = context.rule(key);
        String docUrl = context.docUrl(key);
        ObjectNode node = JsonOutput.object();
        node.put("id", key);
        node.put("name", metadata.name());
        node.putObject("shortDescription").put("text", metadata.title());
        node.putObject("fullDescription").put("text", metadata.energy().why());
        node.put("helpUri", docUrl);
        node.putObject("help").put("text", metadata.energy().why() + " See " + docUrl + " for examples and the fix.");
        node.putObject("defaultConfiguration").put("level", level(metadata.defaultSeverity()));
        ObjectNode properties = node.putObject("properties");
        ArrayNode tags = properties.putArray("tags");
        metadata.tags().forEach(tags::add);
        ArrayNode rgesn = properties.putArray("rgesn");
        metadata.energy().rgesn().forEach(rgesn::add);
        properties.put("problem.severity", problemSeverity(metadata.defaultSeverity()));
        return node;
    }

    private static ObjectNode result(ReportContext context, Finding finding, int ruleIndex, String fingerprint) {
        ObjectNode node = JsonOutput.object();
        node.put("ruleId", finding.ruleKey());
        node.put("ruleIndex", ruleIndex);
        node.put("level", level(context.rule(finding.ruleKey()).defaultSeverity()));
        node.putObject("message").put("text", finding.message());
        ObjectNode physical = node.putArray("locations").addObject().putObject("physicalLocation");
        physical.set("artifactLocation", artifactLocation(context, finding.file()));
        physical.set("region", region(finding.line(), finding.column(), finding.endLine(), finding.endColumn()));
        if (!finding.secondaryLocations().isEmpty()) {
            ArrayNode related = node.putArray("relatedLocations");
            int id = 1;
            for (SecondaryLocation secondary : finding.secondaryLocations()) {
                ObjectNode location = related.addObject().put("id", id++);
                ObjectNode at = location.putObject("physicalLocation");
                at.set("artifactLocation", artifactLocation(context, secondary.file()));
                at.set(
                        "region",
                        region(secondary.line(), secondary.column(), secondary.endLine(), secondary.endColumn()));
                location.putObject("message").put("text", secondary.message());
            }
            if (followsAChain(finding)) {
                node.set("codeFlows", codeFlow(context, finding));
            }
        }
        node.putObject("partialFingerprints").put(FindingFingerprints.KEY, fingerprint);
        return node;
    }

    /**
     * Whether a finding relies on places in other files: those come from a chain of calls the project model followed
     * (the loop, then each call down to the request), which SARIF viewers can step through as a code flow.
     */
    private static boolean followsAChain(Finding finding) {
        return finding.secondaryLocations().stream().anyMatch(s -> !s.file().equals(finding.file()));
    }

    /** The finding's place, then its secondary locations in order, as one thread flow. */
    private static ArrayNode codeFlow(ReportContext context, Finding finding) {
        ArrayNode flows = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        ArrayNode steps = flows.addObject().putArray("threadFlows").addObject().putArray("locations");
        ObjectNode first = steps.addObject().putObject("location");
        ObjectNode start = first.putObject("physicalLocation");
        start.set("artifactLocation", artifactLocation(context, finding.file()));
        start.set("region", region(finding.line(), finding.column(), finding.endLine(), finding.endColumn()));
        first.putObject("message").put("text", finding.message());
        for (SecondaryLocation secondary : finding.secondaryLocations()) {
            ObjectNode step = steps.addObject().putObject("location");
            ObjectNode at = step.putObject("physicalLocation");
            at.set("artifactLocation", artifactLocation(context, secondary.file()));
            at.set("region", region(secondary.line(), secondary.column(), secondary.endLine(), secondary.endColumn()));
            step.putObject("message").put("text", secondary.message());
        }
        return flows;
    }

    /** A finding of the baseline that no longer appears: SARIF's {@code absent} result, where it was. */
    private static ObjectNode gone(Baseline.Entry entry, Map<String, Integer> ruleIndex) {
        ObjectNode node = JsonOutput.object();
        node.put("ruleId", entry.rule());
        Integer index = ruleIndex.get(entry.rule());
        if (index != null) {
            node.put("ruleIndex", index);
        }
        node.put("level", "none");
        node.putObject("message").put("text", entry.message());
        ObjectNode physical = node.putArray("locations").addObject().putObject("physicalLocation");
        physical.putObject("artifactLocation")
                .put("uri", relativeUri(entry.file()))
                .put("uriBaseId", SOURCE_ROOT);
        if (entry.line() > 0) {
            physical.putObject("region").put("startLine", entry.line());
        }
        node.putObject("partialFingerprints").put(FindingFingerprints.KEY, entry.fingerprint());
        node.put("baselineState", "absent");
        return node;
    }

    /** The region with only the parts that are known; SARIF reads an absent column as the whole line. */
    private static ObjectNode region(int line, int column, int endLine, int endColumn) {
        ObjectNode region = JsonOutput.object();
        region.put("startLine", line);
        if (column > 0) {
            region.put("startColumn", column);
        }
        if (endLine > 0) {
            region.put("endLine", endLine);
        }
        if (endLine > 0 && endColumn > 0) {
            // Our end columns are inclusive; SARIF's is the column after the last character.
            region.put("endColumn", endColumn + 1);
        }
        return region;
    }

    private static ObjectNode notification(
            ReportContext context, ProcessingError error, Map<String, Integer> ruleIndex) {
        ObjectNode node = JsonOutput.object();
        node.put("level", "error");
        node.putObject("message").put("text", context.displayInput(error.input()) + ": " + error.message());
        Optional<Path> file = context.inputFile(error.input());
        if (file.isPresent()) {
            node.putArray("locations")
                    .addObject()
                    .putObject("physicalLocation")
                    .set("artifactLocation", artifactLocation(context, file.get()));
        }
        if (error.ruleKey() != null) {
            ObjectNode associatedRule = node.putObject("associatedRule").put("id", error.ruleKey());
            Integer index = ruleIndex.get(error.ruleKey());
            if (index != null) {
                associatedRule.put("index", index);
            }
        }
        node.putObject("properties").put("kind", error.kind().name());
        return node;
    }

    /**
     * Where a file is: relative to {@value #SOURCE_ROOT} when under the base directory; a {@code file:} URI when
     * absolute elsewhere; and a bare relative URI for the package path of a class file without source, which is
     * relative to a source root the log does not know.
     */
    private static ObjectNode artifactLocation(ReportContext context, Path file) {
        ObjectNode location = JsonOutput.object();
        Optional<String> relative = context.relativeToBase(file);
        if (relative.isPresent()) {
            location.put("uri", relativeUri(relative.get()));
            location.put("uriBaseId", SOURCE_ROOT);
        } else if (file.isAbsolute()) {
            location.put("uri", file.toUri().toASCIIString());
        } else {
            location.put("uri", relativeUri(ReportContext.withForwardSlashes(file)));
        }
        return location;
    }

    /** Percent-encodes a relative path with forward slashes (spaces, {@code #}, {@code %}, non-ASCII letters). */
    static String relativeUri(String path) {
        int slash = path.indexOf('/');
        String firstSegment = slash < 0 ? path : path.substring(0, slash);
        // A colon in the first segment would make it read as a URI scheme.
        String unambiguous = firstSegment.contains(":") ? "./" + path : path;
        try {
            return new URI(null, null, unambiguous, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Cannot express " + path + " as a URI", e);
        }
    }

    private static String directoryUri(Path directory) {
        String uri = directory.toUri().toASCIIString();
        // Relative URIs resolve against a base only when it ends with a slash, and toUri() adds one only when the
        // directory exists.
        return uri.endsWith("/") ? uri : uri + "/";
    }

    /** The folder of the rule pages, so that the address moves with the docs (one setting in the build). */
    private static String docsBaseUrl(ReportContext context) {
        // A rule's page lies directly in that folder; any page name gives the folder back.
        return URI.create(context.docUrl(ANY_RULE_PAGE)).resolve(".").toString();
    }
}
