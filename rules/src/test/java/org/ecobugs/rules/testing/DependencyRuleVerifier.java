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
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.ecobugs.rules.Analysis;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.deps.DependencyGraph;

/**
 * Runs one dependency rule on a dependency fixture (see {@link FixtureProject}) and compares its findings with the
 * {@code <!-- Noncompliant -->} markers of the fixture's {@code pom.xml}, exactly and in both directions, as {@link
 * RuleVerifier} does for code. The project's sources and classes are analysed together, as a build would. Sizes in
 * messages ({@code 812 bytes}, {@code 3 KB}, {@code 1.2 MB}) are compared as {@code #}, since they depend on the
 * compiler that built the fixture.
 */
public final class DependencyRuleVerifier {

    private final String ruleKey;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private UnaryOperator<DependencyGraph> graphChange = UnaryOperator.identity();
    private boolean sources = true;

    private DependencyRuleVerifier(String ruleKey) {
        this.ruleKey = ruleKey;
    }

    public static DependencyRuleVerifier rule(String ruleKey) {
        return new DependencyRuleVerifier(ruleKey);
    }

    public DependencyRuleVerifier withParameter(String name, String value) {
        parameters.put(name, value);
        return this;
    }

    /** Analyses the compiled classes alone, as bytecode-only analysers such as {@code dependency:analyze} do. */
    public DependencyRuleVerifier withoutSources() {
        sources = false;
        return this;
    }

    /** Verifies the fixture {@code org/ecobugs/fixtures/<fixture>}, e.g. {@code eb401}, building its jars in {@code work}. */
    public void verify(String fixture, Path work) {
        FixtureProject project = FixtureProject.of(fixture);
        AnalysisResult result = analyse(project, work);
        if (!result.errors().isEmpty()) {
            fail("The analysis of " + fixture + " reported processing errors: " + result.errors());
        }
        List<String> pomLines = lines(project.pom());
        Map<Integer, List<Markers.Expected>> expected = new TreeMap<>();
        Markers.parseXml(fixture + "/pom.xml", pomLines)
                .forEach((line, wanted) -> expected.put(
                        line,
                        wanted.stream()
                                .map(want ->
                                        want.message() == null ? want : want.withMessage(withoutSizes(want.message())))
                                .toList()));
        Map<Integer, List<Finding>> actual = new TreeMap<>();
        for (Finding finding : result.findings()) {
            if (!finding.ruleKey().equals(ruleKey)) {
                fail("Unexpected rule " + finding.ruleKey() + " in the findings of " + ruleKey);
            }
            if (!finding.file().equals(project.pom())) {
                fail("Finding outside the fixture POM " + project.pom() + ": " + finding);
            }
            if (finding.origin() != Finding.Origin.DEPENDENCIES) {
                fail("A dependency finding must have the DEPENDENCIES origin: " + finding);
            }
            actual.computeIfAbsent(finding.line(), k -> new ArrayList<>()).add(withoutSizes(finding));
        }
        String mismatches = new MarkerComparison(pomLines, "<!--", new MarkerComparison.Scope(true, false, true))
                .compare(expected, actual);
        if (!mismatches.isEmpty()) {
            fail(ruleKey + " on " + fixture + "/pom.xml:\n" + mismatches);
        }
    }

    /** Runs the rule on a fixture with its graph changed first (to add suppressions, say), for other assertions. */
    public AnalysisResult analyse(String fixture, Path work, UnaryOperator<DependencyGraph> change) {
        this.graphChange = change;
        return analyse(FixtureProject.of(fixture), work);
    }

    private AnalysisResult analyse(FixtureProject project, Path work) {
        AnalysisRequest.Builder request = AnalysisRequest.builder()
                .includeRules(Set.of(ruleKey))
                .threads(1)
                .addSourceRoots(sources ? project.mainSources() : List.of())
                .addClassInputs(project.mainClasses())
                .dependencies(graphChange.apply(project.graph(work)));
        parameters.forEach((name, value) -> request.ruleParameter(ruleKey, name, value));
        return Analysis.run(request.build());
    }

    private static Finding withoutSizes(Finding finding) {
        return new Finding(
                finding.ruleKey(),
                finding.file(),
                finding.line(),
                finding.column(),
                finding.endLine(),
                finding.endColumn(),
                withoutSizes(finding.message()),
                finding.origin(),
                finding.fixes(),
                finding.secondaryLocations());
    }

    static String withoutSizes(String message) {
        return message.replaceAll("\\d+(\\.\\d+)? (bytes|KB|MB)", "# $2").replaceAll("# (KB|MB)", "# bytes");
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
