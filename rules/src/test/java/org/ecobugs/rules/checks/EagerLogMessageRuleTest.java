package org.ecobugs.rules.checks;

import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE;
import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE_AND_BYTECODE;

import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;

class EagerLogMessageRuleTest {

    @Test
    void reportsMessagesBuiltForDisabledLevels() {
        RuleVerifier.rule("EB310").verify("eb310/EagerLogMessage.java", SOURCE);
    }

    @Test
    void classesAddNothingToASourceOnlyRule() {
        RuleVerifier.rule("EB310").verify("eb310/EagerLogMessage.java", SOURCE_AND_BYTECODE);
    }

    @Test
    void levelsAreAParameter() {
        RuleVerifier.rule("EB310")
                .withParameter(EagerLogMessageRule.PARAM_LEVELS, "trace, debug, info")
                .verify("eb310/EagerLogMessageAtInfo.java", SOURCE);
    }
}
