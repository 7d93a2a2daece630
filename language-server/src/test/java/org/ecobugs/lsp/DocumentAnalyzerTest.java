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
    Path scratch;

    @Test
    void anUnsavedBufferIsAnalysedUnderItsNameAndLeavesNoCopyBehind() throws IOException {
        DocumentAnalyzer analyzer = new DocumentAnalyzer(new ProjectClasspath(false), scratch);

        DocumentAnalyzer.Outcome outcome = analyzer.analyze("untitled:Untitled-1", BUSY_WAIT);

        assertThat(outcome.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.ruleKey()).isEqualTo("EB101");
            assertThat(finding.file()).isEqualTo(Path.of("Untitled-1.java"));
            assertThat(finding.line()).isEqualTo(7);
        });
        assertThat(outcome.errors()).isEmpty();
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aPackageNameWithAnEmptyPartKeepsTheCopyInItsDirectory() throws IOException {
        assertThat(DocumentAnalyzer.packageOf("package org.example;\nclass A {}"))
                .isEqualTo("org.example");
        assertThat(DocumentAnalyzer.packageOf("package .ecobugs_escape;\nclass A {}"))
                .isEmpty();
        assertThat(DocumentAnalyzer.packageOf("package org..example;\nclass A {}"))
                .isEmpty();

        DocumentAnalyzer analyzer = new DocumentAnalyzer(new ProjectClasspath(false), scratch);
        analyzer.analyze("untitled:Untitled-2", BUSY_WAIT.replace("package org.example;", "package .ecobugs_escape;"));

        assertThat(Path.of("/ecobugs_escape")).doesNotExist();
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).isEmpty();
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
