package org.ecobugs.rules.checks;

import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE;

import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;

class UnboundedRetryRuleTest {

    @Test
    void reportsRetriesWithoutBound() {
        RuleVerifier.rule("EB302").verify("eb302/UnboundedRetry.java", SOURCE);
    }
}
