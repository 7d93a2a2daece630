package org.ecobugs.sonar;

import static org.assertj.core.api.Assertions.assertThat;

import org.ecobugs.rules.meta.RuleCatalog;
import org.junit.jupiter.api.Test;
import org.sonar.api.impl.server.RulesDefinitionContext;
import org.sonar.api.server.debt.DebtRemediationFunction;
import org.sonar.api.server.rule.RulesDefinition;

class EcobugsRulesDefinitionTest {

    @Test
    void definesEveryEngineRuleForJava() {
        RulesDefinition.Context context = new RulesDefinitionContext();
        new EcobugsRulesDefinition().define(context);

        RulesDefinition.Repository repository = context.repository("ecobugs");
        assertThat(repository).isNotNull();
        assertThat(repository.language()).isEqualTo("java");
        assertThat(repository.rules()).hasSize(RuleCatalog.builtIn().all().size());

        RulesDefinition.Rule pollLoop = repository.rule("EB102");
        assertThat(pollLoop.name()).isEqualTo("Waiting should not poll local state with short sleeps");
        assertThat(pollLoop.severity()).isEqualTo("MAJOR");
        assertThat(pollLoop.activatedByDefault()).isTrue();
        assertThat(pollLoop.tags()).contains("eco-design", "energy", "rgesn-2024-2.6", "rgesn-2024-3.2");
        assertThat(pollLoop.htmlDescription()).contains("<h2>Why is this an issue?</h2>", "RGESN-2024:2.6");
        assertThat(pollLoop.param("maxPollIntervalMs").defaultValue()).isEqualTo("1000");
        assertThat(pollLoop.debtRemediationFunction().type()).isEqualTo(DebtRemediationFunction.Type.CONSTANT_ISSUE);
        assertThat(pollLoop.debtRemediationFunction().baseEffort()).isEqualTo("20min");
    }
}
