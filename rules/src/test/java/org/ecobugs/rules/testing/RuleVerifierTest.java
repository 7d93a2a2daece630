package org.ecobugs.rules.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.Fix;
import org.ecobugs.rules.SecondaryLocation;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class RuleVerifierTest {

    private static final Path FILE = Path.of("Sample.java");
    private static final MarkerComparison.Scope SOURCE = new MarkerComparison.Scope(true, true, true);

    @Test
    void readsTheLineCountAndMessageForms() {
        Map<Integer, List<Markers.Expected>> expected = Markers.parse(
                "Sample.java",
                List.of(
                        "a(); // Noncompliant",
                        "b(); // Noncompliant 2",
                        "c(); // Noncompliant {{one}} {{two}}",
                        "// Noncompliant@+1 {{next}}",
                        "d();",
                        "e(); // Noncompliant@1"));
        assertThat(expected.get(1)).containsExactly(Markers.Expected.any(), Markers.Expected.any());
        assertThat(expected.get(2)).hasSize(2);
        assertThat(expected.get(3)).extracting(Markers.Expected::message).containsExactly("one", "two");
        assertThat(expected.get(5)).extracting(Markers.Expected::message).containsExactly("next");
        assertThat(expected).doesNotContainKeys(4, 6);
    }

    @Test
    void readsRangesSecondaryLocationsAndFixes() {
        List<String> lines = List.of(
                "for (String id : ids) {",
                "    load(id); // Noncompliant [[sc=5;ec=8;secondary=-1,3]] {{Load once.}} secondary@-1 {{the loop}}",
                "}",
                "x(); y(); // Noncompliant 2 [[sc=1;el=+1;ec=2]] [[sc=0]] {{by line}}",
                "",
                "z(); // Noncompliant [[sc=1;ec=3]] fix {{Use w}} {{w();}} fix {{Drop it}} {{}}");
        Map<Integer, List<Markers.Expected>> expected = Markers.parse("Sample.java", lines);

        assertThat(expected.get(2))
                .containsExactly(new Markers.Expected(
                        new Markers.Range(5, 2, 8),
                        "Load once.",
                        List.of(1, 3),
                        Map.of(1, "the loop"),
                        List.of(),
                        List.of(),
                        Map.of()));
        assertThat(expected.get(4))
                .containsExactly(
                        new Markers.Expected(
                                new Markers.Range(1, 5, 2), null, List.of(), Map.of(), List.of(), List.of(), Map.of()),
                        new Markers.Expected(
                                Markers.Range.LINE_ONLY,
                                "by line",
                                List.of(),
                                Map.of(),
                                List.of(),
                                List.of(),
                                Map.of()));
        assertThat(expected.get(6))
                .singleElement()
                .extracting(Markers.Expected::fixes)
                .isEqualTo(List.of(
                        new Markers.ExpectedFix("Use w", List.of("w();")),
                        new Markers.ExpectedFix("Drop it", List.of(""))));
    }

    @Test
    void aLineOfCodeEndingWithABraceKeepsItsBrace() {
        Map<Integer, List<Markers.Expected>> expected = Markers.parse(
                "Sample.java",
                List.of(
                        "if (a.matches(\"x\")) { go(); } // Noncompliant [[sc=5;ec=18]] fix {{Hoist}} {{if (X.matcher(a).matches()) { go(); }}}"));

        assertThat(expected.get(1).get(0).fixes())
                .containsExactly(new Markers.ExpectedFix("Hoist", List.of("if (X.matcher(a).matches()) { go(); }")));
    }

    @Test
    void configurationFilesWriteMarkersInHashComments() {
        Map<Integer, List<Markers.Expected>> expected = Markers.parse(
                "application.properties",
                List.of("# Noncompliant@+1 {{Too verbose.}}", "pretty=true", "compact=true # Noncompliant"));
        assertThat(expected.get(2)).extracting(Markers.Expected::message).containsExactly("Too verbose.");
        assertThat(expected.get(3)).containsExactly(Markers.Expected.any());
    }

    @Test
    void malformedMarkersFailNamingTheirLine() {
        assertMalformed("a(); // Noncompliant oops", "Sample.java:2: unexpected 'oops'");
        assertMalformed("a(); // Noncompliant 3 {{only one}}", "Sample.java:2: count 3 does not match the 1 findings");
        assertMalformed("a(); // Noncompliant@+5", "Sample.java:2: points at line 7, outside the file");
        assertMalformed("String s = \"Noncompliant\";", "Sample.java:2: 'Noncompliant' outside a // comment");
        assertMalformed("a(); // Noncompliant [[sc=3]]", "Sample.java:2: sc=3 needs its ec");
        assertMalformed("a(); // Noncompliant [[ec=3]]", "Sample.java:2: ec and el need sc");
        assertMalformed("a(); // Noncompliant [[sc=0;ec=3]]", "Sample.java:2: sc=0 is a finding without a range");
        assertMalformed("a(); // Noncompliant [[sc=x;ec=3]]", "Sample.java:2: sc=x is not a column");
        assertMalformed("a(); // Noncompliant [[sc=1;ec=3;col=4]]", "Sample.java:2: unknown attribute 'col'");
        assertMalformed("a(); // Noncompliant [[sc=1;ec=3;sc=2]]", "Sample.java:2: attribute 'sc' given twice");
        assertMalformed(
                "a(); // Noncompliant [[sc=1;el=-1;ec=3]]", "Sample.java:2: el=-1 ends before the finding's line");
        assertMalformed(
                "a(); // Noncompliant [[sc=1;ec=3;secondary=+9]]", "Sample.java:2: secondary points at line 11");
        assertMalformed("a(); // Noncompliant [[sc=1;ec=3;secondary=up]]", "Sample.java:2: secondary=up is not a line");
        assertMalformed(
                "a(); // Noncompliant [[sc=1;ec=3;secondary=+1]] secondary@-1 {{x}}",
                "Sample.java:2: secondary@-1 names no line of the finding's secondary= list");
        assertMalformed(
                "a(); // Noncompliant [[sc=1;ec=3;secondary=+1]] secondary@+1",
                "secondary@+1 needs its words in {{...}}");
        assertMalformed(
                "a(); // Noncompliant [[sc=1;ec=3]] fix {{Do it}}", "Sample.java:2: fix {{Do it}} states no line");
        assertMalformed("a(); // Noncompliant {{unterminated", "Sample.java:2: '{{' without its '}}'");
    }

    private static void assertMalformed(String line, String message) {
        assertThatThrownBy(() -> Markers.parse("Sample.java", List.of("", line, "", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Malformed marker at ")
                .hasMessageContaining(message);
    }

    @Test
    void countsMessagesAndExtraFindingsAreComparedLineByLine() {
        Map<Integer, List<Markers.Expected>> expected = Map.of(
                3, List.of(Markers.Expected.any().withMessage("right")),
                7, List.of(Markers.Expected.any()));
        String report = new MarkerComparison(lines(10), "//", new MarkerComparison.Scope(false, false, false))
                .compare(expected, Map.of(3, List.of(finding(3, "wrong")), 9, List.of(finding(9, "extra"))));

        assertThat(report)
                .contains("line 3: expected message {{right}}, found {{wrong}}")
                .contains("line 7: expected 1 finding(s), found 0")
                .contains("line 9: expected 0 finding(s), found 1")
                .contains("line 9: found [[sc=5;ec=9]] {{extra}}");
    }

    @Test
    void aWrongColumnFailsShowingBothRanges() {
        String report = compareLine3("a(); // Noncompliant [[sc=5;ec=10]]", finding(3, "m"));

        assertThat(report)
                .contains("line 3: expected [[sc=5;ec=10]], found [[sc=5;ec=9]]")
                .contains("line 3: found [[sc=5;ec=9]] {{m}}");
    }

    @Test
    void aRangeOverSeveralLinesNeedsItsEndLine() {
        Finding twoLines = new Finding("EB000", FILE, 3, 5, 4, 2, "m", Finding.Origin.SOURCE);

        assertThat(compareLine3("a(); // Noncompliant [[sc=5;el=+1;ec=2]]", twoLines))
                .isEmpty();
        assertThat(compareLine3("a(); // Noncompliant [[sc=5;ec=2]]", twoLines))
                .contains("expected [[sc=5;ec=2]], found [[sc=5;el=+1;ec=2]]");
    }

    @Test
    void aMarkerWithoutARangeFailsWhereRangesAreRequired() {
        assertThat(compareLine3("a(); // Noncompliant", finding(3, "m")))
                .contains("line 3: the marker gives no [[sc=..;ec=..]] (sc=5;ec=9)");
        assertThat(new MarkerComparison(lines(5), "//", new MarkerComparison.Scope(true, false, true))
                        .compare(Map.of(3, List.of(Markers.Expected.any())), Map.of(3, List.of(finding(3, "m")))))
                .isEmpty();
    }

    @Test
    void aFindingPlacedByLineMatchesScZeroOnly() {
        Finding byLine = new Finding("EB000", FILE, 3, 0, 0, 0, "m", Finding.Origin.BYTECODE);

        assertThat(compareLine3("a(); // Noncompliant [[sc=0]]", byLine)).isEmpty();
        assertThat(compareLine3("a(); // Noncompliant [[sc=5;ec=9]]", byLine))
                .contains("expected [[sc=5;ec=9]], found [[sc=0]]");
        assertThat(compareLine3("a(); // Noncompliant [[sc=0]]", finding(3, "m")))
                .contains("expected [[sc=0]], found [[sc=5;ec=9]]");
    }

    @Test
    void rangesAndFixesAreNotComparedForTheBytecodeWalkerAlone() {
        Finding byLine = new Finding("EB000", FILE, 3, 0, 0, 0, "m", Finding.Origin.BYTECODE);
        List<String> lines = withLine3("a(); // Noncompliant [[sc=5;ec=9]] fix {{Use b}} {{b();}}");

        assertThat(new MarkerComparison(lines, "//", new MarkerComparison.Scope(false, false, false))
                        .compare(Markers.parse("Sample.java", lines), Map.of(3, List.of(byLine))))
                .isEmpty();
    }

    @Test
    void twoFindingsOnALineAreMatchedByTheirRanges() {
        Finding first = new Finding("EB000", FILE, 3, 1, 3, 3, "one", Finding.Origin.SOURCE);
        Finding second = new Finding("EB000", FILE, 3, 6, 3, 8, "two", Finding.Origin.SOURCE);

        assertThat(compareLine3("a(); b(); // Noncompliant 2 [[sc=6;ec=8]] {{two}} [[sc=1;ec=3]]", second, first))
                .isEmpty();
        assertThat(compareLine3("a(); b(); // Noncompliant [[sc=1;ec=3]] {{one}} [[sc=6;ec=9]]", second, first))
                .contains("line 3: expected [[sc=6;ec=9]], found [[sc=6;ec=8]]")
                .doesNotContain("{{one}}");
    }

    @Test
    void everySecondaryLocationMustBeListed() {
        Finding withTwo =
                withSecondaries(3, new SecondaryLocation(FILE, 2, 1, 2, 3, "the loop"), secondary(5, "the sleep"));

        assertThat(compareLine3("a(); // Noncompliant [[sc=5;ec=9;secondary=-1,+2]]", withTwo))
                .isEmpty();
        assertThat(compareLine3("a(); // Noncompliant [[sc=5;ec=9]]", withTwo))
                .contains("line 3: unexpected secondary location at line 2 {{the loop}}")
                .contains("line 3: unexpected secondary location at line 5 {{the sleep}}")
                .contains("line 3: found [[sc=5;ec=9;secondary=-1,+2]] {{m}} secondary@-1 {{the loop}}"
                        + " secondary@+2 {{the sleep}}");
        assertThat(compareLine3("a(); // Noncompliant [[sc=5;ec=9;secondary=-1]]", withTwo))
                .contains("unexpected secondary location at line 5 {{the sleep}}")
                .doesNotContain("at line 2 {{");
        assertThat(compareLine3("a(); // Noncompliant [[sc=5;ec=9;secondary=-1,+2,4]]", withTwo))
                .contains("line 3: expected a secondary location at line 4, found none there");
        assertThat(compareLine3("a(); // Noncompliant [[sc=5;ec=9;secondary=4]]", finding(3, "m")))
                .contains("line 3: expected a secondary location at line 4, found none there");
    }

    @Test
    void aSecondaryLocationInAnotherFileIsNamedWithItsFile() {
        Finding elsewhere = withSecondaries(3, new SecondaryLocation(Path.of("Other.java"), 3, 1, 3, 2, "the helper"));

        assertThat(compareLine3("a(); // Noncompliant [[sc=5;ec=9;secondary=+0]]", elsewhere))
                .contains("unexpected secondary location at Other.java:3 {{the helper}}")
                .contains("expected a secondary location at line 3, found none there");
    }

    @Test
    void theWordsOfASecondaryLocationAreComparedWhenTheMarkerGivesThem() {
        Finding withLoop = withSecondaries(3, secondary(2, "the loop that runs it once per element"));

        assertThat(compareLine3(
                        "a(); // Noncompliant [[sc=5;ec=9;secondary=-1]] secondary@-1 {{the loop that runs it once per"
                                + " element}}",
                        withLoop))
                .isEmpty();
        assertThat(compareLine3(
                        "a(); // Noncompliant [[sc=5;ec=9;secondary=2]] {{m}} secondary@2 {{the sleep}}", withLoop))
                .contains("line 3: expected the secondary location at line 2 to say {{the sleep}}, found {{the loop"
                        + " that runs it once per element}}");
    }

    @Test
    void aFixIsComparedByItsDescriptionAndTheLinesItLeaves() {
        String line = "mapper.enable(INDENT); // Noncompliant [[sc=1;ec=21]] fix {{Write compact output}}";
        Fix disable = new Fix("Write compact output", List.of(new Fix.Edit(3, 8, 3, 13, "disable")));
        Finding fixable = withFix(disable);

        assertThat(compareLine3(line + " {{mapper.disable(INDENT);}}", fixable)).isEmpty();
        assertThat(compareLine3(line + " {{mapper.enable(COMPACT);}}", fixable))
                .contains("line 3: expected fix {{Write compact output}} {{mapper.enable(COMPACT);}},"
                        + " found fix {{Write compact output}} {{mapper.disable(INDENT);}}");
        assertThat(compareLine3(
                        "mapper.enable(INDENT); // Noncompliant [[sc=1;ec=21]] fix {{Indent less}} {{mapper.disable(INDENT);}}",
                        fixable))
                .contains("found fix {{Write compact output}} {{mapper.disable(INDENT);}}");
    }

    @Test
    void aFixTheMarkerDoesNotStateFailsAndSoDoesAStatedFixThatIsNotOffered() {
        Fix disable = new Fix("Write compact output", List.of(new Fix.Edit(3, 8, 3, 13, "disable")));

        assertThat(compareLine3("mapper.enable(INDENT); // Noncompliant [[sc=1;ec=21]]", withFix(disable)))
                .contains("line 3: expected no fix, found fix {{Write compact output}} {{mapper.disable(INDENT);}}")
                .contains(
                        "line 3: found [[sc=1;ec=21]] {{m}} fix {{Write compact output}} {{mapper.disable(INDENT);}}");
        assertThat(compareLine3(
                        "mapper.enable(INDENT); // Noncompliant [[sc=1;ec=21]] fix {{Write compact output}} {{x}}",
                        new Finding("EB000", FILE, 3, 1, 3, 21, "m", Finding.Origin.SOURCE)))
                .contains("line 3: expected fix {{Write compact output}} {{x}}, found no fix");
    }

    @Test
    void aFixThatAddsLinesElsewhereStatesEachLineItWrites() {
        List<String> lines = List.of(
                "class A {",
                "    int n(String s) {",
                "        return s.split(\"[;]\").length; // Noncompliant [[sc=16;ec=29]] fix {{Hoist}}"
                        + " {{private static final Pattern P = Pattern.compile(\"[;]\");}} {{}}"
                        + " {{return P.split(s).length;}}",
                "    }",
                "}");
        Fix hoist = new Fix(
                "Hoist",
                List.of(
                        new Fix.Edit(2, 1, 2, 0, "    private static final Pattern P = Pattern.compile(\"[;]\");\n\n"),
                        new Fix.Edit(3, 16, 3, 29, "P.split(s)")));
        Finding finding = new Finding("EB000", FILE, 3, 16, 3, 29, "m", Finding.Origin.SOURCE, List.of(hoist));

        assertThat(FixApplier.changedLines(lines, hoist)).containsExactly(2, 3, 5);
        assertThat(new MarkerComparison(lines, "//", SOURCE)
                        .compare(Markers.parse("Sample.java", lines), Map.of(3, List.of(finding))))
                .isEmpty();
    }

    @Test
    void aFixThatDeletesAStatementLeavesAnEmptyLine() {
        List<String> lines = withLine3("    configure(); // Noncompliant [[sc=5;ec=16]] fix {{Drop it}} {{}}");
        Fix drop = new Fix("Drop it", List.of(new Fix.Edit(3, 5, 3, 16, "")));

        assertThat(new MarkerComparison(lines, "//", SOURCE)
                        .compare(
                                Markers.parse("Sample.java", lines),
                                Map.of(
                                        3,
                                        List.of(new Finding(
                                                "EB000",
                                                FILE,
                                                3,
                                                5,
                                                3,
                                                16,
                                                "m",
                                                Finding.Origin.SOURCE,
                                                List.of(drop))))))
                .isEmpty();
    }

    @Test
    void aRuleVerifiedAgainstAnotherRulesMarkersFails() {
        assertThatThrownBy(() -> RuleVerifier.rule("EB101").verify("eb604/SelectStar.java", RuleVerifier.Mode.SOURCE))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("expected 1 finding(s), found 0");
    }

    private static String compareLine3(String line, Finding... findings) {
        List<String> lines = withLine3(line);
        return new MarkerComparison(lines, "//", SOURCE)
                .compare(Markers.parse("Sample.java", lines), Map.of(3, List.of(findings)));
    }

    private static List<String> withLine3(String line) {
        return List.of("", "", line, "", "", "");
    }

    private static List<String> lines(int count) {
        return Collections.nCopies(count, "");
    }

    private static Finding finding(int line, String message) {
        return new Finding("EB000", FILE, line, 5, line, 9, message, Finding.Origin.SOURCE);
    }

    private static Finding withSecondaries(int line, SecondaryLocation... secondaries) {
        return new Finding(
                "EB000", FILE, line, 5, line, 9, "m", Finding.Origin.SOURCE, List.of(), List.of(secondaries));
    }

    private static Finding withFix(Fix fix) {
        return new Finding("EB000", FILE, 3, 1, 3, 21, "m", Finding.Origin.SOURCE, List.of(fix));
    }

    private static SecondaryLocation secondary(int line, String message) {
        return new SecondaryLocation(FILE, line, 1, line, 4, message);
    }
}
