package org.ecobugs.sonar;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ecobugs.benchmark.BenchmarkJson;
import org.ecobugs.benchmark.BenchmarkResult;
import org.ecobugs.benchmark.RuntimeReport;
import org.ecobugs.benchmark.StepResult;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.meta.RuleCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sonar.api.batch.sensor.SensorContext;
import org.sonar.api.config.PropertyDefinition;
import org.sonar.api.measures.Metric;

/**
 * A measured user journey of the project ({@code ecobugs benchmark --output} or the Maven {@code benchmark} goal), read
 * from {@value #BENCHMARK} as the command line reads {@code --benchmark}: the issues whose code the recording saw say
 * what they sit on, and the project gets the journey's estimate, energy, data and CO2e as measures, and with {@value
 * #BASELINE} the change of the estimate, for quality gates. A file that cannot be read is logged and the analysis goes
 * on without it.
 */
final class JourneyMeasurement {

    static final String BENCHMARK = "sonar.ecobugs.benchmark";
    static final String BASELINE = "sonar.ecobugs.baseline";

    private static final Logger LOG = LoggerFactory.getLogger(JourneyMeasurement.class);
    private static final String CATEGORY = "ecobugs";

    private JourneyMeasurement() {}

    static List<PropertyDefinition> properties() {
        return List.of(
                PropertyDefinition.builder(BENCHMARK)
                        .name("Measured journey")
                        .description("JSON file of a measured user journey of this project (ecobugs benchmark"
                                + " --output, or the Maven goal ecobugs:benchmark), relative to the project's base"
                                + " directory: issues are weighted by what they cost at run time and the project gets"
                                + " the journey's measures.")
                        .category(CATEGORY)
                        .onConfigScopes(PropertyDefinition.ConfigScope.PROJECT)
                        .build(),
                PropertyDefinition.builder(BASELINE)
                        .name("Baseline journey measurement")
                        .description("An earlier measurement of the same journey: the project gets the change of the"
                                + " journey estimate (ecobugs_journey_estimate_change), for a quality gate condition.")
                        .category(CATEGORY)
                        .onConfigScopes(PropertyDefinition.ConfigScope.PROJECT)
                        .build());
    }

    /** The runtime report for this analysis, or empty when no journey is given or it cannot be read. */
    static Optional<RuntimeReport> read(ModuleInputs inputs, AnalysisResult result, RuleCatalog catalog) {
        Optional<Path> benchmark = inputs.file(BENCHMARK);
        Optional<Path> baseline = inputs.file(BASELINE);
        if (benchmark.isEmpty()) {
            baseline.ifPresent(
                    file -> LOG.warn("ecobugs: {} is set but {} is not; the baseline is ignored", BASELINE, BENCHMARK));
            return Optional.empty();
        }
        Optional<BenchmarkResult> measured = load(benchmark.get(), BENCHMARK);
        if (measured.isEmpty()) {
            return Optional.empty();
        }
        BenchmarkResult previous =
                baseline.flatMap(file -> load(file, BASELINE)).orElse(null);
        return Optional.of(RuntimeReport.of(result, catalog, measured.get(), previous));
    }

    private static Optional<BenchmarkResult> load(Path file, String property) {
        try {
            return Optional.of(BenchmarkJson.read(file));
        } catch (IOException | RuntimeException e) {
            LOG.warn("ecobugs could not read the journey measurement {} ({}): {}", file, property, e.getMessage());
            return Optional.empty();
        }
    }

    /** The journey's measures, on the project. */
    static void saveMeasures(SensorContext context, RuntimeReport report) {
        BenchmarkResult benchmark = report.benchmark();
        StepResult total = benchmark.total();
        save(
                context,
                EcobugsMetrics.JOURNEY_ESTIMATE,
                rounded(benchmark.estimate().score().median(), 1));
        save(
                context,
                EcobugsMetrics.JOURNEY_ENERGY,
                total.itEnergyJ().median() + total.dataEnergyJ().median());
        save(context, EcobugsMetrics.JOURNEY_DATA, total.dataBytes().median() / 1000);
        save(context, EcobugsMetrics.JOURNEY_CO2E, total.co2eGrams().median() * 1000);
        save(context, EcobugsMetrics.JOURNEY_TIME, Math.round(total.wallMs().median()));
        report.change()
                .ifPresent(
                        change -> save(context, EcobugsMetrics.JOURNEY_ESTIMATE_CHANGE, rounded(change.estimate(), 1)));
    }

    private static double rounded(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private static <T extends java.io.Serializable> void save(SensorContext context, Metric<T> metric, T value) {
        context.<T>newMeasure()
                .on(context.project())
                .forMetric(metric)
                .withValue(value)
                .save();
    }
}
