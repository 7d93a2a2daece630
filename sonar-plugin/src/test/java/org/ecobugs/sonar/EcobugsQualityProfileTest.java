package org.ecobugs.sonar;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(profile.rules())
                .extracting(BuiltInActiveRule::ruleKey)
                .containsExactlyInAnyOrder("EB101", "EB102", "EB201", "EB301", "EB302", "EB604");
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
