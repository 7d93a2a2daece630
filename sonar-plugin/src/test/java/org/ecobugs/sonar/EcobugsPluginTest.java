package org.ecobugs.sonar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sonar.api.Plugin;
import org.sonar.api.SonarEdition;
import org.sonar.api.SonarQubeSide;
import org.sonar.api.SonarRuntime;
import org.sonar.api.internal.SonarRuntimeImpl;
import org.sonar.api.utils.Version;

class EcobugsPluginTest {

    @Test
    void registersTheRulesTheProfileTheMetricsTheSensorAndTheMeasureComputer() {
        SonarRuntime runtime =
                SonarRuntimeImpl.forSonarQube(Version.create(13, 4), SonarQubeSide.SERVER, SonarEdition.COMMUNITY);
        Plugin.Context context = new Plugin.Context(runtime);
        new EcobugsPlugin().define(context);
        assertThat(context.getExtensions())
                .containsExactlyInAnyOrder(
                        EcobugsRulesDefinition.class,
                        EcobugsQualityProfile.class,
                        EcobugsMetrics.class,
                        EcobugsSensor.class,
                        EcobugsMeasureComputer.class);
    }
}
