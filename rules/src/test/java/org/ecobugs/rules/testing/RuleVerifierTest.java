package org.ecobugs.rules.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class RuleVerifierTest {

    @Test
    void readsEveryMarkerForm() {
        Map<Integer, Markers.Expectation> expected = Markers.parse(
                "Sample.java",
                List.of(
                        "a(); // Noncompliant",
                        "b(); // Noncompliant 2",
                        "c(); // Noncompliant {{one}} {{two}}",
                        "// Noncompliant@+1 {{next}}",
                        "d();",
                        "e(); // Noncompliant@1"));
        assertThat(expected.get(1)).isEqualTo(new Markers.Expectation(2, List.of()));
        assertThat(expected.get(2)).isEqualTo(new Markers.Expectation(2, List.of()));
        assertThat(expected.get(3)).isEqualTo(new Markers.Expectation(2, List.of("one", "two")));
        assertThat(expected.get(5)).isEqualTo(new Markers.Expectation(1, List.of("next")));
        assertThat(expected).doesNotContainKeys(4, 6);
    }

    @Test
    void malformedMarkersFail() {
        assertThatThrownBy(() -> Markers.parse("Sample.java", List.of("a(); // Noncompliant oops")))
                .hasMessageContaining("Malformed marker at Sample.java:1");
        assertThatThrownBy(() -> Markers.parse("Sample.java", List.of("a(); // Noncompliant 3 {{only one}}")))
                .hasMessageContaining("does not match");
        assertThatThrownBy(() -> Markers.parse("Sample.java", List.of("a(); // Noncompliant@+5")))
                .hasMessageContaining("outside the file");
        assertThatThrownBy(() -> Markers.parse("Sample.java", List.of("String s = \"Noncompliant\";")))
                .hasMessageContaining("outside a // comment");
    }

    @Test
    void comparisonNamesMissingExtraAndWrongFindings() {
        Map<Integer, Markers.Expectation> expected =
                Map.of(3, new Markers.Expectation(1, List.of("right")), 7, new Markers.Expectation(1, List.of()));
        String report = RuleVerifier.compare(expected, Map.of(3, List.of("wrong"), 9, List.of("extra")));
        assertThat(report)
                .contains("line 3: expected message {{right}}, found [wrong]")
                .contains("line 7: expected 1 finding(s), found 0")
                .contains("line 9: expected 0 finding(s), found 1 [extra]");
    }

    @Test
    void aRuleVerifiedAgainstAnotherRulesMarkersFails() {
        assertThatThrownBy(() -> RuleVerifier.rule("EB101").verify("eb604/SelectStar.java", RuleVerifier.Mode.SOURCE))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("expected 1 finding(s), found 0");
    }
}
