package org.ecobugs.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.ecobugs.rules.api.BytecodeDetector;
import org.ecobugs.rules.api.DependencyDetector;
import org.ecobugs.rules.api.Detector;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.ResourceDetector;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.SourceDetector;
import org.ecobugs.rules.checks.RuleRegistry;
import org.ecobugs.rules.meta.RgesnCriteria;
import org.ecobugs.rules.meta.RuleCatalog;
import org.ecobugs.rules.meta.RuleMetadata;
import org.ecobugs.rules.testing.FixtureProject;
import org.ecobugs.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule is registered, documented, mapped to RGESN, and has a fixture and a test. */
class RuleGuardTest {

    private static final Path RULES_MAIN =
            Fixtures.repositoryDir().resolve("rules/src/main/java/org/ecobugs/rules/checks");
    private static final Path RULES_TEST =
            Fixtures.repositoryDir().resolve("rules/src/test/java/org/ecobugs/rules/checks");
    private static final List<String> HTML_HEADINGS = List.of(
            "<h2>Why is this an issue?</h2>",
            "<h2>What is the potential impact?</h2>",
            "<h2>How to fix it</h2>",
            "<h2>Resources</h2>");

    static List<Class<? extends EnergyRule>> rules() {
        return RuleRegistry.RULES;
    }

