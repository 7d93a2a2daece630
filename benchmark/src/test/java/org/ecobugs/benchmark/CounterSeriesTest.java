package org.ecobugs.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Cumulative counters read over any interval, and the process's share of RAPL package energy. */
class CounterSeriesTest {

    private final CounterSeries cpu = new CounterSeries(new long[] {0, 10, 20, 30}, new double[] {0, 5, 5, 20});

    @Test
    void anIntervalIsTheGrowthOfTheCounterInterpolatedAtItsEnds() {
        assertThat(cpu.between(0, 30)).isEqualTo(20);
        assertThat(cpu.between(5, 25)).isEqualTo(12.5 - 2.5);
        assertThat(cpu.between(10, 20)).isZero();
        assertThat(cpu.between(-10, 100)).as("held constant outside the series").isEqualTo(20);
        assertThat(cpu.between(20, 10)).isZero();
        assertThat(new CounterSeries(new long[0], new double[0]).between(0, 10)).isZero();
        assertThatThrownBy(() -> new CounterSeries(new long[] {2, 1}, new double[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theProcessGetsItsShareOfThePackageEnergyByCpuTime() {
        long[] times = {0, 10, 20, 30};
        long[] packageMicrojoules = {1_000_000, 3_000_000, 4_000_000, 500_000};
        double[] process = {0, 50, 100, 100};
        double[] machine = {0, 100, 400, 500};

        CounterSeries energy = CounterSeries.processEnergy(times, packageMicrojoules, process, machine, 4_000_000);

        // 2 J while the process had half of the machine's CPU time, 1 J while it had a sixth, then the counter wraps
        // at 4 J (0.5 J more) while the process used no CPU.
        assertThat(energy.between(0, 10)).isCloseTo(1.0, within(1e-12));
        assertThat(energy.between(10, 20)).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(energy.between(20, 30)).isZero();
        assertThat(energy.between(0, 30)).isCloseTo(1.0 + 1.0 / 6, within(1e-12));
    }

    @Test
    void unreadableSamplesAreSkipped() {
        CounterSeries energy = CounterSeries.processEnergy(
                new long[] {0, 10, 20},
                new long[] {0, -1, 2_000_000},
                new double[] {0, 10, 20},
                new double[] {0, 10, 20},
                0);
        assertThat(energy.between(0, 20)).isCloseTo(2.0, within(1e-12));
    }
}
