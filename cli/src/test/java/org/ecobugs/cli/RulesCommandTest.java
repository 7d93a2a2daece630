package org.ecobugs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RulesCommandTest {

    @Test
    void listsEveryRuleAsText() {
        CliRun run = CliRun.of("rules");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("EB101  MAJOR    on  Waiting should block on the event, not spin on a condition")
                .contains("RGESN-2024:2.6");
    }

    @Test
    void listsEveryRuleAsJson() throws Exception {
        CliRun run = CliRun.of("rules", "--format", "json");
        JsonNode rules = new ObjectMapper().readTree(run.out());
        assertThat(rules.isArray()).isTrue();
        assertThat(rules.findValuesAsText("key")).contains("EB101", "EB102", "EB201", "EB301", "EB302", "EB604");
    }

    @Test
    void printsTheVersion() {
        CliRun run = CliRun.of("--version");
        assertThat(run.out()).startsWith("ecobugs 0.");
    }
}