    @Test
    void everyRuleClassIsRegistered() throws IOException {
        Set<String> registered = new HashSet<>();
        RuleRegistry.RULES.forEach(c -> registered.add(c.getSimpleName()));
        try (Stream<Path> files = Files.list(RULES_MAIN)) {
            List<String> ruleClasses = files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith("Rule.java"))
                    .map(name -> name.substring(0, name.length() - ".java".length()))
                    .toList();
            assertThat(ruleClasses).isNotEmpty();
            assertThat(registered).containsExactlyInAnyOrderElementsOf(ruleClasses);
        }
    }

    @Test
    void keysAreUniqueAndWellFormed() {
        Set<String> keys = new HashSet<>();
        for (Class<? extends EnergyRule> rule : RuleRegistry.RULES) {
            String key = rule.getAnnotation(RuleKey.class).value();
            assertThat(key).matches("EB[1-6]\\d\\d");
            assertThat(keys.add(key)).as("duplicate key %s", key).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("rules")
    void hasCompleteMetadata(Class<? extends EnergyRule> ruleClass) {
        String key = EnergyRule.keyOf(ruleClass);
        RuleMetadata metadata = RuleCatalog.builtIn().get(key);
        assertThat(metadata.name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
        assertThat(metadata.title()).isNotBlank().doesNotEndWith(".");
        assertThat(metadata.type()).isIn("CODE_SMELL", "BUG");
        assertThat(metadata.tags()).contains("eco-design", "energy").allMatch(t -> t.matches("[a-z0-9-]+"));
        assertThat(metadata.remediation().constantCost()).matches("\\d+(min|h)");
        assertThat(metadata.energy().why()).isNotBlank();
        assertThat(metadata.energy().proxy()).isNotBlank();
        assertThat(metadata.energy().sources()).isNotEmpty();
        assertThat(metadata.energy().rgesn()).isNotEmpty();
        for (String criterion : metadata.energy().rgesn()) {
            assertThat(RgesnCriteria.get().find(criterion))
                    .as("%s maps to %s", key, criterion)
                    .isPresent();
        }
        assertThat(metadata.descriptionHtml()).contains(HTML_HEADINGS);
        List<Detector> detectors = build(ruleClass).detectors();
        boolean dependencyRule = detectors.stream().anyMatch(DependencyDetector.class::isInstance);
        assertThat(metadata.detection().judgesDependencies()).isEqualTo(dependencyRule);
        if (dependencyRule) {
            // Dependency rules read the evidence both walks collect, whatever walkers they are not.
            assertThat(metadata.detection().source()).isTrue();
            assertThat(metadata.detection().bytecode()).isTrue();
        } else {
            assertThat(metadata.detection().source())
                    .isEqualTo(detectors.stream().anyMatch(SourceDetector.class::isInstance));
            assertThat(metadata.detection().bytecode())
                    .isEqualTo(detectors.stream().anyMatch(BytecodeDetector.class::isInstance));
        }
        assertThat(metadata.detection().resources())
                .isEqualTo(detectors.stream().anyMatch(ResourceDetector.class::isInstance));
    }

    /** The rule with its default parameters. */
    private static EnergyRule build(Class<? extends EnergyRule> ruleClass) {
        String key = EnergyRule.keyOf(ruleClass);
        try {
            try {
                return ruleClass
                        .getConstructor(org.ecobugs.rules.api.RuleParameters.class)
                        .newInstance(RuleCatalog.builtIn().parameters(key, java.util.Map.of()));
            } catch (NoSuchMethodException noParameters) {
                return ruleClass.getConstructor().newInstance();
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot build " + key, e);
        }
    }

    @ParameterizedTest
    @MethodSource("rules")
    void buildsWithItsDefaultParameters(Class<? extends EnergyRule> ruleClass) {
        String key = EnergyRule.keyOf(ruleClass);
        AnalysisResult result =
                Analysis.run(AnalysisRequest.builder().includeRules(Set.of(key)).build());
        assertThat(result.rulesRun()).containsExactly(key);
    }

    @ParameterizedTest
    @MethodSource("rules")
    void hasAFixtureWithFlaggedAndCompliantCasesAndATest(Class<? extends EnergyRule> ruleClass) throws IOException {
        String key = EnergyRule.keyOf(ruleClass);
        Path fixtures = Fixtures.source(key.toLowerCase(java.util.Locale.ROOT));
        assertThat(fixtures).isDirectory();
        if (build(ruleClass).detectors().stream().anyMatch(DependencyDetector.class::isInstance)) {
            // A dependency rule reports on the POM: its markers are XML comments on <dependency> lines (ADR 0007).
            Path pom = fixtures.resolve("pom.xml");
            assertThat(pom).isRegularFile();
            assertThat(Files.readString(pom)).contains("<!-- Noncompliant").contains("<!-- Compliant");
            assertThat(FixtureProject.of(key.toLowerCase(java.util.Locale.ROOT)).mainSources())
                    .isNotEmpty();
        } else {
            String text;
            try (Stream<Path> files = Files.walk(fixtures)) {
                StringBuilder all = new StringBuilder();
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    all.append(Files.readString(file));
                }
                text = all.toString();
            }
            // Java fixtures mark cases with // comments, configuration files with # comments.
            assertThat(text).containsPattern("(//|#) Noncompliant").containsPattern("(//|#) Compliant");
        }
        assertThat(RULES_TEST.resolve(ruleClass.getSimpleName() + "Test.java")).isRegularFile();
    }

    @Test
    void parametersAreValidatedWithClearMessages() {
        Map<String, String> wrongType = Map.of("maxPollIntervalMs", "soon");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> RuleCatalog.builtIn().parameters("EB102", wrongType))
                .hasMessage("Rule EB102 parameter 'maxPollIntervalMs' must be integer, not 'soon'");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> RuleCatalog.builtIn().parameters("EB101", Map.of("period", "1")))
                .hasMessage("Rule EB101 has no parameter 'period'; it takes none");
        // A negative interval would hide every finding without a word.
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> RuleCatalog.builtIn().parameters("EB102", Map.of("maxPollIntervalMs", "-5")))
                .hasMessage("Rule EB102 parameter 'maxPollIntervalMs' must be at least 0, not '-5'");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> RuleCatalog.builtIn().parameters("EB405", Map.of("maxUsedClasses", "0")))
                .hasMessage("Rule EB405 parameter 'maxUsedClasses' must be at least 1, not '0'");
        org.assertj.core.api.Assertions.assertThat(RuleCatalog.builtIn()
                        .parameters("EB102", Map.of("maxPollIntervalMs", "0"))
                        .integer("maxPollIntervalMs"))
                .isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Analysis.run(
                        AnalysisRequest.builder().includeRules(Set.of("EB999")).build()))
                .hasMessageStartingWith("Unknown rule key 'EB999' in rules; known keys: EB101, EB102");
    }
}
