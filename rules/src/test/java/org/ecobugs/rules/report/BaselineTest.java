package org.ecobugs.rules.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.ecobugs.rules.Analysis;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.ProductInfo;
import org.ecobugs.rules.Suppression;
import org.ecobugs.rules.meta.RuleCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {

    private static final String SPIN = "        while (!ready) {\n            Thread.onSpinWait();\n        }\n";
    private static final String POLL = "        while (!ready) {\n            Thread.sleep(20);\n        }\n";

    @TempDir
    Path dir;

    @Test
    void onlyNewFindingsAreReportedKnownOnesAreListedAndGoneOnesCounted() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        write(src, "    void first() {\n" + SPIN + "    }\n    void second() throws Exception {\n" + POLL + "    }\n");
        Path file = dir.resolve("ecobugs-baseline.json");
        Baseline.write(context(src), file);

        // Lines added above, the poll fixed, a new spin: the first spin is known, the new one is reported.
        write(
                src,
                "    int unrelated() {\n        return 1;\n    }\n    void first() {\n" + SPIN + "    }\n"
                        + "    void second() throws Exception {\n    }\n    void third() {\n" + SPIN + "    }\n");
        ReportContext compared = context(src).withBaseline(Baseline.read(file));

        assertThat(compared.result().findings())
                .singleElement()
                .satisfies(f -> assertThat(f.line()).isEqualTo(17));
        assertThat(compared.result().suppressed()).singleElement().satisfies(known -> {
            assertThat(known.line()).isEqualTo(10);
            assertThat(compared.result().suppression(known).kind()).isEqualTo(Suppression.Kind.BASELINE);
        });
        assertThat(compared.baseline().known()).isEqualTo(1);
        assertThat(compared.baseline().gone()).singleElement().satisfies(gone -> {
            assertThat(gone.rule()).isEqualTo("EB102");
            assertThat(gone.file()).isEqualTo("src/Wait.java");
        });

        StringWriter sarif = new StringWriter();
        Reports.writer(ReportFormat.SARIF).write(compared, sarif);
        assertThat(sarif.toString())
                .contains("\"baselineState\":\"new\"")
                .contains("\"baselineState\":\"unchanged\"")
                .contains("\"baselineState\":\"absent\"");
        StringWriter text = new StringWriter();
        Reports.writer(ReportFormat.TEXT).write(compared, text);
        assertThat(text.toString()).contains(": 1 known finding not counted; 1 of its findings gone.");
        StringWriter json = new StringWriter();
        Reports.writer(ReportFormat.JSON).write(compared, json);
        assertThat(json.toString()).contains("\"known\":1").contains("\"kind\":\"baseline\"");
    }

    @Test
    void aFileThatIsNotABaselineIsRefusedByName() throws IOException {
        Path notOne = Files.writeString(dir.resolve("benchmark.json"), "{\"schema\": \"journey\"}");
        assertThatThrownBy(() -> Baseline.read(notOne))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not an ecobugs baseline: " + notOne);
        assertThatThrownBy(() -> Baseline.read(dir.resolve("missing.json")))
                .hasMessageStartingWith("cannot read the baseline " + dir.resolve("missing.json"));
    }

    private static void write(Path src, String members) throws IOException {
        Files.writeString(
                src.resolve("Wait.java"),
                "package lab;\n\nclass Wait {\n    volatile boolean ready;\n\n" + members + "}\n");
    }

    private ReportContext context(Path src) {
        return new ReportContext(
                Analysis.run(AnalysisRequest.builder()
                        .addSourceRoot(src)
                        .includeRules(Set.of("EB101", "EB102"))
                        .threads(1)
                        .build()),
                RuleCatalog.builtIn(),
                dir,
                ProductInfo.version());
    }
}
