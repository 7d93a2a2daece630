package org.ecobugs.rules.checks;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE;
import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE_AND_BYTECODE;

import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;

class BackgroundWorkWithoutConstraintsRuleTest {

    @Test
    void reportsDataTransfersWithoutConstraints() {
        RuleVerifier.rule("EB108").verify("eb108/BackgroundWorkWithoutConstraints.java", SOURCE);
    }

    @Test
    void classesAddNothingToASourceOnlyRule() {
        RuleVerifier.rule("EB108").verify("eb108/BackgroundWorkWithoutConstraints.java", SOURCE_AND_BYTECODE);
    }

    @Test
    void theWorkerNamePatternIsAParameter() {
        // Without "sync" in the pattern, the sync workers are no longer taken for data transfers.
        assertThatThrownBy(() -> RuleVerifier.rule("EB108")
                        .withParameter("networkWorkerPattern", "(?i).*upload.*")
                        .verify("eb108/BackgroundWorkWithoutConstraints.java", SOURCE))
                .hasMessageContaining("expected 1 finding(s), found 0");
    }
}
