package org.ecobugs.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The score's arithmetic: each axis halves at its reference value, the journey averages its steps and its axes. */
class RuntimeEcoscoreTest {

    @Test
    void anAxisIsAHundredForNothingAndHalvesAtEachReference() {
        assertThat(RuntimeEcoscore.axis(0, 3.5)).isEqualTo(100.0);
        assertThat(RuntimeEcoscore.axis(3.5, 3.5)).isEqualTo(50.0);
        assertThat(RuntimeEcoscore.axis(7, 3.5)).isEqualTo(25.0);
        assertThat(RuntimeEcoscore.axis(35, 3.5)).isCloseTo(100.0 / 1024, within(1e-12));
        assertThat(RuntimeEcoscore.axis(1.75, 3.5)).isCloseTo(100 / Math.sqrt(2), within(1e-12));
    }

    @Test
    void aNegativeOrUnknownQuantityIsAnError() {
        assertThatThrownBy(() -> RuntimeEcoscore.axis(-1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RuntimeEcoscore.axis(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RuntimeEcoscore.journey(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStepIsScoredAgainstOneSecondThreeAndAHalfJoulesAndOneMegabyte() {
        RuntimeEcoscore.Axes axes = RuntimeEcoscore.step(new RuntimeEcoscore.Spent(1.0, 7.0, 500_000));

        assertThat(axes.time()).isEqualTo(50.0);
        assertThat(axes.energy()).isEqualTo(25.0);
        assertThat(axes.data()).isCloseTo(100 / Math.sqrt(2), within(1e-12));
        assertThat(axes.estimate()).isCloseTo((50 + 25 + 100 / Math.sqrt(2)) / 3, within(1e-12));
    }

    @Test
    void theJourneyAveragesItsStepsSoThatTheScoreDoesNotGrowWithTheirNumber() {
        RuntimeEcoscore.Spent cheap = new RuntimeEcoscore.Spent(0, 0, 0);
        RuntimeEcoscore.Spent costly = new RuntimeEcoscore.Spent(2, 3.5, 1_000_000);

        RuntimeEcoscore.Axes journey = RuntimeEcoscore.journey(List.of(cheap, costly));

        assertThat(journey.time()).isEqualTo((100 + 25) / 2.0);
        assertThat(journey.energy()).isEqualTo((100 + 50) / 2.0);
        assertThat(journey.data()).isEqualTo((100 + 50) / 2.0);
        assertThat(journey.estimate()).isCloseTo((62.5 + 75 + 75) / 3, within(1e-12));
        assertThat(RuntimeEcoscore.journey(List.of(costly, costly)))
                .isEqualTo(RuntimeEcoscore.journey(List.of(costly)));
    }

    @Test
    void roundsToOneDecimal() {
        assertThat(RuntimeEcoscore.round(93.249)).isEqualTo(93.2);
        assertThat(RuntimeEcoscore.round(93.25)).isEqualTo(93.3);
    }

    @Test
    void isLabelledAsEcobugsEstimateNeverAsTheAnsEcoscore() {
        assertThat(RuntimeEcoscore.LABEL)
                .startsWith("ecobugs' estimate on the same axes as the ANS écoscore")
                .endsWith("not the ANS écoscore itself");
    }
}
