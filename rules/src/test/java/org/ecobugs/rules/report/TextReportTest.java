package org.ecobugs.rules.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import org.ecobugs.rules.ProductInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextReportTest {

    @TempDir
    Path tempDir;

    @Test
    void writesCompilerStyleLinesThenErrorsThenTheSummary() throws IOException {
        SampleAnalysis sample = new SampleAnalysis(tempDir);

        String report = render(sample.context());

        String outside =
                sample.outside.toString().replace(tempDir.getFileSystem().getSeparator(), "/");
        assertThat(report.split("\n", -1))
                .containsExactly(
                        "src/main/java/org/x/Poller.java:12:9: warning: [EB101] Block on a latch instead of spinning.",
                        "    see " + ProductInfo.ruleDocUrl("EB101"),
                        "src/main/java/org/x/My Dao.java:7:20: warning: [EB604] " + SampleAnalysis.MARKUP_MESSAGE,
                        "    see " + ProductInfo.ruleDocUrl("EB604"),
                        "org/x/Compiled.java:30: warning: [EB102] Wait on the condition, not in a sleep loop.",
                        "    see " + ProductInfo.ruleDocUrl("EB102"),
                        outside + ":3:5: warning: [EB604] Name the columns instead of *.",
                        "    see " + ProductInfo.ruleDocUrl("EB604"),
                        "src/main/java/org/x/Broken.java: error: Cannot parse: Parse error at line 3",
                        "lib/app.jar!/org/x/Weird.class: error: [EB101] Rule failed: IllegalStateException: boom",
                        "4 energy bugs in 4 files (EB101: 1, EB102: 1, EB604: 2); 2 processing errors; "
                                + "12 source files and 30 classes analysed in 0.8 s.",
                        "");
        assertThat(ProductInfo.ruleDocUrl("EB101")).startsWith("https://").endsWith("/EB101.md");
    }

    @Test
    void saysSoWhenThereIsNothingToReport() throws IOException {
        assertThat(render(SampleAnalysis.empty(tempDir)))
                .isEqualTo(
                        "No energy bugs found; no processing errors; 1 source file and 0 classes analysed in 0.0 s.\n");
    }

    @Test
    void listsTheSecondaryLocationsUnderTheFindingIndentedLikeItsDocLink() throws IOException {
        assertThat(render(SampleAnalysis.withSecondaryLocations(tempDir))
                        .lines()
                        .limit(4))
                .containsExactly(
                        "src/main/java/org/x/Orders.java:14:13: warning: [EB208] This loop sends one HTTP request per"
                                + " element.",
                        "    src/main/java/org/x/Orders.java:12:29: the loop that runs it once per element",
                        "    src/main/java/org/x/Client.java:7: the <b>request</b> load() makes",
                        "    see " + org.ecobugs.rules.ProductInfo.ruleDocUrl("EB208"));
    }

    @Test
    void namesTheConfigurationFileAfterTheSummary() throws IOException {
        ReportContext empty = SampleAnalysis.empty(tempDir);
        java.nio.file.Path file = java.nio.file.Files.writeString(
                java.nio.file.Files.createDirectories(empty.baseDir().resolve("config"))
                        .resolve("ecobugs.yml"),
                "");
        String text = render(empty.withSettings(
                org.ecobugs.rules.settings.ProjectSettings.read(file, org.ecobugs.rules.meta.RuleCatalog.builtIn())));
        assertThat(text).endsWith("analysed in 0.0 s.\nConfiguration: config/ecobugs.yml.\n");
    }

    private static String render(ReportContext context) throws IOException {
        StringWriter out = new StringWriter();
        new TextReport().write(context, out);
        return out.toString();
    }
}
