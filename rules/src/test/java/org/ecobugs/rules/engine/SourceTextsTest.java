package org.ecobugs.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.ecobugs.rules.Analysis;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.ProcessingError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sources handed over as text (an editor's buffers) are analysed as if they were on disk, and only they are read. */
class SourceTextsTest {

    private static final String SPIN =
            "package lab;\nclass Handover {\n    volatile boolean ready;\n    void await() {\n"
                    + "        while (!ready) {\n            Thread.onSpinWait();\n        }\n    }\n}\n";

    @TempDir
    Path dir;

    private AnalysisResult analyse(AnalysisRequest.Builder request) {
        return Analysis.run(request.includeRules(Set.of("EB101")).threads(1).build());
    }

    @Test
    void aTextIsAnalysedOnThePathItIsGivenForWhichNeedNotExist() {
        Path nowhere = dir.resolve("src/lab/Handover.java");

        AnalysisResult result = analyse(AnalysisRequest.builder().addSourceText(nowhere, SPIN));

        assertThat(result.findings())
                .extracting(Finding::file, Finding::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(nowhere, 5));
        assertThat(result.sourceFiles()).isEqualTo(1);
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void aSuppressionInTheTextIsHonouredAsOnDisk() {
        String marked =
                SPIN.replace("        while", "        // ecobugs:ignore EB101 hands over at once\n        while");

        AnalysisResult result = analyse(AnalysisRequest.builder().addSourceText(dir.resolve("Handover.java"), marked));

        assertThat(result.findings()).isEmpty();
        assertThat(result.suppressed()).hasSize(1);
    }

    @Test
    void aTextOverTheSizeLimitIsAProcessingErrorLikeAFile() {
        AnalysisResult result = analyse(AnalysisRequest.builder()
                .addSourceText(dir.resolve("Handover.java"), SPIN)
                .maxSourceFileBytes(20));

        assertThat(result.findings()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.kind()).isEqualTo(ProcessingError.Kind.UNPARSABLE_SOURCE);
            assertThat(error.message()).contains("over the limit of 20 bytes for one source file");
        });
    }
}
