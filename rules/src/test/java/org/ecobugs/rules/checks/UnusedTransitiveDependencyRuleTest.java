package org.ecobugs.rules.checks;

import java.nio.file.Path;
import org.ecobugs.rules.testing.DependencyRuleVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnusedTransitiveDependencyRuleTest {

    @TempDir
    Path work;

    @Test
    void verifiesTheFixture() {
        DependencyRuleVerifier.rule("EB402").verify("eb402", work);
    }
}
