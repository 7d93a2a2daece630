package org.ecobugs.rules.checks;

import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE;
import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE_AND_BYTECODE;

import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;

class ListLookupInLoopRuleTest {

    @Test
    void reportsListSearchesInLoops() {
        RuleVerifier.rule("EB306").verify("eb306/ListLookupInLoop.java", SOURCE);
    }

    @Test
    void classesAddNothingToASourceOnlyRule() {
        RuleVerifier.rule("EB306").verify("eb306/ListLookupInLoop.java", SOURCE_AND_BYTECODE);
    }
}
