package org.ecobugs.rules.checks;

import java.util.List;
import org.ecobugs.rules.api.EffectClassifier;
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
            AndroidExactAlarmRule.class,
            BackgroundWorkWithoutConstraintsRule.class,
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
            UninterruptibleInfiniteLoopRule.class,
            RegexRecompiledInLoopRule.class,
            StringConcatInLoopRule.class,
            ListLookupInLoopRule.class,
            WrongListForAccessPatternRule.class,
            LegacySynchronizedCollectionRule.class,
            BoxedAccumulatorInLoopRule.class,
            EagerLogMessageRule.class,
            LoggingInLoopRule.class,
            UnusedDeclaredDependencyRule.class,
            UnusedTransitiveDependencyRule.class,
            TestOnlyDependencyInMainScopeRule.class,
            UnusedSpringBootStarterRule.class,
            UnderusedHeavyDependencyRule.class,
            HttpClientPerRequestRule.class,
            HapiContextPerCallRule.class,
            HeavyweightObjectPerCallRule.class,
            PowerResourceNotReleasedRule.class,
            WakeLockWithoutTimeoutRule.class,
            DbCallInLoopRule.class,
            EagerFetchCollectionRule.class,
            SelectStarRule.class,
            UnpaginatedQueryRule.class,
            CountByFetchingAllRule.class);

    /** The effects of calls the project model records for the rules that follow calls through the project. */
    public static final EffectClassifier EFFECTS = new ProjectEffects();

    private RuleRegistry() {}
}
