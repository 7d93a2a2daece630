package org.ecobugs.rules.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.ProductInfo;
import org.ecobugs.rules.Suppression;
import org.ecobugs.rules.meta.RgesnCriteria;
import org.ecobugs.rules.meta.RuleCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>");
    private static final Set<String> ELEMENTS_OF_THE_PAGE = Set.of(
            "html", "head", "meta", "title", "style", "body", "header", "nav", "h1", "h2", "h3", "h4", "p", "main",
            "section", "div", "table", "caption", "thead", "tbody", "tr", "th", "td", "a", "span", "svg", "rect",
            "code", "pre", "mark", "article", "label", "select", "option", "output", "ul", "li", "footer", "script");

    @TempDir
    Path tempDir;

    private SampleAnalysis sample;
    private String html;

    @BeforeEach
    void render() throws IOException {
        sample = new SampleAnalysis(tempDir);
        html = render(sample.context());
    }

    @Test
    void escapesMarkupFromMessages() {
        assertThat(html)
                .contains("<p class=\"message\">Name the columns instead of * in &lt;script&gt;alert(&quot;&amp;&#39;"
                        + "&quot;)&lt;/script&gt;.</p>");
        assertThat(tagNames(html)).containsOnlyOnce("script");
    }

    @Test
    void escapesEveryCharacterThatMeansSomethingInHtml() {
        assertThat(HtmlReport.escape("<a href=\"x\">Tom & Jerry's</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
    }

    @Test
    void isSelfContained() {
        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">");
        assertThat(html).contains("<meta charset=\"utf-8\">", "<style>", "<script>");
        assertThat(html).doesNotContain("<link", "src=\"", "@import", "url(");
        assertThat(html.replace("href=\"https://github.com/", "").replace("href=\"#", ""))
                .as("the only links are the rule documentation and the page's own anchors")
                .doesNotContain("href=");
        assertThat(html).endsWith("</html>\n");
    }

    @Test
    void itsContentSecurityPolicyAllowsExactlyItsOwnStyleAndScript() throws Exception {
        Matcher policy = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">")
                .matcher(html);
        assertThat(policy.find()).isTrue();
        String style = between(html, "<style>", "</style>");
        String script = between(html, "<script>", "</script>");

        assertThat(policy.group(1))
                .startsWith("default-src 'none'; ")
                .contains("style-src '" + sha256(style) + "'", "script-src '" + sha256(script) + "'")
                .doesNotContain("unsafe-inline", "http");
        assertThat(html.indexOf("Content-Security-Policy")).isLessThan(html.indexOf("<style>"));
        assertThat(script).contains("getAttribute('data-").doesNotContain("innerHTML", "eval(", "http");
    }

    @Test
    void opensWithTheSummaryAndChartsByFamilySeverityCriterionAndRule() {
        assertThat(html)
                .contains("<p class=\"summary\">4 energy bugs in 4 files (EB101: 1, EB102: 1, EB604: 2); "
                        + "2 processing errors; 12 source files and 30 classes analysed in 0.8 s.</p>");
        String summary = between(html, "<section id=\"summary\">", "</section>");
        assertThat(summary)
                .contains("<tr><td>Polling and wake-ups</td><td class=\"number\">2</td>" + bar(100))
                .contains("<tr><td>Data access</td><td class=\"number\">2</td>" + bar(100))
                .doesNotContain("Payload and data transfer");
        assertThat(summary)
                .contains("<tr><td><span class=\"severity severity-major\">major</span></td><td class=\"number\">2"
                        + "</td>")
                .contains("<tr><td><span class=\"severity severity-minor\">minor</span></td><td class=\"number\">2"
                        + "</td>");
        // EB101 and EB102 answer 2.6 and 3.2, EB604 1.6 and 2.6: every finding counts under 2.6.
        assertThat(summary)
                .contains("<tr><td>RGESN-2024:2.6 — <span lang=\"fr\">"
                        + HtmlReport.escape(criterion("RGESN-2024:2.6")) + "</span></td><td class=\"number\">4</td>"
                        + bar(100))
                .contains("<tr><td>RGESN-2024:3.2 — ", "</span></td><td class=\"number\">2</td>" + bar(50))
                .contains("<tr><td>RGESN-2024:1.6 — ");
        assertThat(summary.indexOf("RGESN-2024:1.6"))
                .as("criteria in the RGESN's order")
                .isLessThan(summary.indexOf("RGESN-2024:2.6"));
        assertThat(summary)
                .contains("<tr><td><a href=\"#rule-EB604\">EB604</a></td><td>SQL queries should select the columns "
                        + "they use, not *</td><td><span class=\"severity severity-minor\">minor</span></td>"
                        + "<td class=\"number\">2</td>" + bar(100))
                .contains("<td><a href=\"#rule-EB101\">EB101</a></td>", "<td class=\"number\">1</td>" + bar(50));
    }

    @Test
    void namesTheConfigurationFileInItsHeaderAndShowsTheSeveritiesItSets() throws IOException {
        assertThat(html).doesNotContain("Configuration:");
        String configured = render(sample.configured("rules:\n  EB101:\n    severity: BLOCKER\n"));
        assertThat(between(configured, "<header>", "</header>"))
                .contains("<p class=\"configuration\">Configuration: <code>ecobugs.yml</code></p>");
        // EB101's finding is the sample's only one of that rule.
        assertThat(configured).contains("<option value=\"blocker\">blocker</option>");
        assertThat(html).doesNotContain("<option value=\"blocker\">blocker</option>");
    }

    @Test
    void listsTheSecondaryLocationsUnderTheMessageEscaped() throws IOException {
        String page = render(SampleAnalysis.withSecondaryLocations(tempDir));
        assertThat(page)
                .contains("<ul class=\"secondaries\">\n"
                        + "<li><span class=\"location\">src/main/java/org/x/Orders.java:12:29</span> the loop that runs"
                        + " it once per element</li>\n"
                        + "<li><span class=\"location\">src/main/java/org/x/Client.java:7</span> the &lt;b&gt;request&lt;/b&gt;"
                        + " load() makes</li>\n</ul>")
                .doesNotContain("<b>request");
        assertThat(html).doesNotContain("class=\"secondaries\"");
    }

    @Test
    void linksToTheSectionsItHasFromItsHeader() throws IOException {
        assertThat(between(html, "<header>", "</header>"))
                .contains("<nav aria-label=\"Contents\"><a href=\"#summary\">Summary</a> · <a href=\"#findings\">"
                        + "Findings</a> · <a href=\"#errors\">Processing errors</a> · <a href=\"#rules\">Rules</a>"
                        + "</nav>");
        assertThat(render(SampleAnalysis.empty(tempDir)))
                .contains("<nav aria-label=\"Contents\"><a href=\"#findings\">Findings</a></nav>");
    }

    @Test
    void groupsTheFindingsInASectionPerFileSortedByPath() {
        String findings = between(html, "<div id=\"findings-by-file\">", "<div id=\"findings-flat\" hidden>");
        List<String> headings = new ArrayList<>();
        Matcher heading = Pattern.compile("<h3><code>([^<]*)</code> <span class=\"count\">")
                .matcher(findings);
        while (heading.find()) {
            headings.add(heading.group(1));
        }

        String outside = ReportContext.withForwardSlashes(sample.outside);
        assertThat(headings)
                .containsExactly(
                        outside,
                        "org/x/Compiled.java",
                        "src/main/java/org/x/My Dao.java",
                        "src/main/java/org/x/Poller.java")
                .isSorted();
        assertThat(fileSection(findings, "src/main/java/org/x/Poller.java"))
                .contains("<span class=\"count\">1 finding</span>")
                .contains("<p class=\"finding-head\"><span class=\"location\">src/main/java/org/x/Poller.java:12:9"
                        + "</span> <a href=\"" + ProductInfo.ruleDocUrl("EB101") + "\" title=\"Waiting should block"
                        + " on the event, not spin on a condition\">EB101</a> <span class=\"severity severity-major\">"
                        + "major</span> <span class=\"family\">Polling and wake-ups</span></p>\n"
                        + "<p class=\"message\">Block on a latch instead of spinning.</p>");
        assertThat(fileSection(findings, "org/x/Compiled.java"))
                .contains("<span class=\"location\">org/x/Compiled.java:30</span>");
        assertThat(html)
                .as("without a baseline nothing is new or known")
                .doesNotContain("data-state=", "<span class=\"state ", "data-filter=\"state\"");
    }

    @Test
    void severalFindingsOfAFileAreOrderedByLineInItsSection() throws IOException {
        Path dao = sample.daoWithSpace;
        String page = renderFindings(
                finding("EB604", dao, 30, 1, "third"),
                finding("EB101", dao, 4, 1, "first"),
                finding("EB604", dao, 9, 1, "second"));

        assertThat(page.split("<section class=\"file\"", -1)).hasSize(2);
        assertThat(page).contains("<span class=\"count\">3 findings</span>");
        assertThat(page.indexOf(">first</p>"))
                .isLessThan(page.indexOf(">second</p>"))
                .isLessThan(page.indexOf(">third</p>"));
    }

    @Test
    void showsTheReportedLinesAndTwoAroundThemWithTheConstructMarked() throws IOException {
        List<String> lines = new ArrayList<>();
        IntStream.rangeClosed(1, 20).forEach(n -> lines.add("        int line" + n + " = " + n + ";"));
        lines.set(11, "        while (!ready) {");
        lines.set(12, "            Thread.onSpinWait();");
        lines.set(13, "        }");
        write(sample.poller, String.join("\n", lines) + "\n");

        String snippet = snippetOf(render(sample.context()), "Poller.java:12:9");

        assertThat(snippet)
                .isEqualTo("<pre class=\"snippet\"><code>"
                        + "<span class=\"ln\">10</span>        int line10 = 10;\n"
                        + "<span class=\"ln\">11</span>        int line11 = 11;\n"
                        + "<span class=\"ln reported\">12</span>        <mark>while (!ready) {</mark>\n"
                        + "<span class=\"ln reported\">13</span>            <mark>Thread.onSpinWait();</mark>\n"
                        + "<span class=\"ln reported\">14</span>        <mark>}</mark>\n"
                        + "<span class=\"ln\">15</span>        int line15 = 15;\n"
                        + "<span class=\"ln\">16</span>        int line16 = 16;"
                        + "</code></pre>");
    }

    @Test
    void marksTheColumnsOfAOneLineConstructAndTheWholeLineWhenOnlyTheLineIsKnown() throws IOException {
        write(
                sample.daoWithSpace,
                "class Dao {\n    String sql() {\n        return \"select * from patient\";\n" + "    }\n}\n");
        // A class file names its source relative to a source root; the report looks for it under the base directory.
        write(sample.baseDir.resolve(sample.classOnly), "class Compiled {\n\t\tThread.sleep(10);\n}\n");

        String page = renderFindings(
                new Finding("EB604", sample.daoWithSpace, 3, 16, 3, 39, "Name the columns.", Finding.Origin.SOURCE),
                new Finding("EB102", sample.classOnly, 2, 0, 0, 0, "Wait.", Finding.Origin.BYTECODE));

        assertThat(snippetOf(page, "My Dao.java:3:16"))
                .contains("<span class=\"ln reported\">3</span>        return <mark>&quot;select * from patient&quot;;"
                        + "</mark>\n");
        assertThat(snippetOf(page, "org/x/Compiled.java:2"))
                .contains("<span class=\"ln reported\">2</span>\t\t<mark>Thread.sleep(10);</mark>\n")
                .startsWith("<pre class=\"snippet\"><code><span class=\"ln\">1</span>class Compiled {\n");
    }

    @Test
    void aSourceThatCannotBeReadGivesNoSnippetAndTheReportGoesOn() {
        // None of the sample's files exists: bytecode-only findings and sources deleted since the analysis.
        assertThat(html).doesNotContain("<pre class=\"snippet\">");
        assertThat(html.split("<article class=\"finding\"", -1)).hasSize(1 + 4);
        assertThat(html).contains("<section id=\"errors\">", "<section id=\"rules\">", "<footer>");
    }

    @Test
    void aClassFileCannotNameASourceOutsideTheProject() throws IOException {
        Path secret = tempDir.resolve("secret.txt");
        write(secret, "line one\nkey=hunter2\n");
        Path climbing = sample.baseDir.relativize(secret);
        assertThat(climbing.toString()).startsWith("..");

        String page = renderFindings(new Finding("EB102", climbing, 2, 0, 0, 0, "Wait.", Finding.Origin.BYTECODE));

        assertThat(page).contains("<span class=\"location\">" + HtmlReport.escape(climbing + ":2") + "</span>");
        assertThat(page).doesNotContain("hunter2", "<pre class=\"snippet\">");
    }

    @Test
    void capsWhatItReadsAndShows() throws IOException {
        String longLine = "x".repeat(5_000) + "while (spinning) {}" + "y".repeat(5_000);
        write(sample.poller, "class Poller {\n" + longLine + "\n}\n");
        Files.write(sample.daoWithSpace, new byte[SourceSnippets.MAX_FILE_BYTES + 1]);
        String page = renderFindings(
                new Finding("EB101", sample.poller, 2, 5_001, 2, 5_019, "Block.", Finding.Origin.SOURCE),
                finding("EB604", sample.daoWithSpace, 1, 1, "Name."));

        assertThat(page.length()).isLessThan(40_000);
        String reported = snippetOf(page, "Poller.java:2:5001")
                .lines()
                .filter(line -> line.startsWith("<span class=\"ln reported\">"))
                .findFirst()
                .orElseThrow();
        assertThat(reported)
                .as("the long line is cut around the construct, which stays visible")
                .contains("<mark>while (spinning) {}</mark>")
                .startsWith("<span class=\"ln reported\">2</span>…" + "x".repeat(40) + "<mark>")
                .endsWith("y…");
        assertThat(reported.replaceAll("<[^>]*>", "").length()).isLessThanOrEqualTo(SourceSnippets.MAX_LINE_CHARS + 3);
        assertThat(snippetOf(page, "My Dao.java:1:1"))
                .as("a file over the cap is not read")
                .isEmpty();
    }

    @Test
    void replacesWhatWouldNotDisplayAsItself() throws IOException {
        byte[] malformed = {'i', 'n', 't', ' ', (byte) 0xC3, (byte) 0x28, ';'};
        Files.createDirectories(sample.poller.getParent());
        Files.write(sample.poller, concat("class A {\n".getBytes(StandardCharsets.UTF_8), malformed));
        write(sample.daoWithSpace, "\uFEFFString s = \"\u202Eevil\u0000\";\n");

        String page = renderFindings(
                finding("EB101", sample.poller, 2, 0, "Block."), finding("EB604", sample.daoWithSpace, 1, 0, "Name."));

        assertThat(snippetOf(page, "Poller.java:2")).contains("<mark>int \uFFFD(;</mark>");
        assertThat(snippetOf(page, "My Dao.java:1"))
                .as("the byte-order mark is dropped; a bidirectional override and a NUL are replaced")
                .contains("<span class=\"ln reported\">1</span><mark>String s = &quot;\uFFFDevil\uFFFD&quot;;</mark>");
    }

    @Test
    void hostileTextFromTheCodePathsAndMessagesStaysText() throws IOException {
        String scriptTag = "<script>alert(1)</script>";
        String imgTag = "\"><img src=x onerror=alert(2)>";
        Path hostile = sample.baseDir.resolve("src/" + imgTag + ".java");
        write(hostile, "class X {\n    String a = \"" + scriptTag + "\";\n    // </script><svg onload=alert(3)>\n}\n");
        String message = "Avoid </script><script>alert(4)</script> and " + imgTag + " and '><a href=javascript:x>";
        String page = renderFindings(
                new Finding("EB101", hostile, 2, 16, 2, 43, message, Finding.Origin.SOURCE),
                finding("EB102", hostile, 3, 0, scriptTag));

        assertThat(tagNames(page)).isSubsetOf(ELEMENTS_OF_THE_PAGE).containsOnlyOnce("script");
        assertThat(tagNames(page).stream().filter("svg"::equals).count())
                .as("only the summary's bars")
                .isEqualTo(chartBars(page));
        Matcher tag = TAG.matcher(page);
        while (tag.find()) {
            assertThat(tag.group(3))
                    .doesNotContainIgnoringCase("onerror")
                    .doesNotContainIgnoringCase("onload")
                    .doesNotContain("javascript:");
        }
        assertThat(page)
                .contains("<h3><code>src/&quot;&gt;&lt;img src=x onerror=alert(2)&gt;.java</code>")
                .contains("&lt;/script&gt;&lt;script&gt;alert(4)&lt;/script&gt; and &quot;&gt;&lt;img src=x")
                .contains("<mark>&quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;;</mark>")
                .contains("<mark>// &lt;/script&gt;&lt;svg onload=alert(3)&gt;</mark>")
                .contains("<p class=\"message\">&lt;script&gt;alert(1)&lt;/script&gt;</p>");
        assertThat(page.indexOf("</script>")).isEqualTo(page.lastIndexOf("</script>"));
    }

    @Test
    void withABaselineListsKnownFindingsMarkedAndCountsThemApart() throws IOException {
        Finding poller = sample.result.findings().get(0);
        Path baselineFile = baselineOf(allBut(poller));

        ReportContext compared = sample.context().withBaseline(Baseline.read(baselineFile));
        String page = render(compared);

        assertThat(compared.result().findings()).containsExactly(poller);
        assertThat(page)
                .contains("<p class=\"baseline\">Compared with the baseline <code>"
                        + ReportContext.withForwardSlashes(baselineFile) + "</code>: 1 new finding reported; 3 known "
                        + "findings listed, marked known and not counted; 0 of its findings gone.</p>");
        assertThat(articleOf(page, "Poller.java:12:9"))
                .startsWith("<article class=\"finding\" ")
                .contains("data-state=\"new\"", "<span class=\"state state-new\">new</span>");
        for (String known : List.of("org/x/Compiled.java:30", "My Dao.java:7:20", "Other.java:3:5")) {
            assertThat(articleOf(page, known))
                    .startsWith("<article class=\"finding known\" ")
                    .contains(
                            "data-state=\"known\"", "<span class=\"state state-known\">known from the baseline</span>");
        }
        assertThat(page)
                .contains(
                        "<label>Baseline<select data-filter=\"state\"><option value=\"new\" selected>new only</option>")
                .doesNotContain("<section id=\"suppressed\">");
        String summary = between(page, "<section id=\"summary\">", "</section>");
        assertThat(summary)
                .contains("<th class=\"number\">New</th><th class=\"number\">Known</th>")
                .contains("<tr><td>Polling and wake-ups</td><td class=\"number\">1</td><td class=\"number\">1</td>"
                        + "<td class=\"bar\" aria-hidden=\"true\"><svg viewBox=\"0 0 100 10\" preserveAspectRatio="
                        + "\"none\" focusable=\"false\"><rect class=\"bar-track\" width=\"100\" height=\"10\"/>"
                        + "<rect class=\"bar-new\" width=\"50.0\" height=\"10\"/><rect class=\"bar-known\" x=\"50.0\""
                        + " width=\"50.0\" height=\"10\"/></svg></td></tr>")
                .contains("<tr><td>Data access</td><td class=\"number\">0</td><td class=\"number\">2</td>");
        assertThat(page)
                .as("the rules of known findings are explained too")
                .contains("<article id=\"rule-EB604\">", "<article id=\"rule-EB102\">");
    }

    @Test
    void withABaselineListsWhatIsGoneAndKeepsTheSuppressedInTheSourceApart() throws IOException {
        Finding poller = sample.result.findings().get(0);
        List<Finding> others = allBut(poller);
        List<Finding> before = new ArrayList<>(others);
        before.add(finding("EB102", sample.baseDir.resolve("src/Gone.java"), 5, 9, "Gone wait."));
        Path baselineFile = baselineOf(before);
        AnalysisResult all = sample.result;
        AnalysisResult now = new AnalysisResult(
                others,
                all.errors(),
                all.rulesRun(),
                all.sourceFiles(),
                all.classFiles(),
                all.timings(),
                List.of(poller),
                Map.of(
                        poller,
                        new Suppression(Suppression.Kind.IN_SOURCE, "@SuppressWarnings(\"ecobugs:EB101\") on spin")));

        String page = render(new ReportContext(now, RuleCatalog.builtIn(), sample.baseDir, SampleAnalysis.VERSION)
                .withBaseline(Baseline.read(baselineFile)));

        assertThat(page)
                .contains(": 0 new findings reported; 3 known findings listed, marked known and not counted; 1 of its"
                        + " findings gone.</p>")
                .contains("<a href=\"#suppressed\">Suppressed</a> · <a href=\"#gone\">Gone since the baseline</a>");
        assertThat(between(page, "<section id=\"gone\">", "</section>"))
                .contains("<tr><td class=\"location\">src/Gone.java:5</td><td>EB102</td><td>Gone wait.</td></tr>");
        assertThat(between(page, "<section id=\"suppressed\">", "</section>"))
                .contains("<tr><td class=\"location\">src/main/java/org/x/Poller.java:12:9</td><td><a href=\""
                        + ProductInfo.ruleDocUrl("EB101") + "\">EB101</a></td><td>@SuppressWarnings(&quot;ecobugs:EB101"
                        + "&quot;) on spin</td><td>Block on a latch instead of spinning.</td></tr>")
                .doesNotContain("Compiled.java", "known from the baseline");
        assertThat(between(page, "<section id=\"findings\">", "<section id=\"suppressed\">"))
                .doesNotContain("Poller.java")
                .contains("known from the baseline");
    }

    @Test
    void offersSortingAndFiltersOnlyToTheScriptWhichReadsDataAttributes() {
        String controls = between(html, "<div class=\"controls\" id=\"finding-controls\"", "</div>");
        assertThat(controls)
                .startsWith(" role=\"group\" aria-label=\"Sort and filter the findings\" hidden>")
                .contains("<option value=\"file\" selected>by file and line</option>"
                        + "<option value=\"severity\">by severity</option><option value=\"rule\">by rule</option>")
                .contains("<option value=\"EB101\">EB101 — Waiting should block on the event, not spin on a condition"
                        + "</option>")
                .contains("<option value=\"polling\">Polling and wake-ups</option>")
                .contains("<option value=\"data-access\">Data access</option>")
                .contains("<option value=\"major\">major</option><option value=\"minor\">minor</option>");
        assertThat(articleOf(html, "Poller.java:12:9"))
                .startsWith("<article class=\"finding\" id=\"finding-4\" data-section=\"file-4\" data-rule=\"EB101\""
                        + " data-family=\"polling\" data-severity=\"major\" data-severity-rank=\"2\">");
        assertThat(html)
                .contains("<section class=\"file\" id=\"file-4\">")
                .contains("<p id=\"findings-no-match\" class=\"no-match\" hidden>");
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
        String criterion26 = criterion("RGESN-2024:2.6");
        assertThat(criterion26).startsWith("Le service numérique");
        assertThat(html)
                .contains("<li>RGESN-2024:2.6 — <span lang=\"fr\">" + HtmlReport.escape(criterion26) + "</span></li>");
        assertThat(html).contains("<h4>Why it costs energy</h4>\n<p>A spinning thread keeps a core at full load");
        assertThat(html).contains("<a href=\"" + ProductInfo.ruleDocUrl("EB604") + "\">Documentation of EB604</a>");
    }

    @Test
    void saysSoWhenThereIsNothingToReport() throws IOException {
        String page = render(SampleAnalysis.empty(tempDir));

        assertThat(page)
                .contains("<p>No energy bugs found.</p>")
                .doesNotContain("<article", "id=\"errors\"", "id=\"summary\"", "id=\"finding-controls\"");
        assertThat(page).as("the script finds nothing to sort and stays idle").contains("<script>");
    }

    @Test
    void creditsTheRgesnInTheFooter() {
        assertThat(html).contains("<footer>", "Generated by ecobugs " + SampleAnalysis.VERSION);
        assertThat(html).contains(HtmlReport.escape(RgesnCriteria.CREDIT));
        assertThat(html.indexOf(HtmlReport.escape(RgesnCriteria.CREDIT))).isGreaterThan(html.indexOf("<footer>"));
    }

    private static String render(ReportContext context) throws IOException {
        StringWriter out = new StringWriter();
        new HtmlReport().write(context, out);
        return out.toString();
    }

    /** The page of an analysis of the sample's project that found these, and ran only their rules. */
    private String renderFindings(Finding... findings) throws IOException {
        List<String> rules = Arrays.stream(findings)
                .map(Finding::ruleKey)
                .distinct()
                .sorted()
                .toList();
        AnalysisResult result =
                new AnalysisResult(List.of(findings), List.of(), rules, findings.length, 0, sample.result.timings());
        return render(new ReportContext(result, RuleCatalog.builtIn(), sample.baseDir, SampleAnalysis.VERSION));
    }

    private List<Finding> allBut(Finding left) {
        List<Finding> findings = new ArrayList<>(sample.result.findings());
        findings.remove(left);
        return findings;
    }

    /** A baseline of the sample's project when the analysis reported these findings. */
    private Path baselineOf(List<Finding> findings) throws IOException {
        AnalysisResult all = sample.result;
        AnalysisResult then = new AnalysisResult(
                findings, all.errors(), all.rulesRun(), all.sourceFiles(), all.classFiles(), all.timings());
        Path file = tempDir.resolve("baseline.json");
        Baseline.write(new ReportContext(then, RuleCatalog.builtIn(), sample.baseDir, SampleAnalysis.VERSION), file);
        return file;
    }

    /** A finding whose end is unknown; column 0 when only its line is. */
    private static Finding finding(String rule, Path file, int line, int column, String message) {
        return new Finding(rule, file, line, column, 0, 0, message, Finding.Origin.SOURCE);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static String criterion(String id) {
        return RgesnCriteria.get().find(id).orElseThrow().title();
    }

    /** The markup of one summary bar, alone on its row, at a width in percent of the longest. */
    private static String bar(int percent) {
        return "<td class=\"bar\" aria-hidden=\"true\"><svg viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\""
                + " focusable=\"false\"><rect class=\"bar-track\" width=\"100\" height=\"10\"/><rect class=\"bar-new\""
                + " width=\"" + percent + ".0\" height=\"10\"/></svg></td></tr>";
    }

    private static long chartBars(String page) {
        return page.split("<td class=\"bar\"", -1).length - 1;
    }

    /** The elements of a page, by name, in the order they open. */
    private static List<String> tagNames(String page) {
        List<String> names = new ArrayList<>();
        Matcher tag = TAG.matcher(page);
        while (tag.find()) {
            if (tag.group(1).isEmpty()) {
                names.add(tag.group(2).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return names;
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("%s is in the page", start).isNotNegative();
        int to = text.indexOf(end, from + start.length());
        assertThat(to).as("%s follows %s", end, start).isNotNegative();
        return text.substring(from + start.length(), to);
    }

    private static String fileSection(String findings, String path) {
        return between(findings, "<h3><code>" + HtmlReport.escape(path) + "</code>", "</section>");
    }

    /** The article of the finding whose location ends with {@code location}. */
    private static String articleOf(String page, String location) {
        int at = page.indexOf(HtmlReport.escape(location) + "</span>");
        assertThat(at).as("a finding at %s", location).isNotNegative();
        int start = page.lastIndexOf("<article class=\"finding", at);
        return page.substring(start, page.indexOf("</article>", at));
    }

    /** The snippet of the finding at {@code location}, or an empty string when it has none. */
    private static String snippetOf(String page, String location) {
        String article = articleOf(page, location);
        int start = article.indexOf("<pre class=\"snippet\">");
        return start < 0 ? "" : article.substring(start, article.indexOf("</pre>", start) + "</pre>".length());
    }

    private static String sha256(String text) throws Exception {
        return "sha256-"
                + Base64.getEncoder()
                        .encodeToString(
                                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
