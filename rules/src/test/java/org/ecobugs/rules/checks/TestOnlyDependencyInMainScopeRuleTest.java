package org.ecobugs.rules.checks;

import java.nio.file.Path;
import org.ecobugs.rules.testing.DependencyRuleVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestOnlyDependencyInMainScopeRuleTest {

    @TempDir
    Path work;

    @Test
    void verifiesTheFixture() {
        DependencyRuleVerifier.rule("EB403").verify("eb403", work);
    }
}
