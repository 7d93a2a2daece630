package org.ecobugs.sonar;

import org.sonar.api.Plugin;

/** The entry point SonarQube loads: registers the ecobugs extensions. */
public final class EcobugsPlugin implements Plugin {

    @Override
    public void define(Context context) {
        context.addExtension(EcobugsRulesDefinition.class);
    }
}
