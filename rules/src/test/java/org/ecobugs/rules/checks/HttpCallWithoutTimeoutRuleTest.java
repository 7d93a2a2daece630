package org.ecobugs.rules.checks;

import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;

class HttpCallWithoutTimeoutRuleTest {

    @Test
    void sources() {
        RuleVerifier.rule("EB210").verify("eb210/HttpCallWithoutTimeout.java", RuleVerifier.Mode.SOURCE);
    }

    @Test
    void apacheHttpClients() {
        RuleVerifier.rule("EB210").verify("eb210/ApacheHttpClientWithoutTimeout.java", RuleVerifier.Mode.SOURCE);
    }

    @Test
    void apacheHttpClientsConfiguredPerRequestOrConnection() {
        RuleVerifier.rule("EB210").verify("eb210/ApacheHttpClientConfiguredPerRequest.java", RuleVerifier.Mode.SOURCE);
    }

    @Test
    void connectionsOpenedByAHelperOfTheProject() {
        RuleVerifier.rule("EB210").verify("eb210/project", RuleVerifier.Mode.SOURCE);
    }

    @Test
    void migrations() {
        RuleVerifier.rule("EB210").verify("eb210/datamigration/LegacyPatientImport.java", RuleVerifier.Mode.SOURCE);
    }
}
