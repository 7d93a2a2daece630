package org.ecobugs.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.ecobugs.rules.Analysis;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.Phase;
import org.ecobugs.rules.ProcessingError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configuration files are inputs of the request: found by name under the resource roots (not in build output or test
 * folders), parsed once, reported at their own file and line; a file that does not parse is a processing error.
 */
class ConfigInputsTest {

    private static final String PRETTY = "server.port=8080\nspring.jackson.serialization.indent-output=true\n";

    @TempDir
    Path project;

    @Test
    void configurationIsFoundByNameOutsideBuildOutputAndTests() throws IOException {
        write("src/main/resources/application.properties", PRETTY);
        write("src/main/resources/config/application-prod.yml", "spring.gson.pretty-printing: true\n");
        write("src/main/resources/other.properties", PRETTY);
        write("target/classes/application.properties", PRETTY);
        write("build/resources/main/application.properties", PRETTY);
        write("src/test/resources/application.properties", PRETTY);

        AnalysisResult result = Analysis.run(AnalysisRequest.builder()
                .addResourceRoot(project)
                .includeRules(Set.of("EB201"))
                .build());

        assertThat(result.errors()).isEmpty();
        assertThat(result.findings())
                .extracting(f -> project.relativize(f.file()).toString().replace('\\', '/') + ":" + f.line())
                .containsExactly(
                        "src/main/resources/application.properties:2",
                        "src/main/resources/config/application-prod.yml:1");
        assertThat(result.findings()).allSatisfy(f -> {
            assertThat(f.origin()).isEqualTo(Finding.Origin.SOURCE);
            assertThat(f.column()).isEqualTo(1);
        });
        assertThat(result.timings().phase(Phase.Kind.ANALYSE_CONFIGURATION)).isPresent();
    }

    @Test
    void aResourceRootMayBeTheFileItselfEvenInsideATestFolder() throws IOException {
        Path file = write("src/test/resources/application.properties", PRETTY);
        AnalysisResult result = Analysis.run(AnalysisRequest.builder()
                .addResourceRoot(file)
                .includeRules(Set.of("EB201"))
                .build());
        assertThat(result.findings()).extracting(Finding::line).containsExactly(2);
    }

    @Test
    void unparsableConfigurationIsAProcessingErrorAndTheRestIsAnalysed() throws IOException {
        write("a/application.yml", "server:\n  port: 8080\n bad: [\n");
        write("b/application.properties", PRETTY);

        AnalysisResult result = Analysis.run(AnalysisRequest.builder()
                .addResourceRoot(project)
                .includeRules(Set.of("EB201"))
                .build());

        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.input()).endsWith("application.yml");
            assertThat(e.kind()).isEqualTo(ProcessingError.Kind.UNPARSABLE_SOURCE);
            assertThat(e.message()).startsWith("Cannot parse: line ");
        });
        assertThat(result.findings())
                .singleElement()
                .satisfies(f -> assertThat(f.file()).endsWith(Path.of("b", "application.properties")));
    }

    @Test
    void sourceRootsAloneDoNotReadConfiguration() throws IOException {
        write("src/main/resources/application.properties", PRETTY);
        AnalysisResult result = Analysis.run(AnalysisRequest.builder()
                .addSourceRoot(project)
                .includeRules(Set.of("EB201"))
                .build());
        assertThat(result.findings()).isEmpty();
    }

    private Path write(String relative, String text) throws IOException {
        Path file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
