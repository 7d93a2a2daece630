package org.ecobugs.rules.checks;

import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;

class DicomUncompressedOnlyTransferSyntaxRuleTest {

    @Test
    void sources() {
        RuleVerifier.rule("EB207").verify("eb207/DicomUncompressedOnlyTransferSyntax.java", RuleVerifier.Mode.SOURCE);
    }
}
