package org.ecobugs.rules.checks;

import java.nio.file.Path;
import org.ecobugs.rules.testing.DependencyRuleVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnderusedHeavyDependencyRuleTest {

    @TempDir
    Path work;

    @Test
    void verifiesTheFixture() {
        DependencyRuleVerifier.rule("EB405").verify("eb405", work);
    }
}
