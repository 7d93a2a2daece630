package org.ecobugs.rules.checks;

import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;

class FhirFullResourceWhenSubsetUsedRuleTest {

    @Test
    void sources() {
        RuleVerifier.rule("EB205").verify("eb205/FhirFullResourceWhenSubsetUsed.java", RuleVerifier.Mode.SOURCE);
    }
}
