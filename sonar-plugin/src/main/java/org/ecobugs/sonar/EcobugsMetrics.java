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

    public static final Metric<Double> ECOSCORE_STATIC = new Metric.Builder(
                    "ecobugs_ecoscore_static", "Static écoscore estimate", Metric.ValueType.FLOAT)
            .setDescription("ecobugs' 0-100 index of energy-bug density (100: none found), from findings weighted by"
                    + " severity and family per thousand lines; not the ANS écoscore, no energy or CO2 figure")
            .setDirection(Metric.DIRECTION_BETTER)
            .setQualitative(true)
            .setBestValue(100.0)
            .setWorstValue(0.0)
            .setDecimalScale(1)
            .setDomain(DOMAIN)
            .create();

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
        return metrics;
    }
}
