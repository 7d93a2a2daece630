package org.ecobugs.sonar;

import org.ecobugs.rules.meta.RuleCatalog;
import org.ecobugs.rules.meta.RuleMetadata;
import org.sonar.api.server.profile.BuiltInQualityProfilesDefinition;

/**
 * The built-in Java profile "ecobugs way": every ecobugs rule that is active by default. It is not the default Java
 * profile: projects keep theirs until an administrator picks this one, or activates ecobugs rules in their own.
 */
public final class EcobugsQualityProfile implements BuiltInQualityProfilesDefinition {

    public static final String NAME = "ecobugs way";

    @Override
    public void define(Context context) {
        NewBuiltInQualityProfile profile = context.createBuiltInQualityProfile(NAME, EcobugsRulesDefinition.LANGUAGE);
        profile.setDefault(false);
        for (RuleMetadata rule : RuleCatalog.builtIn().all()) {
            if (rule.energy().defaultActive()) {
                profile.activateRule(EcobugsRulesDefinition.REPOSITORY_KEY, rule.key());
            }
        }
        profile.done();
    }
}
