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
import org.ecobugs.rules.Analysis;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.ProcessingError;
import org.ecobugs.rules.config.ConfigFile;

/**
 * Runs one rule on one fixture and compares its findings with the fixture's {@code // Noncompliant} markers (syntax in
 * {@link Markers}), exactly and in both directions: every marker must be found, and every finding must be marked, with
 * what a user sees of it: its range, its secondary locations, its fixes and what they leave. A rule that fails on the
 * fixture fails the verification. On a mismatch, each finding that differs is printed as the marker that would match
 * it.
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

    /**
     * Verifies a fixture given relative to {@code org/ecobugs/fixtures}, e.g. {@code eb101/BusyWaitSpin.java}. A
     * configuration file ({@code eb203/application.properties}) or a directory of them ({@code eb203/profiles}) is
     * analysed as a resource root; each file's markers are checked. A directory of Java files is analysed as one
     * project's sources (in {@link Mode#SOURCE} only), for the findings that follow calls from file to file; the
     * configuration files it holds ({@code application.properties}, {@code application.yml}) are its settings, read as
     * a resource root too.
     */
    public void verify(String fixture, Mode mode) {
        Path source = Fixtures.source(fixture);
        AnalysisResult result = analyse(source, fixture, mode);
        List<ProcessingError> failures = result.errors();
        if (!failures.isEmpty()) {
            fail("The analysis of " + fixture + " reported processing errors: " + failures);
        }
        Map<String, Path> files = new TreeMap<>();
        for (Path file : markedFiles(source)) {
            files.put(Fixtures.source("").relativize(file).toString().replace('\\', '/'), file);
        }
        Map<String, Map<Integer, List<Finding>>> actual = new TreeMap<>();
        for (Finding finding : result.findings()) {
            if (!finding.ruleKey().equals(ruleKey)) {
                fail("Unexpected rule " + finding.ruleKey() + " in the findings of " + ruleKey);
            }
            String file = finding.file().toString().replace('\\', '/');
            String name = files.keySet().stream()
                    .filter(f -> file.endsWith("org/ecobugs/fixtures/" + f))
                    .findFirst()
                    .orElse(null);
            if (name == null) {
                fail("Finding outside the fixture " + fixture + ": " + finding);
            }
            actual.computeIfAbsent(name, k -> new TreeMap<>())
                    .computeIfAbsent(finding.line(), k -> new ArrayList<>())
                    .add(finding);
        }
        StringBuilder mismatches = new StringBuilder();
        files.forEach((name, file) -> {
            List<String> lines = readLines(file);
            boolean javaFile = name.endsWith(".java");
            MarkerComparison comparison = new MarkerComparison(lines, javaFile ? "//" : "#", scope(mode, javaFile));
            String diff = comparison.compare(Markers.parse(name, lines), actual.getOrDefault(name, Map.of()));
            if (!diff.isEmpty()) {
                mismatches.append(files.size() > 1 ? "  " + name + ":\n" : "").append(diff);
            }
        });
        if (mismatches.length() > 0) {
            fail(ruleKey + " on " + fixture + " (" + mode + "):\n" + mismatches);
        }
    }

    /**
     * The bytecode walker knows lines only and offers no fixes: alone, it is held to the lines, messages and
     * secondary locations of the markers. With the source, every marker of a Java file gives the range a user sees
     * highlighted ({@code sc=0} for a finding only the bytecode walker made) and the fixes offered. Configuration
     * findings are placed by line, so their markers may leave the range out.
     */
    private static MarkerComparison.Scope scope(Mode mode, boolean java) {
        boolean source = mode != Mode.BYTECODE;
        return new MarkerComparison.Scope(source, source && java, source);
    }

    private static List<Path> markedFiles(Path fixture) {
        if (!Files.isDirectory(fixture)) {
            return List.of(fixture);
        }
        try (java.util.stream.Stream<Path> files = Files.walk(fixture)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A configuration file, or a directory of them; a directory of Java files is a project's sources. */
    private static boolean isConfiguration(Path fixture) {
        if (Files.isDirectory(fixture)) {
            return markedFiles(fixture).stream()
                    .noneMatch(file -> file.toString().endsWith(".java"));
        }
        return !fixture.toString().endsWith(".java");
    }

    private AnalysisResult analyse(Path source, String fixture, Mode mode) {
        AnalysisRequest.Builder request = AnalysisRequest.builder()
                .includeRules(java.util.Set.of(ruleKey))
                .threads(1);
        parameters.forEach((name, value) -> request.ruleParameter(ruleKey, name, value));
        if (isConfiguration(source)) {
            return Analysis.run(request.addResourceRoot(source).build());
        }
        if (mode != Mode.BYTECODE) {
            request.addSourceRoot(source);
            if (Files.isDirectory(source)
                    && markedFiles(source).stream()
                            .anyMatch(file -> ConfigFile.isConfigFileName(
                                    file.getFileName().toString()))) {
                request.addResourceRoot(source);
            }
        }
        if (mode != Mode.SOURCE) {
            request.addClassInputs(Fixtures.classes(fixture));
        }
        return Analysis.run(request.build());
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
