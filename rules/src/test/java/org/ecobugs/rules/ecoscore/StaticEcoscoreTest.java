package org.ecobugs.rules.ecoscore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.meta.Family;
import org.ecobugs.rules.meta.RuleCatalog;
import org.ecobugs.rules.meta.RuleMetadata.Severity;
import org.junit.jupiter.api.Test;

class StaticEcoscoreTest {

    private static final RuleCatalog CATALOG = RuleCatalog.builtIn();

    private static Finding finding(String ruleKey) {
        return new Finding(ruleKey, Path.of("/p/A.java"), 1, 1, 1, 5, "m", Finding.Origin.SOURCE);
    }

    @Test
    void codeWithoutFindingsScoresOneHundred() {
        StaticEcoscore.Result result = StaticEcoscore.compute(List.of(), CATALOG, 1200);
        assertThat(result.score()).isEqualTo(100.0);
        assertThat(result.weightedPoints()).isZero();
        assertThat(result.density()).isZero();
        assertThat(result.lines()).isEqualTo(1200);
        assertThat(result.findingsByFamily())
                .hasSize(Family.values().length)
                .allSatisfy((f, n) -> assertThat(n).isZero());
    }

    @Test
    void eachFindingWeighsItsSeverityTimesItsFamily() {
        // MAJOR (2) × polling (1.5), MAJOR × payload (1.25), MINOR (1) × loops (1), MAJOR × loops, MINOR × data (1.25)
        assertThat(StaticEcoscore.weight(CATALOG.get("EB101"))).isEqualTo(3.0);
        assertThat(StaticEcoscore.weight(CATALOG.get("EB102"))).isEqualTo(3.0);
        assertThat(StaticEcoscore.weight(CATALOG.get("EB201"))).isEqualTo(2.5);
        assertThat(StaticEcoscore.weight(CATALOG.get("EB301"))).isEqualTo(1.0);
        assertThat(StaticEcoscore.weight(CATALOG.get("EB302"))).isEqualTo(2.0);
        assertThat(StaticEcoscore.weight(CATALOG.get("EB604"))).isEqualTo(1.25);
    }

    @Test
    void severityWeightsDoubleAtEachLevelAndFamiliesFollowHowWasteGrows() {
        assertThat(List.of(Severity.values()))
                .extracting(StaticEcoscore::severityWeight)
                .containsExactly(0.5, 1.0, 2.0, 4.0, 8.0);
        assertThat(StaticEcoscore.familyWeight(Family.POLLING)).isEqualTo(1.5);
        assertThat(StaticEcoscore.familyWeight(Family.PAYLOAD)).isEqualTo(1.25);
        assertThat(StaticEcoscore.familyWeight(Family.DATA_ACCESS)).isEqualTo(1.25);
        assertThat(StaticEcoscore.familyWeight(Family.LOOPS)).isEqualTo(1.0);
        assertThat(StaticEcoscore.familyWeight(Family.RESOURCES)).isEqualTo(1.0);
        assertThat(StaticEcoscore.familyWeight(Family.DEPENDENCIES)).isEqualTo(0.5);
    }

    @Test
    void fiveWeightedPointsPerThousandLinesHalveTheScore() {
        assertThat(StaticEcoscore.score(5, 1000)).isEqualTo(50.0);
        assertThat(StaticEcoscore.score(10, 1000)).isEqualTo(25.0);
        assertThat(StaticEcoscore.score(20, 1000)).isEqualTo(6.3);
        assertThat(StaticEcoscore.score(3, 10_000)).isEqualTo(95.9);
        assertThat(StaticEcoscore.score(2.5, 500)).isEqualTo(50.0);
        assertThat(StaticEcoscore.score(1, 1000)).isEqualTo(87.1);
        assertThat(StaticEcoscore.score(0, 1)).isEqualTo(100.0);
        assertThat(StaticEcoscore.score(1000, 1)).isEqualTo(0.0);
    }

    @Test
    void oneFindingOfEachRuleInASmallServiceGivesALowScore() {
        List<Finding> findings = List.of(
                finding("EB101"),
                finding("EB102"),
                finding("EB201"),
                finding("EB301"),
                finding("EB302"),
                finding("EB604"));
        StaticEcoscore.Result result = StaticEcoscore.compute(findings, CATALOG, 782);

        assertThat(result.weightedPoints()).isEqualTo(12.75);
        assertThat(result.density()).isCloseTo(16.304, within(0.001));
        // 100 × 2^(−16.304 / 5)
        assertThat(result.score()).isEqualTo(10.4);
        assertThat(result.findingsByFamily())
                .containsEntry(Family.POLLING, 2)
                .containsEntry(Family.PAYLOAD, 1)
                .containsEntry(Family.LOOPS, 2)
                .containsEntry(Family.DATA_ACCESS, 1)
                .containsEntry(Family.DEPENDENCIES, 0)
                .containsEntry(Family.RESOURCES, 0);
    }

    @Test
    void theSameFindingsInTenTimesTheCodeScoreHigher() {
        List<Finding> findings = List.of(finding("EB101"), finding("EB604"));
        double small = StaticEcoscore.compute(findings, CATALOG, 1000).score();
        double large = StaticEcoscore.compute(findings, CATALOG, 10_000).score();
        assertThat(small).isEqualTo(55.5); // 4.25 points per thousand lines
        assertThat(large).isEqualTo(94.3); // 0.425
    }

    @Test
    void refusesWhatItCannotScore() {
        assertThatThrownBy(() -> StaticEcoscore.compute(List.of(), CATALOG, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one line");
        assertThatThrownBy(() -> StaticEcoscore.score(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StaticEcoscore.compute(List.of(finding("EB999")), CATALOG, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EB999");
    }
}
