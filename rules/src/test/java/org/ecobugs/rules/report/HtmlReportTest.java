package org.ecobugs.rules.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import org.ecobugs.rules.ProductInfo;
import org.ecobugs.rules.meta.RgesnCriteria;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @TempDir
    Path tempDir;

    private String html;

    @BeforeEach
    void render() throws IOException {
        StringWriter out = new StringWriter();
        new HtmlReport().write(new SampleAnalysis(tempDir).context(), out);
        html = out.toString();
    }

    @Test
    void escapesMarkupFromMessages() {
        assertThat(html).doesNotContainIgnoringCase("<script");
        assertThat(html)
                .contains("<td>Name the columns instead of * in &lt;script&gt;alert(&quot;&amp;&#39;&quot;)"
                        + "&lt;/script&gt;.</td>");
    }

    @Test
    void escapesEveryCharacterThatMeansSomethingInHtml() {
        assertThat(HtmlReport.escape("<a href=\"x\">Tom & Jerry's</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
    }

    @Test
    void isSelfContained() {
        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">");
        assertThat(html).contains("<meta charset=\"utf-8\">", "<style>");
        assertThat(html).doesNotContain("<link", "src=\"", "@import", "url(");
        assertThat(html.replace("href=\"https://github.com/", "").replace("href=\"#", ""))
                .as("the only links are the rule documentation and the page's own anchors")
                .doesNotContain("href=");
        assertThat(html).endsWith("</html>\n");
    }

    @Test
    void opensWithTheSummaryAndCountsByFamilyAndRule() {
        assertThat(html)
                .contains("<p class=\"summary\">4 energy bugs in 4 files (EB101: 1, EB102: 1, EB604: 2); "
                        + "2 processing errors; 12 source files and 30 classes analysed in 0.8 s.</p>");
        assertThat(html).contains("<tr><td>Polling and wake-ups</td><td class=\"number\">2</td></tr>");
        assertThat(html).contains("<tr><td>Data access</td><td class=\"number\">2</td></tr>");
        assertThat(html)
                .contains("<tr><td><a href=\"#rule-EB604\">EB604</a></td><td>SQL queries should select the columns "
                        + "they use, not *</td><td><span class=\"severity severity-minor\">minor</span></td>"
                        + "<td class=\"number\">2</td></tr>");
    }

    @Test
    void listsFindingsWithTheirLocationAndALinkToTheRule() {
        assertThat(html)
                .contains("<tr><td class=\"location\">src/main/java/org/x/Poller.java:12:9</td><td><a href=\""
                        + ProductInfo.ruleDocUrl("EB101") + "\">EB101</a></td>"
                        + "<td><span class=\"severity severity-major\">major</span></td>"
                        + "<td>Block on a latch instead of spinning.</td></tr>");
        assertThat(html).contains("<td class=\"location\">org/x/Compiled.java:30</td>");
        assertThat(html).contains("<td class=\"location\">src/main/java/org/x/My Dao.java:7:20</td>");
    }

    @Test
    void listsProcessingErrors() {
        assertThat(html)
                .contains("<tr><td class=\"location\">src/main/java/org/x/Broken.java</td><td></td>"
                        + "<td>unparsable source</td><td>Cannot parse: Parse error at line 3</td></tr>");
        assertThat(html)
                .contains("<tr><td class=\"location\">lib/app.jar!/org/x/Weird.class</td><td>EB101</td>"
                        + "<td>rule failure</td><td>Rule failed: IllegalStateException: boom</td></tr>");
    }

    @Test
    void explainsEachRuleThatFoundSomethingWithItsRgesnCriteria() {
        assertThat(html).contains("<article id=\"rule-EB101\">", "<article id=\"rule-EB102\">");
        assertThat(html).contains("<article id=\"rule-EB604\">");
        assertThat(html).as("EB201 ran but found nothing").doesNotContain("rule-EB201");
        assertThat(html).contains("<h3>EB101 — Waiting should block on the event, not spin on a condition</h3>");
        String criterion26 =
                RgesnCriteria.get().find("RGESN-2024:2.6").orElseThrow().title();
        assertThat(criterion26).startsWith("Le service numérique");
        assertThat(html)
                .contains("<li>RGESN-2024:2.6 — <span lang=\"fr\">" + HtmlReport.escape(criterion26) + "</span></li>");
        assertThat(html).contains("<h4>Why it costs energy</h4>\n<p>A spinning thread keeps a core at full load");
        assertThat(html).contains("<a href=\"" + ProductInfo.ruleDocUrl("EB604") + "\">Documentation of EB604</a>");
    }

    @Test
    void saysSoWhenThereIsNothingToReport() throws IOException {
        StringWriter out = new StringWriter();
        new HtmlReport().write(SampleAnalysis.empty(tempDir), out);

        assertThat(out.toString())
                .contains("<p>No energy bugs found.</p>")
                .doesNotContain("<article", "id=\"errors\"", "id=\"summary\"");
    }

    @Test
    void creditsTheRgesnInTheFooter() {
        assertThat(html).contains("<footer>", "Generated by ecobugs " + SampleAnalysis.VERSION);
        assertThat(html).contains(HtmlReport.escape(RgesnCriteria.CREDIT));
        assertThat(html.indexOf(HtmlReport.escape(RgesnCriteria.CREDIT))).isGreaterThan(html.indexOf("<footer>"));
    }
}
