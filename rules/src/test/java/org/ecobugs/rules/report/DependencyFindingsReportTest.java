package org.ecobugs.rules.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import org.ecobugs.rules.ProductInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dependency findings sit on the POM; suppressed ones are shown as such and counted nowhere. */
class DependencyFindingsReportTest {

    @TempDir
    Path tempDir;

    @Test
    void textShowsThePomLineAndTheSuppressedFindingAsANote() throws IOException {
        String report = render(ReportFormat.TEXT);
        assertThat(report.split("\n", -1))
                .containsExactly(
                        "pom.xml:12:5: warning: [EB401] Remove the unused dependency a:b:1.0.",
                        "    see " + ProductInfo.ruleDocUrl("EB401"),
                        "pom.xml:20:5: note: [EB401] suppressed (a dependency listed as used in the build configuration): Remove"
                                + " the unused dependency c:d:2.0.",
                        "1 energy bug in 1 file (EB401: 1), 1 suppressed; no processing errors; 1 source file and"
                                + " 1 class analysed in 0.0 s.",
                        "");
    }

    @Test
    void jsonListsSuppressedFindingsApartWithTheirOrigin() throws IOException {
        JsonNode report = new ObjectMapper().readTree(render(ReportFormat.JSON));
        assertThat(report.at("/summary/findings").intValue()).isEqualTo(1);
        assertThat(report.at("/summary/suppressed").intValue()).isEqualTo(1);
        assertThat(report.at("/findings/0/file").textValue()).isEqualTo("pom.xml");
        assertThat(report.at("/findings/0/origin").textValue()).isEqualTo("DEPENDENCIES");
        assertThat(report.at("/suppressed/0/line").intValue()).isEqualTo(20);
        assertThat(report.at("/suppressed/0/message").textValue()).isEqualTo("Remove the unused dependency c:d:2.0.");
    }

    @Test
    void sarifMarksTheSuppressedResult() throws IOException {
        JsonNode results =
                new ObjectMapper().readTree(render(ReportFormat.SARIF)).at("/runs/0/results");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).has("suppressions")).isFalse();
        assertThat(results.get(0)
                        .at("/locations/0/physicalLocation/artifactLocation/uri")
                        .textValue())
                .isEqualTo("pom.xml");
        assertThat(results.get(1).at("/suppressions/0/kind").textValue()).isEqualTo("external");
        assertThat(results.get(1)
                        .at("/locations/0/physicalLocation/region/startLine")
                        .intValue())
                .isEqualTo(20);
    }

    @Test
    void htmlHasASuppressedSection() throws IOException {
        String html = render(ReportFormat.HTML);
        assertThat(html).contains("<section id=\"suppressed\">", "pom.xml:20:5", "c:d:2.0");
        assertThat(html.indexOf("c:d:2.0")).isGreaterThan(html.indexOf("<section id=\"suppressed\">"));
    }

    private String render(ReportFormat format) throws IOException {
        StringWriter out = new StringWriter();
        Reports.writer(format).write(SampleAnalysis.withDependencyFindings(tempDir), out);
        return out.toString();
    }
}
