package org.ecobugs.sonar;

import org.sonar.api.Plugin;

/** The entry point SonarQube loads: registers the ecobugs extensions. */
public final class EcobugsPlugin implements Plugin {

    @Override
    public void define(Context context) {
        context.addExtensions(
                EcobugsRulesDefinition.class,
                // Registered, or the profile never appears and users see nothing happen.
                EcobugsQualityProfile.class,
                EcobugsMetrics.class,
                EcobugsSensor.class,
                EcobugsMeasureComputer.class);
        context.addExtensions(JourneyMeasurement.properties());
        context.addExtension(EcobugsSensor.configFileProperty());
    }
}
