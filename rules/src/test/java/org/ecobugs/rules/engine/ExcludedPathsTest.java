package org.ecobugs.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.tools.ToolProvider;
import org.ecobugs.rules.Analysis;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.PathExclusions;
import org.ecobugs.rules.ProcessingError;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExcludedPathsTest {

    private static final String SPINNING = """
            package lab.%s;
            class %s {
                private volatile boolean ready;
                void await() {
                    while (!ready) {
                        Thread.onSpinWait();
                    }
                }
            }
            """;

    @TempDir
    Path project;

    private Path kept;
    private Path generated;
    private Path classes;

    @BeforeEach
    void layOut() throws IOException {
        kept = write("src/main/java/lab/kept/Kept.java", SPINNING.formatted("kept", "Kept"));
        generated = write("src/generated/java/lab/gen/Generated.java", SPINNING.formatted("gen", "Generated"));
        classes = Files.createDirectories(project.resolve("target/classes"));
        int status = ToolProvider.getSystemJavaCompiler()
                .run(null, null, null, "-d", classes.toString(), "-proc:none", kept.toString(), generated.toString());
        assertThat(status).isZero();
    }

    private Path write(String relative, String text) throws IOException {
        Path file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private AnalysisResult analyse(PathExclusions exclusions) {
        return Analysis.run(AnalysisRequest.builder()
                .addSourceRoot(project.resolve("src"))
                .addClassInput(classes)
                .includeRules(Set.of("EB101"))
                .threads(1)
                .excludePaths(exclusions)
                .build());
    }

    @Test
    void withoutExclusionsBothFilesAreReported() {
        assertThat(analyse(PathExclusions.NONE).findings())
                .extracting(Finding::file)
                .containsExactlyInAnyOrder(kept, generated);
    }

    @Test
    void anExcludedSourceIsNotAnalysedAndItsClassesReportNothing() {
        AnalysisResult result = analyse(new PathExclusions(project, List.of("src/generated/")));

        assertThat(result.findings()).extracting(Finding::file).containsExactly(kept);
        assertThat(result.sourceFiles()).isEqualTo(1);
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void excludedClassFilesAreNotAnalysedEither() {
        AnalysisResult result = analyse(new PathExclusions(project, List.of("**/lab/gen/**")));

        assertThat(result.findings()).extracting(Finding::file).containsExactly(kept);
        assertThat(result.classFiles()).isEqualTo(1);
    }

    @Test
    void processingErrorsOfExcludedFilesAreNotReported() throws IOException {
        // Words EB101 looks for, so that the file is parsed rather than skipped by the prescreen.
        write("src/generated/java/lab/gen/Broken.java", "class Broken {\n  void f( { Thread.onSpinWait(); while\n}\n");

        assertThat(analyse(PathExclusions.NONE).errors())
                .extracting(ProcessingError::input)
                .anyMatch(input -> input.endsWith("Broken.java"));
        assertThat(analyse(new PathExclusions(project, List.of("**/generated/**")))
                        .errors())
                .isEmpty();
    }
}
