package org.ecobugs.sonar;

import org.ecobugs.rules.meta.RuleCatalog;
import org.ecobugs.rules.meta.RuleMetadata;
import org.sonar.api.server.profile.BuiltInQualityProfilesDefinition;

/**
 * The built-in Java profile "ecobugs way": every ecobugs rule that is active by default and can find something in a
 * SonarQube scan. The dependency rules need the dependency graph a build gives (the Maven plugin), which a scan does
 * not have, so they stay out. It is not the default Java profile: projects keep theirs until an administrator picks
 * this one, or activates ecobugs rules in their own.
 */
public final class EcobugsQualityProfile implements BuiltInQualityProfilesDefinition {

    public static final String NAME = "ecobugs way";

    @Override
    public void define(Context context) {
        NewBuiltInQualityProfile profile = context.createBuiltInQualityProfile(NAME, EcobugsRulesDefinition.LANGUAGE);
        profile.setDefault(false);
        for (RuleMetadata rule : RuleCatalog.builtIn().all()) {
            if (rule.energy().defaultActive() && !rule.detection().judgesDependencies()) {
                profile.activateRule(EcobugsRulesDefinition.REPOSITORY_KEY, rule.key());
            }
        }
        profile.done();
    }
}
