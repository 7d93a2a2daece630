package org.ecobugs.sonar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ecobugs.rules.meta.RuleCatalog;
import org.ecobugs.rules.meta.RuleMetadata;
import org.junit.jupiter.api.Test;
import org.sonar.api.server.profile.BuiltInQualityProfilesDefinition;
import org.sonar.api.server.profile.BuiltInQualityProfilesDefinition.BuiltInActiveRule;
import org.sonar.api.server.profile.BuiltInQualityProfilesDefinition.BuiltInQualityProfile;

class EcobugsQualityProfileTest {

    @Test
    void definesTheEcobugsWayJavaProfileWithTheRulesActiveByDefault() {
        BuiltInQualityProfilesDefinition.Context context = new BuiltInQualityProfilesDefinition.Context();
        new EcobugsQualityProfile().define(context);

        BuiltInQualityProfile profile = context.profile("java", "ecobugs way");
        assertThat(profile).isNotNull();
        assertThat(profile.language()).isEqualTo("java");
        assertThat(profile.rules())
                .extracting(BuiltInActiveRule::repoKey, BuiltInActiveRule::ruleKey)
                .allSatisfy(t -> assertThat(t.toList().get(0)).isEqualTo("ecobugs"));
        List<String> expected = RuleCatalog.builtIn().all().stream()
                .filter(rule ->
                        rule.energy().defaultActive() && !rule.detection().judgesDependencies())
                .map(RuleMetadata::key)
                .toList();
        assertThat(expected)
                .contains("EB101", "EB102", "EB201", "EB301", "EB302", "EB308")
                .doesNotContain("EB401", "EB604");
        assertThat(profile.rules())
                .extracting(BuiltInActiveRule::ruleKey)
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void doesNotReplaceTheDefaultJavaProfile() {
        BuiltInQualityProfilesDefinition.Context context = new BuiltInQualityProfilesDefinition.Context();
        new EcobugsQualityProfile().define(context);

        assertThat(context.profile("java", "ecobugs way").isDefault()).isFalse();
        assertThat(context.profilesByLanguageAndName()).containsOnlyKeys("java");
        assertThat(context.profilesByLanguageAndName().get("java")).containsOnlyKeys("ecobugs way");
    }
}
