package org.ecobugs.rules.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ecobugs.rules.Analysis;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.ProcessingError;

/**
 * Runs one rule on one fixture and compares its findings with the fixture's {@code // Noncompliant} markers, exactly
 * and in both directions: every marker must be found, and every finding must be marked. A rule that fails on the
 * fixture fails the verification.
 */
public final class RuleVerifier {

    /** Which walkers see the fixture. */
    public enum Mode {
        /** The source file only. */
        SOURCE,
        /** The compiled classes only: findings are placed by the line number table. */
        BYTECODE,
        /** Both, as a user with a build would run it: a bug seen twice is reported once. */
        SOURCE_AND_BYTECODE
    }

    private final String ruleKey;
    private final Map<String, String> parameters = new LinkedHashMap<>();

    private RuleVerifier(String ruleKey) {
        this.ruleKey = ruleKey;
    }

    public static RuleVerifier rule(String ruleKey) {
        return new RuleVerifier(ruleKey);
    }

    public RuleVerifier withParameter(String name, String value) {
        parameters.put(name, value);
        return this;
    }

    /** Verifies a fixture given relative to {@code org/ecobugs/fixtures}, e.g. {@code eb101/BusyWaitSpin.java}. */
    public void verify(String fixture, Mode mode) {
        Path source = Fixtures.source(fixture);
        AnalysisResult result = analyse(source, fixture, mode);
        List<ProcessingError> failures = result.errors();
        if (!failures.isEmpty()) {
            fail("The analysis of " + fixture + " reported processing errors: " + failures);
        }
        Map<Integer, Markers.Expectation> expected = Markers.parse(fixture, readLines(source));
        Map<Integer, List<String>> actual = new TreeMap<>();
        for (Finding finding : result.findings()) {
            if (!finding.ruleKey().equals(ruleKey)) {
                fail("Unexpected rule " + finding.ruleKey() + " in the findings of " + ruleKey);
            }
            String file = finding.file().toString().replace('\\', '/');
            if (!file.endsWith("org/ecobugs/fixtures/" + fixture)) {
                fail("Finding outside the fixture " + fixture + ": " + finding);
            }
            actual.computeIfAbsent(finding.line(), k -> new ArrayList<>()).add(finding.message());
        }
        String mismatches = compare(expected, actual);
        if (!mismatches.isEmpty()) {
            fail(ruleKey + " on " + fixture + " (" + mode + "):\n" + mismatches);
        }
    }

    private AnalysisResult analyse(Path source, String fixture, Mode mode) {
        AnalysisRequest.Builder request = AnalysisRequest.builder()
                .includeRules(java.util.Set.of(ruleKey))
                .threads(1);
        parameters.forEach((name, value) -> request.ruleParameter(ruleKey, name, value));
        if (mode != Mode.BYTECODE) {
            request.addSourceRoot(source);
        }
        if (mode != Mode.SOURCE) {
            request.addClassInputs(Fixtures.classes(fixture));
        }
        return Analysis.run(request.build());
    }

    /** Line by line, what was expected and what was found, for the lines where they differ. */
    static String compare(Map<Integer, Markers.Expectation> expected, Map<Integer, List<String>> actual) {
        StringBuilder report = new StringBuilder();
        TreeSet<Integer> lines = new TreeSet<>(expected.keySet());
        lines.addAll(actual.keySet());
        for (int line : lines) {
            Markers.Expectation want = expected.get(line);
            List<String> got = actual.getOrDefault(line, List.of());
            int wantCount = want == null ? 0 : want.count();
            if (wantCount != got.size()) {
                report.append("  line ")
                        .append(line)
                        .append(": expected ")
                        .append(wantCount)
                        .append(" finding(s), found ")
                        .append(got.size())
                        .append(got.isEmpty() ? "" : " " + got)
                        .append('\n');
                continue;
            }
            if (want != null) {
                List<String> unmatched = new ArrayList<>(got);
                for (String message : want.messages()) {
                    if (!unmatched.remove(message)) {
                        report.append("  line ")
                                .append(line)
                                .append(": expected message {{")
                                .append(message)
                                .append("}}, found ")
                                .append(got)
                                .append('\n');
                    }
                }
            }
        }
        return report.toString();
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
