package org.ecobugs.rules.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.Suppression;

/**
 * The findings of a project at one time, so that a later analysis reports only new ones: adopting ecobugs on a ten-year
 * old application starts from zero findings to fix, and the build fails on the next one. A finding is known when its
 * fingerprint ({@link FindingFingerprints}: rule, file, enclosing member, the reported line's text) is in the baseline,
 * so edits elsewhere in the file do not make it new. Known findings are kept among the suppressed (count nowhere,
 * listed); baseline entries that no longer match a finding are reported as gone.
 *
 * <p>The file is JSON: {@code {"ecobugsBaseline": 1, "toolVersion": …, "findings": [{"fingerprint", "rule", "file",
 * "line", "message"}…]}}, sorted by file, line and rule so that it diffs well under version control.
 */
public final class Baseline {

    private static final int FORMAT = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One recorded finding: its fingerprint, and where and what it was, for people. */
    public record Entry(String fingerprint, String rule, String file, int line, String message) {}

    /**
     * A result compared with a baseline.
     *
     * @param file the baseline's file
     * @param result the analysis with only new findings reported, known ones among the suppressed
     * @param known how many findings the baseline hid
     * @param gone the baseline's entries that match no finding any more
     */
    public record Comparison(Path file, AnalysisResult result, int known, List<Entry> gone) {}

    private final Path file;
    private final List<Entry> entries;

    private Baseline(Path file, List<Entry> entries) {
        this.file = file;
        this.entries = List.copyOf(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Records the findings a context reports (not those already suppressed) as the baseline in {@code file}. */
    public static void write(ReportContext context, Path file) throws IOException {
        Map<Finding, String> fingerprints =
                FindingFingerprints.of(context, context.result().findings());
        List<Entry> recorded = new ArrayList<>();
        for (Finding finding : context.result().findings()) {
            recorded.add(new Entry(
                    fingerprints.get(finding),
                    finding.ruleKey(),
                    context.displayPath(finding.file()),
                    finding.line(),
                    finding.message()));
        }
        recorded.sort(Comparator.comparing(Entry::file)
                .thenComparingInt(Entry::line)
                .thenComparing(Entry::rule)
                .thenComparing(Entry::fingerprint));
        ObjectNode root = JsonOutput.object();
        root.put("ecobugsBaseline", FORMAT);
        root.put("toolVersion", context.toolVersion());
        ArrayNode findings = root.putArray("findings");
        for (Entry entry : recorded) {
            findings.addObject()
                    .put("fingerprint", entry.fingerprint())
                    .put("rule", entry.rule())
                    .put("file", entry.file())
                    .put("line", entry.line())
                    .put("message", entry.message());
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            // Indented, one field a line: the file is read in code review and diffed under version control.
            out.write(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            out.write("\n");
        }
    }

    /**
     * Reads a baseline.
     *
     * @throws IllegalArgumentException naming the file when it cannot be read or is not an ecobugs baseline
     */
    public static Baseline read(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "not an ecobugs baseline: " + file + " (not JSON; write one with"
                            + " --write-baseline, or ecobugs.writeBaseline in Maven)",
                    e);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "cannot read the baseline " + file + ": " + e.getClass().getSimpleName() + " "
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
                    e);
        }
        if (root == null
                || !root.path("ecobugsBaseline").isInt()
                || !root.path("findings").isArray()) {
            throw new IllegalArgumentException("not an ecobugs baseline: " + file
                    + " (write one with --write-baseline, or ecobugs.writeBaseline in Maven)");
        }
        if (root.get("ecobugsBaseline").asInt() != FORMAT) {
            throw new IllegalArgumentException("the baseline " + file + " has format " + root.get("ecobugsBaseline")
                    + "; this ecobugs reads format " + FORMAT);
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode node : root.get("findings")) {
            if (!node.path("fingerprint").isTextual() || !node.path("rule").isTextual()) {
                throw new IllegalArgumentException(
                        "the baseline " + file + " has a finding without fingerprint or rule: " + node);
            }
            entries.add(new Entry(
                    node.get("fingerprint").asText(),
                    node.get("rule").asText(),
                    node.path("file").asText(""),
                    node.path("line").asInt(0),
                    node.path("message").asText("")));
        }
        return new Baseline(file, entries);
    }

    /** The context's result with the findings this baseline knows moved among the suppressed. */
    public Comparison compare(ReportContext context) {
        AnalysisResult result = context.result();
        Map<String, Integer> remaining = new HashMap<>();
        entries.forEach(entry -> remaining.merge(entry.fingerprint(), 1, Integer::sum));
        Map<Finding, String> fingerprints = FindingFingerprints.of(context, result.findings());
        List<Finding> fresh = new ArrayList<>();
        List<Finding> suppressed = new ArrayList<>(result.suppressed());
        Map<Finding, Suppression> suppressions = new LinkedHashMap<>(result.suppressions());
        Suppression known = new Suppression(Suppression.Kind.BASELINE, "known in the baseline " + file);
        int hidden = 0;
        for (Finding finding : result.findings()) {
            String fingerprint = fingerprints.get(finding);
            Integer left = remaining.get(fingerprint);
            if (left != null && left > 0) {
                remaining.put(fingerprint, left - 1);
                suppressed.add(finding);
                suppressions.put(finding, known);
                hidden++;
            } else {
                fresh.add(finding);
            }
        }
        List<Entry> gone = new ArrayList<>();
        for (Entry entry : entries) {
            Integer left = remaining.get(entry.fingerprint());
            if (left != null && left > 0) {
                remaining.put(entry.fingerprint(), left - 1);
                gone.add(entry);
            }
        }
        java.util.Collections.sort(suppressed);
        AnalysisResult filtered = new AnalysisResult(
                fresh,
                result.errors(),
                result.rulesRun(),
                result.sourceFiles(),
                result.classFiles(),
                result.timings(),
                suppressed,
                suppressions,
                result.unusedSuppressions(),
                result.summaries());
        return new Comparison(file, filtered, hidden, gone);
    }
}
