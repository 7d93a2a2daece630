package org.ecobugs.rules.checks;

import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE;
import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE_AND_BYTECODE;

import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;

class WrongListForAccessPatternRuleTest {

    @Test
    void reportsListsUsedAgainstTheirGrain() {
        RuleVerifier.rule("EB307").verify("eb307/WrongListForAccessPattern.java", SOURCE);
    }

    @Test
    void classesAddNothingToASourceOnlyRule() {
        RuleVerifier.rule("EB307").verify("eb307/WrongListForAccessPattern.java", SOURCE_AND_BYTECODE);
    }
}
