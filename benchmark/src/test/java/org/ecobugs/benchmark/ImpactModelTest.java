package org.ecobugs.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Energy from CPU time × watts, kWh per GB, CO2e from the grid factor, and the sourced table they come from. */
class ImpactModelTest {

    private final ImpactModel model = ImpactModel.defaults();

    @Test
    void theDefaultsAreNamedSourcedFactors() {
        assertThat(model.factors())
                .extracting(ImpactFactor::key)
                .containsExactly(
                        "cpu.ccf.aws.max_watts_per_vcpu",
                        "pue.ccf.aws",
                        "net.swd_v4.operational.network",
                        "net.swd_v4.operational.datacentre",
                        "grid.fr.ember_2024");
        assertThat(model.cpuPower().value()).isEqualTo(3.5);
        assertThat(model.pue().value()).isEqualTo(1.135);
        assertThat(model.kWhPerGb()).isCloseTo(0.114, within(1e-12));
        assertThat(model.grid().value()).isEqualTo(44.18);
    }

    @Test
    void itEnergyIsCpuTimeTimesWattsPerVcpu() {
        assertThat(model.cpuJoules(2e9)).isEqualTo(7.0);
        assertThat(model.cpuJoules(0)).isZero();
        assertThat(ImpactModel.of("gcp", null, null).cpuJoules(1e9)).isEqualTo(4.11);
        assertThat(ImpactModel.of("1.69", null, null).cpuJoules(5e8)).isCloseTo(0.845, within(1e-12));
    }

    @Test
    void dataEnergyIsKilowattHoursPerGigabyte() {
        // 0.059 + 0.055 kWh per 10^9 bytes, 3.6 MJ per kWh.
        assertThat(model.dataJoules(1e9)).isCloseTo(0.114 * 3_600_000, within(1e-6));
        assertThat(model.dataJoules(1e6)).isCloseTo(410.4, within(1e-9));
        assertThat(ImpactModel.of(null, "swd-v3", null).dataJoules(1e9)).isCloseTo(0.81 * 3_600_000, within(1e-6));
        assertThat(ImpactModel.of(null, "swd-v4-with-device", null).kWhPerGb()).isCloseTo(0.194, within(1e-12));
        assertThat(ImpactModel.of(null, "0.5", null).kWhPerGb()).isEqualTo(0.5);
    }

    @Test
    void co2eIsItEnergyWithThePueAndDataEnergyTimesTheGrid() {
        // One kWh of IT energy: 1.135 kWh with the data centre's overhead, at 44.18 g per kWh.
        assertThat(model.co2eGrams(3_600_000, 0)).isCloseTo(1.135 * 44.18, within(1e-9));
        // One kWh allocated to the network: no PUE.
        assertThat(model.co2eGrams(0, 3_600_000)).isCloseTo(44.18, within(1e-9));
        ImpactModel world = ImpactModel.of("aws", "swd-v4", "world");
        assertThat(world.co2eGrams(36, 36)).isCloseTo((36 * 1.135 + 36) / 3_600_000 * 472.94, within(1e-12));
        assertThat(ImpactModel.of(null, null, "fr-2012").grid().value()).isEqualTo(53.0);
        assertThat(ImpactModel.of(null, null, "eu").grid().value()).isEqualTo(213.02);
        assertThat(ImpactModel.of(null, null, "250").co2eGrams(0, 3_600_000)).isEqualTo(250.0);
    }

    @Test
    void choicesAreNamesTableKeysOrNumbers() {
        assertThat(ImpactModel.of("cpu.ccf.cascadelake.max_watts_per_vcpu", null, null)
                        .cpuPower()
                        .value())
                .isEqualTo(3.97);
        ImpactFactor given = ImpactModel.of("2.5", null, null).cpuPower();
        assertThat(given.source()).isEqualTo("given by the user");
        assertThat(given.unit()).isEqualTo("W/vCPU");

        assertThatThrownBy(() -> ImpactModel.of("arm", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown CPU power 'arm'; use " + ImpactModel.CPU_HELP);
        assertThatThrownBy(() -> ImpactModel.of("net.swd_v3.total", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Factor net.swd_v3.total is in kWh/GB, not W/vCPU");
        assertThatThrownBy(() -> ImpactModel.of(null, null, "mars"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Unknown grid intensity 'mars'");
    }

    @Test
    void saysWhichFactorsItUsesAndThatWaterAndLandHaveNone() {
        assertThat(model.describe(EnergySource.MODEL))
                .startsWith(ImpactModel.NAME + ": IT energy modelled as CPU time × 3.5 W per vCPU"
                        + " (cpu.ccf.aws.max_watts_per_vcpu)")
                .contains("data transfer × 0.114 kWh/GB (net.swd_v4.operational.network +"
                        + " net.swd_v4.operational.datacentre)")
                .endsWith("CO2e = (IT energy × PUE 1.135 + data-transfer energy) × 44.18 gCO2e/kWh"
                        + " (grid.fr.ember_2024)");
        assertThat(model.describe(EnergySource.RAPL)).contains("IT energy from RAPL");
        assertThat(ImpactModel.WATER).startsWith("no open factor");
        assertThat(ImpactModel.LAND).startsWith("no open factor");
    }

    @Test
    void everyShippedFactorHasASourceAPlaceAndALicence() {
        Set<String> units = Set.of("gCO2e/kWh", "gCO2/kWh", "kWh/GB", "W/vCPU", "ratio");
        assertThat(ImpactFactors.shipped().all())
                .hasSizeGreaterThanOrEqualTo(20)
                .allSatisfy(factor -> {
                    assertThat(factor.source()).as(factor.key()).isNotBlank();
                    assertThat(factor.where()).as(factor.key()).isNotBlank();
                    assertThat(factor.licence()).as(factor.key()).isNotBlank();
                    assertThat(factor.description()).as(factor.key()).isNotBlank();
                    assertThat(units).as(factor.key()).contains(factor.unit());
                });
        // No water or land factor is shipped: no open, primary-sourced one was found.
        assertThat(ImpactFactors.shipped().all())
                .extracting(ImpactFactor::key)
                .noneMatch(key -> key.startsWith("water") || key.startsWith("land"));
    }

    @Test
    void theTableIsCsvWithQuotesAndIsCheckedAsItIsRead() throws IOException {
        String header = "key,value,unit,what it is,source,where (repo@commit:path or URL),licence of source\n";
        ImpactFactors table =
                ImpactFactors.parse(new StringReader(header + "a.b,1.5,W/vCPU,\"one, \"\"quoted\"\"\",S,W,L\n\n"));
        assertThat(table.get("a.b").description()).isEqualTo("one, \"quoted\"");
        assertThat(table.get("a.b").credit()).isEqualTo("a.b = 1.5 W/vCPU — one, \"quoted\"; S (W), L");

        assertThatThrownBy(() -> ImpactFactors.parse(new StringReader("key,value\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Not an impact-factor table");
        assertThatThrownBy(() -> ImpactFactors.parse(new StringReader(header + "a,1,W/vCPU,x\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Line 2 of the impact factors has 4 cells, not 7");
        assertThatThrownBy(() -> ImpactFactors.parse(new StringReader(header + "a,1,u,d,s,w,l\na,2,u,d,s,w,l\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Impact factor a appears twice");
        assertThatThrownBy(() -> ImpactFactors.parse(new StringReader(header + "a,-1,u,d,s,w,l\n")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> table.get("missing"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No impact factor missing");
    }
}
