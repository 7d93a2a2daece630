package org.ecobugs.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.ecobugs.rules.Analysis;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.Phase;
import org.ecobugs.rules.ProcessingError;
import org.ecobugs.rules.checks.BusyWaitSpinRule;
import org.ecobugs.rules.meta.RuleCatalog;
import org.ecobugs.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {

    @TempDir
    Path temp;

    @Test
    void aFailingRuleBecomesAProcessingErrorAndTheOtherRulesStillReport() {
        Engine engine = new Engine(RuleCatalog.load(List.of(ThrowingRule.class, BusyWaitSpinRule.class)));
        String fixture = "eb101/BusyWaitSpinCompiled.java";
        AnalysisResult result = engine.run(AnalysisRequest.builder()
                .addSourceRoot(Fixtures.source(fixture))
                .addClassInputs(Fixtures.classes(fixture))
                .build());

        assertThat(result.findings())
                .extracting(Finding::ruleKey)
                .containsOnly("EB101")
                .hasSize(4);
        assertThat(result.errors())
                .allSatisfy(e -> {
                    assertThat(e.ruleKey()).isEqualTo("EB699");
                    assertThat(e.kind()).isEqualTo(ProcessingError.Kind.RULE_FAILURE);
                })
                .anySatisfy(e -> assertThat(e.message())
                        .isEqualTo("Rule failed at line 11: IllegalStateException: source rule broke on spinOnFlag"))
                .anySatisfy(e -> assertThat(e.message())
                        .isEqualTo("Rule failed: IllegalStateException: bytecode rule broke on"
                                + " org/ecobugs/fixtures/eb101/BusyWaitSpinCompiled"));
        // One error for the source file (the rule stops after its first failure there), one per class file.
        assertThat(result.errors()).hasSize(1 + Fixtures.classes(fixture).size());
    }

    @Test
    void aFileThatRunsOutOfMemoryCostsOnlyItsOwnFindings() throws IOException {
        Path sources = Files.createDirectories(temp.resolve("src"));
        Path exhausting = sources.resolve("Exhausting.java");
        Files.writeString(exhausting, "class Exhausting {\n    void " + HeapExhaustingRule.METHOD + "() {\n    }\n}\n");
        Path spinning = Files.copy(Fixtures.source("eb101/BusyWaitSpin.java"), sources.resolve("BusyWaitSpin.java"));
        Path jar = temp.resolve("classes.jar");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
            for (String fixture :
                    List.of("eb303/UninterruptibleInfiniteLoopCompiled.java", "eb101/BusyWaitSpinCompiled.java")) {
                for (Path compiled : Fixtures.classes(fixture)) {
                    String directory = fixture.substring(0, fixture.indexOf('/') + 1);
                    zip.putNextEntry(
                            new java.util.zip.ZipEntry("org/ecobugs/fixtures/" + directory + compiled.getFileName()));
                    zip.write(Files.readAllBytes(compiled));
                }
            }
        }
        Engine engine = new Engine(RuleCatalog.load(List.of(HeapExhaustingRule.class, BusyWaitSpinRule.class)));

        AnalysisResult result = engine.run(AnalysisRequest.builder()
                .addSourceRoot(sources)
                .addClassInput(jar)
                .build());

        assertThat(result.errors())
                .extracting(ProcessingError::input)
                .containsExactlyInAnyOrder(exhausting.toString(), jar + "!/" + HeapExhaustingRule.CLASS + ".class");
        assertThat(result.errors())
                .allSatisfy(e -> assertThat(e.message())
                        .startsWith("Not analysed: the analysis ran out of memory on it (the other files were"
                                + " analysed); give the JVM more heap (-Xmx)"));
        assertThat(result.findings())
                .extracting(f -> f.file().getFileName().toString())
                .contains(spinning.getFileName().toString(), "BusyWaitSpinCompiled.java");
    }

    @Test
    void theSameBugSeenByBothWalkersIsReportedOnceAtTheSourcePosition() {
        String fixture = "eb101/BusyWaitSpinCompiled.java";
        AnalysisResult both = Analysis.run(AnalysisRequest.builder()
                .addSourceRoot(Fixtures.source(fixture))
                .addClassInputs(Fixtures.classes(fixture))
                .includeRules(Set.of("EB101"))
                .build());
        assertThat(both.findings()).hasSize(4).allSatisfy(f -> {
            assertThat(f.origin()).isEqualTo(Finding.Origin.SOURCE);
            assertThat(f.hasColumn()).isTrue();
            assertThat(f.file()).isEqualTo(Fixtures.source(fixture));
        });
    }

    @Test
    void bytecodeFindingsWithoutTheirSourceNameThePackagePath() {
        String fixture = "eb101/BusyWaitSpinCompiled.java";
        AnalysisResult result = Analysis.run(AnalysisRequest.builder()
                .addClassInputs(Fixtures.classes(fixture))
                .includeRules(Set.of("EB101"))
                .build());
        assertThat(result.findings())
                .extracting(f -> f.file().toString())
                .containsOnly("org/ecobugs/fixtures/eb101/BusyWaitSpinCompiled.java");
        assertThat(result.findings()).extracting(Finding::line).containsExactly(12, 18, 24, 32);
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() {
        Path sources = Fixtures.moduleDir().resolve("src/main/java");
        Path classes = Fixtures.moduleDir().resolve("target/classes");
        AnalysisResult one = Analysis.run(request(sources, classes, 1));
        AnalysisResult four = Analysis.run(request(sources, classes, 4));
        assertThat(one.findings()).isNotEmpty().isEqualTo(four.findings());
        assertThat(one.errors()).isEqualTo(four.errors());
        assertThat(one.findings()).isSorted();
    }

    @Test
    void reportsTimingsPerPhaseAndPerRule() throws IOException {
        AnalysisResult result = Analysis.run(request(
                Fixtures.moduleDir().resolve("src/main/java"),
                Fixtures.moduleDir().resolve("target/classes"),
                2));
        assertThat(result.timings().phases())
                .extracting(Phase::kind)
                .containsSubsequence(
                        Phase.Kind.LOAD_RULE_METADATA,
                        Phase.Kind.COLLECT_INPUTS,
                        Phase.Kind.ANALYSE_SOURCES,
                        Phase.Kind.PARSE,
                        Phase.Kind.PRESCREEN_SOURCE_TEXT,
                        Phase.Kind.ANALYSE_CLASSES,
                        Phase.Kind.MERGE);
        Phase prescreen =
                result.timings().phase(Phase.Kind.PRESCREEN_SOURCE_TEXT).orElseThrow();
        assertThat(prescreen.count(Phase.Count.FILES)).isEqualTo(result.sourceFiles());
        assertThat(prescreen.count(Phase.Count.UNPARSED_FILES)).isBetween(1, result.sourceFiles() - 1);
        assertThat(prescreen.label())
                .isEqualTo("prescreen source text, no rule could match " + prescreen.count(Phase.Count.UNPARSED_FILES)
                        + " of " + result.sourceFiles() + " files (summed over threads)");
        assertThat(result.timings().rules().keySet()).containsExactlyElementsOf(result.rulesRun());
        assertThat(result.timings().total()).isPositive();
        // The fixtures, and the stand-ins for libraries that are not on Maven Central (dcm4che).
        try (java.util.stream.Stream<Path> all = Files.walk(Fixtures.moduleDir().resolve("src/main/java"))) {
            assertThat(result.sourceFiles())
                    .isEqualTo(all.filter(p -> p.toString().endsWith(".java")).count());
        }
        assertThat(result.classFiles()).isPositive();
    }

    @Test
    void aClassGivenTwiceIsReportedOnce() throws IOException {
        String fixture = "eb101/BusyWaitSpinCompiled.java";
        Path copy = temp.resolve("copy");
        Files.createDirectories(copy);
        for (Path c : Fixtures.classes(fixture)) {
            Files.copy(c, copy.resolve(c.getFileName()));
        }
        AnalysisResult result = Analysis.run(AnalysisRequest.builder()
                .addClassInputs(Fixtures.classes(fixture))
                .addClassInput(copy)
                .includeRules(Set.of("EB101"))
                .build());
        assertThat(result.findings()).hasSize(4);
    }

    private static AnalysisRequest request(Path sources, Path classes, int threads) {
        return AnalysisRequest.builder()
                .addSourceRoot(sources)
                .addClassInput(classes)
                .threads(threads)
                .build();
    }
}
