package org.ecobugs.rules.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ecobugs.rules.Analysis;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.ProductInfo;
import org.ecobugs.rules.meta.RuleCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingFingerprintsTest {

    private static final String SPIN = "        while (!ready) {\n            Thread.onSpinWait();\n        }\n";
    private static final Pattern FINGERPRINT = Pattern.compile("\"ecobugsFindingHash/v1\":\"([0-9a-f]{32})\"");

    @TempDir
    Path dir;

    @Test
    void aFindingKeepsItsFingerprintWhenCodeAboveItChangesAndTwinsStayApart() throws IOException {
        String twoSpins = "    void first() {\n" + SPIN + "    }\n    void second() {\n" + SPIN + "    }\n";
        List<String> before =
                fingerprints("package lab;\nclass Wait {\n    volatile boolean ready;\n" + twoSpins + "}\n");
        List<String> moved = fingerprints("package lab;\nimport java.util.List;\n\n/** Waits. */\nclass Wait {\n"
                + "    volatile boolean ready;\n    int unrelated() { return 1; }\n" + twoSpins + "}\n");
        List<String> edited = fingerprints("package lab;\nclass Wait {\n    volatile boolean ready;\n"
                + twoSpins.replaceFirst("while \\(!ready\\)", "while (ready == false)") + "}\n");

        assertThat(before).hasSize(2).doesNotHaveDuplicates();
        assertThat(moved).isEqualTo(before);
        assertThat(edited).hasSize(2).doesNotContain(before.get(0)).contains(before.get(1));
    }

    @Test
    void theEnclosingMemberIsTheNearestLessIndentedDeclaration() {
        List<String> lines = List.of(
                "class Wait {",
                "    void first(int tries) {",
                "        if (tries > 0) {",
                "            while (!ready) {",
                "                Thread.onSpinWait();",
                "            }",
                "        }",
                "    }",
                "}");
        assertThat(FindingFingerprints.enclosingHeader(lines, 4)).isEqualTo("void first(int tries) {");
        assertThat(FindingFingerprints.enclosingHeader(lines, 2)).isEqualTo("class Wait {");
        assertThat(FindingFingerprints.enclosingHeader(lines, 1)).isEmpty();
    }

    private List<String> fingerprints(String source) throws IOException {
        Files.writeString(dir.resolve("Wait.java"), source);
        ReportContext context = new ReportContext(
                Analysis.run(AnalysisRequest.builder()
                        .addSourceRoot(dir)
                        .includeRules(Set.of("EB101"))
                        .threads(1)
                        .build()),
                RuleCatalog.builtIn(),
                dir,
                ProductInfo.version());
        StringWriter sarif = new StringWriter();
        Reports.writer(ReportFormat.SARIF).write(context, sarif);
        List<String> found = new ArrayList<>();
        Matcher matcher = FINGERPRINT.matcher(sarif.toString());
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
