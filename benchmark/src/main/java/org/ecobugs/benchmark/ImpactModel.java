package org.ecobugs.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How measured quantities become energy and greenhouse gases, with the factors chosen from the shipped table:
 *
 * <ul>
 *   <li>IT energy without RAPL: {@code CPU seconds × watts per vCPU} (Cloud Carbon Footprint: a vCPU at 100 %
 *       utilisation draws its maximum; the process's CPU seconds are the vCPU-seconds it kept busy);
 *   <li>data-transfer energy: {@code bytes ÷ 10^9 × kWh per GB} (Sustainable Web Design v4, operational network and
 *       data-centre segments by default; GB = 10^9 bytes);
 *   <li>CO2e: {@code (IT energy × PUE + data-transfer energy) × grid intensity}, location-based as the SCI asks.
 * </ul>
 *
 * Water and land occupation have no open factor: {@link #WATER} and {@link #LAND} say so instead of a number.
 */
public record ImpactModel(ImpactFactor cpuPower, ImpactFactor pue, List<ImpactFactor> dataEnergy, ImpactFactor grid) {

    /** The name and version of this model, named in every report. */
    public static final String NAME = "ecobugs runtime impact model v1";

    /** What the reports say about water, for want of an open factor. */
    public static final String WATER = "no open factor: no open, primary-sourced water factor per kWh or per GB was"
            + " found (published data-centre figures span 1 to 205 L/GB), so none is estimated";
    /** What the reports say about land occupation, for want of an open factor. */
    public static final String LAND = "no open factor: the life-cycle land-occupation figures per kWh found were"
            + " secondary quotes of a report without an open licence, so none is estimated";

    static final double JOULES_PER_KWH = 3_600_000;
    static final double BYTES_PER_GB = 1_000_000_000;

    private static final Map<String, String> CPU_CHOICES = choices(
            "aws", "cpu.ccf.aws.max_watts_per_vcpu",
            "azure", "cpu.ccf.azure.max_watts_per_vcpu",
            "gcp", "cpu.ccf.gcp.max_watts_per_vcpu",
            "epyc2", "cpu.ccf.epyc2.max_watts_per_vcpu",
            "cascadelake", "cpu.ccf.cascadelake.max_watts_per_vcpu");
    private static final Map<String, String> GRID_CHOICES = choices(
            "fr", "grid.fr.ember_2024",
            "fr-2012", "grid.fr.arrete_2012",
            "eu", "grid.eu.ember_2024",
            "world", "grid.world.ember_2024");
    private static final Map<String, List<String>> DATA_CHOICES = Map.of(
            "swd-v4", List.of("net.swd_v4.operational.network", "net.swd_v4.operational.datacentre"),
            "swd-v4-with-device",
                    List.of(
                            "net.swd_v4.operational.network",
                            "net.swd_v4.operational.datacentre",
                            "net.swd_v4.operational.device"),
            "swd-v3", List.of("net.swd_v3.total"));

    /** The choices a user may name, for help texts. */
    public static final String CPU_HELP = "aws (default), azure, gcp, epyc2, cascadelake, or watts per vCPU";

    public static final String DATA_HELP = "swd-v4 (default), swd-v4-with-device, swd-v3, or kWh per GB";
    public static final String GRID_HELP = "fr (default), fr-2012, eu, world, or gCO2e per kWh";

    public ImpactModel {
        Objects.requireNonNull(cpuPower, "cpuPower");
        Objects.requireNonNull(pue, "pue");
        Objects.requireNonNull(grid, "grid");
        dataEnergy = List.copyOf(dataEnergy);
        if (dataEnergy.isEmpty()) {
            throw new IllegalArgumentException("The model needs at least one energy-per-GB factor");
        }
    }

    /** France's 2024 grid, CCF's AWS average vCPU and PUE, SWD v4 operational network and data centre. */
    public static ImpactModel defaults() {
        return of("aws", "swd-v4", "fr");
    }

    /**
     * A model from the names users type (see {@link #CPU_HELP}, {@link #DATA_HELP}, {@link #GRID_HELP}); a factor key
     * of the shipped table or a plain number is accepted too.
     *
     * @throws IllegalArgumentException naming the accepted choices
     */
    public static ImpactModel of(String cpu, String data, String grid) {
        ImpactFactors table = ImpactFactors.shipped();
        ImpactFactor cpuFactor = pick(table, cpu == null ? "aws" : cpu, CPU_CHOICES, "W/vCPU", "CPU power", CPU_HELP);
        ImpactFactor gridFactor =
                pick(table, grid == null ? "fr" : grid, GRID_CHOICES, "gCO2e/kWh", "grid intensity", GRID_HELP);
        String dataName = data == null ? "swd-v4" : data.strip().toLowerCase(Locale.ROOT);
        List<ImpactFactor> dataFactors = new ArrayList<>();
        if (DATA_CHOICES.containsKey(dataName)) {
            DATA_CHOICES.get(dataName).forEach(key -> dataFactors.add(table.get(key)));
        } else {
            dataFactors.add(pick(table, data, Map.of(), "kWh/GB", "data-transfer energy", DATA_HELP));
        }
        return new ImpactModel(cpuFactor, table.get("pue.ccf.aws"), dataFactors, gridFactor);
    }

    /** Energy of CPU work under the power model, in joules. */
    public double cpuJoules(double cpuNanos) {
        return cpuNanos / 1e9 * cpuPower.value();
    }

    /** The energy per GB transferred: the sum of the chosen segments. */
    public double kWhPerGb() {
        return dataEnergy.stream().mapToDouble(ImpactFactor::value).sum();
    }

    /** Energy allocated to transferring these bytes, in joules. */
    public double dataJoules(double bytes) {
        return bytes / BYTES_PER_GB * kWhPerGb() * JOULES_PER_KWH;
    }

    /** Grams of CO2e for IT energy (data-centre overhead added by the PUE) and data-transfer energy. */
    public double co2eGrams(double itJoules, double dataJoules) {
        return (itJoules * pue.value() + dataJoules) / JOULES_PER_KWH * grid.value();
    }

    /** Every factor the model uses, in the order reports list them. */
    public List<ImpactFactor> factors() {
        List<ImpactFactor> factors = new ArrayList<>();
        factors.add(cpuPower);
        factors.add(pue);
        factors.addAll(dataEnergy);
        factors.add(grid);
        return factors;
    }

    /** The model in one sentence, with its numbers. */
    public String describe(EnergySource source) {
        String it = source == EnergySource.RAPL
                ? "IT energy from RAPL (package energy shared by the process's part of the machine's CPU time)"
                : "IT energy modelled as CPU time × " + Numbers.plain(cpuPower.value()) + " W per vCPU ("
                        + cpuPower.key() + ")";
        return NAME + ": " + it + "; data transfer × " + Numbers.plain(kWhPerGb()) + " kWh/GB ("
                + String.join(" + ", dataEnergy.stream().map(ImpactFactor::key).toList())
                + "); CO2e = (IT energy × PUE "
                + Numbers.plain(pue.value()) + " + data-transfer energy) × " + Numbers.plain(grid.value()) + " "
                + grid.unit() + " (" + grid.key() + ")";
    }

    private static ImpactFactor pick(
            ImpactFactors table, String name, Map<String, String> choices, String unit, String what, String help) {
        String normalized = name.strip().toLowerCase(Locale.ROOT);
        if (choices.containsKey(normalized)) {
            return table.get(choices.get(normalized));
        }
        if (table.find(name.strip()).isPresent()) {
            ImpactFactor factor = table.get(name.strip());
            if (!factor.unit().equals(unit)
                    && !(unit.equals("gCO2e/kWh") && factor.unit().equals("gCO2/kWh"))) {
                throw new IllegalArgumentException(
                        "Factor " + factor.key() + " is in " + factor.unit() + ", not " + unit);
            }
            return factor;
        }
        try {
            double value = Double.parseDouble(normalized);
            return ImpactFactor.userGiven("user." + what.replace(' ', '_'), value, unit, what + " given by the user");
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Unknown " + what + " '" + name + "'; use " + help);
        }
    }

    private static Map<String, String> choices(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
