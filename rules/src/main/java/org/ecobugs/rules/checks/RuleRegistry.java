package org.ecobugs.rules.checks;

import java.util.List;
import org.ecobugs.rules.api.EnergyRule;

/** Every rule ecobugs ships, in one explicit list: a rule that is not here does not run. */
public final class RuleRegistry {

    public static final List<Class<? extends EnergyRule>> RULES = List.of(
            BusyWaitSpinRule.class,
            SleepPollLoopRule.class,
            ShortPeriodScheduleRule.class,
            PollInsteadOfPushRule.class,
            FhirPollInsteadOfSubscriptionRule.class,
            DirectoryPollingRule.class,
            PrettyPrintedPayloadRule.class,
            HttpClientWithoutCompressionRule.class,
            ServerResponseCompressionOffRule.class,
            FhirSearchWithoutCountRule.class,
            FhirFullResourceWhenSubsetUsedRule.class,
            FhirRereadWithoutEtagRule.class,
            DicomUncompressedOnlyTransferSyntaxRule.class,
            HttpCallInLoopRule.class,
            FhirReadInLoopRule.class,
            HttpCallWithoutTimeoutRule.class,
            RetryWithoutBackoffRule.class,
            UnboundedRetryRule.class,
            DbCallInLoopRule.class,
            EagerFetchCollectionRule.class,
            SelectStarRule.class,
            UnpaginatedQueryRule.class,
            CountByFetchingAllRule.class);

    private RuleRegistry() {}
}
