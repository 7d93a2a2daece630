package org.ecobugs.rules.checks;

import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;

class FhirSearchWithoutCountRuleTest {

    @Test
    void sources() {
        RuleVerifier.rule("EB204").verify("eb204/FhirSearchWithoutCount.java", RuleVerifier.Mode.SOURCE);
    }
}
