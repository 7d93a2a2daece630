package org.ecobugs.rules.checks;

import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE;
import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE_AND_BYTECODE;

import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;

class DirectoryPollingRuleTest {

    @Test
    void reportsTheFixturesMarkedCases() {
        RuleVerifier.rule("EB106").verify("eb106/DirectoryPolling.java", SOURCE);
    }

    @Test
    void classesAddNothingToASourceRule() {
        RuleVerifier.rule("EB106").verify("eb106/DirectoryPolling.java", SOURCE_AND_BYTECODE);
    }

    @Test
    void throughTheProjectsClasses() {
        RuleVerifier.rule("EB106").verify("eb106/project", RuleVerifier.Mode.SOURCE);
    }
}
