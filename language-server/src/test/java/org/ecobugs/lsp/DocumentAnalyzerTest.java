package org.ecobugs.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentAnalyzerTest {

    private static final String BUSY_WAIT = "package org.example;\n\nclass Poller {\n    volatile boolean ready;\n\n"
            + "    void await() {\n        while (!ready) {}\n    }\n}\n";

    @TempDir
    Path project;

    @Test
    void anUnsavedBufferIsAnalysedUnderItsName() {
        DocumentAnalyzer analyzer = new DocumentAnalyzer(new ProjectClasspath(false));

        DocumentAnalyzer.Outcome outcome = analyzer.analyze("untitled:Untitled-1", BUSY_WAIT);

        assertThat(outcome.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.ruleKey()).isEqualTo("EB101");
            assertThat(finding.file()).isEqualTo(Path.of("Untitled-1.java"));
            assertThat(finding.line()).isEqualTo(7);
        });
        assertThat(outcome.errors()).isEmpty();
    }

    @Test
    void theTextTheEditorShowsIsAnalysedNotTheFileOnDisk() throws IOException {
        Path file = Files.createDirectories(project.resolve("org/example")).resolve("Poller.java");
        String clean = "package org.example;\n\nclass Poller {\n}\n";
        Files.writeString(file, clean);
        DocumentAnalyzer analyzer = new DocumentAnalyzer(new ProjectClasspath(false));

        assertThat(analyzer.analyze(file.toUri().toString(), BUSY_WAIT).findings())
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.file()).isEqualTo(file);
                    assertThat(finding.line()).isEqualTo(7);
                });
        Files.writeString(file, BUSY_WAIT);
        assertThat(analyzer.analyze(file.toUri().toString(), clean).findings()).isEmpty();
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertThat(left).as("nothing written beside it").containsExactly(file);
        }
    }

    @Test
    void anUnsavedBufferIsNamedAfterItsLastSegmentInCharactersEveryFileSystemTakes() {
        assertThat(DocumentAnalyzer.untitledFileName("untitled:Untitled-1")).isEqualTo("Untitled-1.java");
        assertThat(DocumentAnalyzer.untitledFileName("untitled:/home/me/Scratch.java"))
                .isEqualTo("Scratch.java");
        assertThat(DocumentAnalyzer.untitledFileName("untitled:My%20notes")).isEqualTo("My_notes.java");
        assertThat(DocumentAnalyzer.untitledFileName("untitled:a:b*c")).isEqualTo("a_b_c.java");
        assertThat(DocumentAnalyzer.untitledFileName("untitled:")).isEqualTo("Untitled.java");
    }
}
