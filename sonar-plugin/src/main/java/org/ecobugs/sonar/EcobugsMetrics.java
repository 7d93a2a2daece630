package org.ecobugs.sonar;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ecobugs.rules.meta.Family;
import org.sonar.api.measures.Metric;
import org.sonar.api.measures.Metrics;

/**
 * The measures ecobugs adds: energy bugs per family, and the static écoscore estimate with the two numbers it is
 * computed from. Keys are stable: quality gates and dashboards refer to them.
 */
public final class EcobugsMetrics implements Metrics {

    static final String DOMAIN = "Energy";

    public static final Metric<Integer> ENERGY_BUGS = new Metric.Builder(
                    "ecobugs_energy_bugs", "Energy bugs", Metric.ValueType.INT)
            .setDescription("Number of ecobugs issues: code that spends energy with no functional need")
            .setDirection(Metric.DIRECTION_WORST)
            .setQualitative(true)
            .setBestValue(0.0)
            .setDomain(DOMAIN)
            .create();

    /** Energy bugs per rule family, by family. */
    public static final Map<Family, Metric<Integer>> ENERGY_BUGS_BY_FAMILY = byFamily();

    public static final Metric<Double> ECOSCORE_STATIC = score(
            "ecobugs_ecoscore_static",
            "Static écoscore estimate",
            "ecobugs' 0-100 index of energy-bug density (100: none found), from findings weighted by severity and"
                    + " family per thousand lines; not the ANS écoscore, no energy or CO2 figure");

    public static final Metric<Double> ECOSCORE_POINTS = new Metric.Builder(
                    "ecobugs_ecoscore_points", "Static écoscore: weighted energy-bug points", Metric.ValueType.FLOAT)
            .setDescription("Sum over the energy bugs of severity weight × family weight, the numerator of the static"
                    + " écoscore")
            .setDirection(Metric.DIRECTION_WORST)
            .setQualitative(false)
            .setBestValue(0.0)
            .setDecimalScale(2)
            .setDomain(DOMAIN)
            .create();

    public static final Metric<Integer> ECOSCORE_LINES = new Metric.Builder(
                    "ecobugs_ecoscore_lines", "Static écoscore: lines counted", Metric.ValueType.INT)
            .setDescription("Non-blank lines (comments included) of the main Java files ecobugs analysed, the"
                    + " denominator of the static écoscore")
            .setDirection(Metric.DIRECTION_NONE)
            .setQualitative(false)
            .setDomain(DOMAIN)
            .create();

    public static final Metric<Double> JOURNEY_ESTIMATE = score(
            "ecobugs_journey_estimate",
            "Journey estimate",
            "ecobugs' 0-100 estimate of the measured user journey on the same axes as the ANS écoscore (time, energy,"
                    + " data exchanged), from sonar.ecobugs.benchmark; not the ANS écoscore");

    public static final Metric<Double> JOURNEY_ESTIMATE_CHANGE = new Metric.Builder(
                    "ecobugs_journey_estimate_change", "Journey estimate change", Metric.ValueType.FLOAT)
            .setDescription("Points gained (or lost, below 0) by the journey estimate since the baseline measurement"
                    + " (sonar.ecobugs.baseline)")
            .setDirection(Metric.DIRECTION_BETTER)
            .setQualitative(true)
            .setDecimalScale(1)
            .setDomain(DOMAIN)
            .create();

    public static final Metric<Double> JOURNEY_ENERGY = perRun(
            "ecobugs_journey_energy",
            "Journey energy (J)",
            Metric.ValueType.FLOAT,
            "Estimated energy of one run of the measured journey, IT and data transfer, in joules",
            3);

    public static final Metric<Double> JOURNEY_DATA = perRun(
            "ecobugs_journey_data",
            "Journey data exchanged (kB)",
            Metric.ValueType.FLOAT,
            "Bytes sent and received on sockets by one run of the measured journey, in kilobytes",
            1);

    public static final Metric<Double> JOURNEY_CO2E = perRun(
            "ecobugs_journey_co2e",
            "Journey greenhouse gases (mg CO2e)",
            Metric.ValueType.FLOAT,
            "Estimated greenhouse gases of one run of the measured journey, in milligrams of CO2e",
            3);

    public static final Metric<Long> JOURNEY_TIME = perRun(
            "ecobugs_journey_time",
            "Journey wall time",
            Metric.ValueType.MILLISEC,
            "Wall time of one run of the measured journey",
            0);

    /** The measures of a measured journey, saved on the project. */
    static List<Metric<?>> journeyMetrics() {
        return List.of(
                JOURNEY_ESTIMATE, JOURNEY_ESTIMATE_CHANGE, JOURNEY_ENERGY, JOURNEY_DATA, JOURNEY_CO2E, JOURNEY_TIME);
    }

    /** A 0-100 rating with one decimal, 100 the best: a quality gate sets a bar under which it fails. */
    private static Metric<Double> score(String key, String name, String description) {
        return new Metric.Builder(key, name, Metric.ValueType.FLOAT)
                .setDescription(description)
                .setDirection(Metric.DIRECTION_BETTER)
                .setQualitative(true)
                .setBestValue(100.0)
                .setWorstValue(0.0)
                .setDecimalScale(1)
                .setDomain(DOMAIN)
                .create();
    }

    /** A quantity spent by one run of the measured journey: the less the better, not a rating. */
    private static <T extends java.io.Serializable> Metric<T> perRun(
            String key, String name, Metric.ValueType type, String description, int decimals) {
        Metric.Builder builder = new Metric.Builder(key, name, type)
                .setDescription(description)
                .setDirection(Metric.DIRECTION_WORST)
                .setQualitative(false)
                .setDomain(DOMAIN);
        if (type == Metric.ValueType.FLOAT) {
            builder.setDecimalScale(decimals);
        }
        return builder.create();
    }

    /** The family part of a metric key; spelled out so that renaming an enum constant cannot change a key. */
    static String keySuffix(Family family) {
        return switch (family) {
            case POLLING -> "polling";
            case PAYLOAD -> "payload";
            case LOOPS -> "loops";
            case DEPENDENCIES -> "dependencies";
            case RESOURCES -> "resources";
            case DATA_ACCESS -> "data_access";
        };
    }

    private static Map<Family, Metric<Integer>> byFamily() {
        Map<Family, Metric<Integer>> metrics = new EnumMap<>(Family.class);
        for (Family family : Family.values()) {
            metrics.put(
                    family,
                    new Metric.Builder(
                                    "ecobugs_energy_bugs_" + keySuffix(family),
                                    "Energy bugs: " + family.title().toLowerCase(java.util.Locale.ROOT),
                                    Metric.ValueType.INT)
                            .setDescription("Number of ecobugs issues of the family \"" + family.title() + "\"")
                            .setDirection(Metric.DIRECTION_WORST)
                            .setQualitative(true)
                            .setBestValue(0.0)
                            .setDomain(DOMAIN)
                            .create());
        }
        return Collections.unmodifiableMap(metrics);
    }

    /** Every count metric: the total first, then one per family. */
    static List<Metric<Integer>> countMetrics() {
        List<Metric<Integer>> metrics = new ArrayList<>();
        metrics.add(ENERGY_BUGS);
        metrics.addAll(ENERGY_BUGS_BY_FAMILY.values());
        return metrics;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List<Metric> getMetrics() {
        List<Metric> metrics = new ArrayList<>(countMetrics());
        metrics.add(ECOSCORE_STATIC);
        metrics.add(ECOSCORE_POINTS);
        metrics.add(ECOSCORE_LINES);
        metrics.addAll(journeyMetrics());
        return metrics;
    }
}
