package org.ecobugs.rules.checks;

import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;

class HttpClientWithoutCompressionRuleTest {

    @Test
    void sources() {
        RuleVerifier.rule("EB202").verify("eb202/HttpClientWithoutCompression.java", RuleVerifier.Mode.SOURCE);
    }
}
