package org.ecobugs.sonar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sonar.api.Plugin;
import org.sonar.api.SonarEdition;
import org.sonar.api.SonarQubeSide;
import org.sonar.api.SonarRuntime;
import org.sonar.api.config.PropertyDefinition;
import org.sonar.api.internal.SonarRuntimeImpl;
import org.sonar.api.utils.Version;

class EcobugsPluginTest {

    @Test
    void registersTheRulesTheProfileTheMetricsTheSensorTheMeasureComputerAndTheSettings() {
        SonarRuntime runtime =
                SonarRuntimeImpl.forSonarQube(Version.create(13, 4), SonarQubeSide.SERVER, SonarEdition.COMMUNITY);
        Plugin.Context context = new Plugin.Context(runtime);
        new EcobugsPlugin().define(context);
        assertThat(context.getExtensions())
                .filteredOn(extension -> !(extension instanceof PropertyDefinition))
                .containsExactlyInAnyOrder(
                        EcobugsRulesDefinition.class,
                        EcobugsQualityProfile.class,
                        EcobugsMetrics.class,
                        EcobugsSensor.class,
                        EcobugsMeasureComputer.class);
        assertThat(context.getExtensions())
                .filteredOn(extension -> extension instanceof PropertyDefinition)
                .extracting(extension -> ((PropertyDefinition) extension).key())
                .containsExactly("sonar.ecobugs.benchmark", "sonar.ecobugs.baseline", "sonar.ecobugs.configFile");
    }
}
