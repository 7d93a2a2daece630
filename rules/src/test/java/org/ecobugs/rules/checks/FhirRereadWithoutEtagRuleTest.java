package org.ecobugs.rules.checks;

import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;

class FhirRereadWithoutEtagRuleTest {

    @Test
    void sources() {
        RuleVerifier.rule("EB206").verify("eb206/FhirRereadWithoutEtag.java", RuleVerifier.Mode.SOURCE);
    }
}
