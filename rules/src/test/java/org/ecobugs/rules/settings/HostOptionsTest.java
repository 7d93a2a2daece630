package org.ecobugs.rules.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostOptionsTest {

    @Test
    void plainKeysPickRulesAndKeysWithAMinusExcludeThem() {
        HostOptions.RuleSelection selection = HostOptions.rules(List.of("EB101, -EB402", "!EB604", " ", "EB405"));
        assertThat(selection.included()).containsExactlyInAnyOrder("EB101", "EB405");
        assertThat(selection.excluded()).containsExactlyInAnyOrder("EB402", "EB604");
        assertThat(HostOptions.rules(null).included()).isEmpty();
    }

    @Test
    void parametersAreGroupedByRuleAndAMalformedOneIsNamed() {
        assertThat(HostOptions.parameters(List.of("EB102.maxPollIntervalMs=500, EB405.maxUsedClasses = 5")))
                .containsExactly(
                        Map.entry("EB102", Map.of("maxPollIntervalMs", "500")),
                        Map.entry("EB405", Map.of("maxUsedClasses", "5")));
        // One entry per value where values may hold commas.
        assertThat(HostOptions.parameterEntries(List.of("EB999.names=a,b")))
                .containsExactly(Map.entry("EB999", Map.of("names", "a,b")));
        for (String malformed : List.of("maxPollIntervalMs=5", ".x=1", "EB102.=1", "EB102.x")) {
            assertThatThrownBy(() -> HostOptions.parameterEntries(List.of(malformed)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'" + malformed + "' is not KEY.name=value (e.g. EB102.maxPollIntervalMs=500)");
        }
    }
}
