package org.ecobugs.rules.checks;

import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;

class EagerFetchCollectionRuleTest {

    @Test
    void sources() {
        RuleVerifier.rule("EB603").verify("eb603/EagerFetchCollection.java", RuleVerifier.Mode.SOURCE);
    }
}
