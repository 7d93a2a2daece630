package org.ecobugs.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.ecobugs.rules.Analysis;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.SecondaryLocation;
import org.ecobugs.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** The places a finding relies on reach it, at their own ranges, from the rules that name them. */
class SecondaryLocationsTest {

    private static List<Finding> findings(String rule, String fixture) {
        return Analysis.run(AnalysisRequest.builder()
                        .addSourceRoot(Fixtures.source(fixture))
                        .includeRules(Set.of(rule))
                        .threads(1)
                        .build())
                .findings();
    }

    private static Finding at(List<Finding> findings, int line) {
        return findings.stream().filter(f -> f.line() == line).findFirst().orElseThrow();
    }

    @Test
    void aCallInALoopPointsAtTheLoopAndThroughAHelperAtTheCallItMakes() {
        List<Finding> findings = findings("EB208", "eb208/HttpCallInLoop.java");

        assertThat(at(findings, 43).secondaryLocations())
                .extracting(SecondaryLocation::line, SecondaryLocation::column, SecondaryLocation::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(42, 26, "the loop that runs it once per element"));
        assertThat(at(findings, 49).secondaryLocations())
                .extracting(SecondaryLocation::line, SecondaryLocation::column, SecondaryLocation::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(49, 13, "the forEach() that runs it once per element"));
        assertThat(at(findings, 64).secondaryLocations())
                .extracting(SecondaryLocation::line, SecondaryLocation::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(63, "the loop that runs it once per element"),
                        org.assertj.core.groups.Tuple.tuple(73, "the HTTP request download() makes"));
        assertThat(at(findings, 64).secondaryLocations())
                .allSatisfy(s -> assertThat(s.file()).isEqualTo(at(findings, 64).file()));
    }

    @Test
    void aPollLoopPointsAtItsSleep() {
        List<Finding> findings = findings("EB102", "eb102/SleepPollLoop.java");

        assertThat(findings)
                .isNotEmpty()
                .allSatisfy(finding -> assertThat(finding.secondaryLocations())
                        .singleElement()
                        .satisfies(sleep -> {
                            assertThat(Math.abs(sleep.line() - finding.line()))
                                    .as("in the loop")
                                    .isLessThan(10);
                            assertThat(sleep.message()).matches("the sleep of \\d+ ms between checks");
                        }));
    }
}
