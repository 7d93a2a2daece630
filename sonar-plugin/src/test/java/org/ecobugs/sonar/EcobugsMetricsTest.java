package org.ecobugs.sonar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.sonar.api.measures.Metric;

class EcobugsMetricsTest {

    @Test
    void keysAreStableAndTypesFitQualityGates() {
        assertThat(new EcobugsMetrics().getMetrics())
                .extracting(Metric::getKey, Metric::getType, Metric::getDirection, Metric::isHidden)
                .containsExactly(
                        tuple("ecobugs_energy_bugs", Metric.ValueType.INT, Metric.DIRECTION_WORST, false),
                        tuple("ecobugs_energy_bugs_polling", Metric.ValueType.INT, Metric.DIRECTION_WORST, false),
                        tuple("ecobugs_energy_bugs_payload", Metric.ValueType.INT, Metric.DIRECTION_WORST, false),
                        tuple("ecobugs_energy_bugs_loops", Metric.ValueType.INT, Metric.DIRECTION_WORST, false),
                        tuple("ecobugs_energy_bugs_dependencies", Metric.ValueType.INT, Metric.DIRECTION_WORST, false),
                        tuple("ecobugs_energy_bugs_resources", Metric.ValueType.INT, Metric.DIRECTION_WORST, false),
                        tuple("ecobugs_energy_bugs_data_access", Metric.ValueType.INT, Metric.DIRECTION_WORST, false),
                        tuple("ecobugs_ecoscore_static", Metric.ValueType.FLOAT, Metric.DIRECTION_BETTER, false),
                        tuple("ecobugs_ecoscore_points", Metric.ValueType.FLOAT, Metric.DIRECTION_WORST, false),
                        tuple("ecobugs_ecoscore_lines", Metric.ValueType.INT, Metric.DIRECTION_NONE, false),
                        tuple("ecobugs_journey_estimate", Metric.ValueType.FLOAT, Metric.DIRECTION_BETTER, false),
                        tuple(
                                "ecobugs_journey_estimate_change",
                                Metric.ValueType.FLOAT,
                                Metric.DIRECTION_BETTER,
                                false),
                        tuple("ecobugs_journey_energy", Metric.ValueType.FLOAT, Metric.DIRECTION_WORST, false),
                        tuple("ecobugs_journey_data", Metric.ValueType.FLOAT, Metric.DIRECTION_WORST, false),
                        tuple("ecobugs_journey_co2e", Metric.ValueType.FLOAT, Metric.DIRECTION_WORST, false),
                        tuple("ecobugs_journey_time", Metric.ValueType.MILLISEC, Metric.DIRECTION_WORST, false));
    }

    @Test
    void namesExplainThemselves() {
        assertThat(EcobugsMetrics.ENERGY_BUGS_BY_FAMILY.values())
                .extracting(Metric::getName)
                .containsExactly(
                        "Energy bugs: polling and wake-ups",
                        "Energy bugs: payload and data transfer",
                        "Energy bugs: loops and repeated work",
                        "Energy bugs: dependencies and bloat",
                        "Energy bugs: resources",
                        "Energy bugs: data access");
        assertThat(EcobugsMetrics.ECOSCORE_STATIC.getName()).isEqualTo("Static écoscore estimate");
        assertThat(EcobugsMetrics.ECOSCORE_STATIC.getDescription()).contains("not the ANS écoscore");
        assertThat(EcobugsMetrics.ECOSCORE_STATIC.getDomain()).isEqualTo("Energy");
        assertThat(EcobugsMetrics.JOURNEY_ESTIMATE.getDescription())
                .contains("same axes as the ANS écoscore")
                .contains("not the ANS écoscore");
    }
}
