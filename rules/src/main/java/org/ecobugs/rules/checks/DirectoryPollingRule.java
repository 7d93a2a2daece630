package org.ecobugs.rules.checks;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.RuleParameters;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.checks.polling.PollingContexts;
import org.ecobugs.rules.checks.polling.PollingWork;
import org.ecobugs.rules.project.DeferredFinding;
import org.ecobugs.rules.project.Effect;

/**
 * A periodic task or a sleeping loop that lists or checks a directory each round to find new files, as HL7, HPRIM
 * and DICOM drop-folder interfaces often do, where a {@code WatchService} would wait for file events.
 */
@RuleKey("EB106")
public final class DirectoryPollingRule extends PollingReads {

    static final String PARAM_MIN_SCAN_PERIOD = "minScanPeriodMs";

    private static final String WATCH =
            "register the directory with a java.nio.file.WatchService and wait for its events instead.";

    private final long minScanPeriodMs;

    public DirectoryPollingRule(RuleParameters parameters) {
        this.minScanPeriodMs = parameters.integer(PARAM_MIN_SCAN_PERIOD);
    }

    @Override
    boolean takes(long periodMillis) {
        return periodMillis < minScanPeriodMs;
    }

    @Override
    Map<Effect.Kind, String> throughProject(PollingContexts.PollingContext polling, String every) {
        return Map.of(
                Effect.Kind.DIRECTORY_SCAN,
                polling.describe() + " " + DeferredFinding.THROUGH + ", every " + every + polling.note()
                        + " for new files; " + WATCH);
    }

    @Override
    Optional<RoundRead> read(PollingContexts.PollingContext polling, String every, SourceContext context) {
        return PollingWork.firstRead(polling.work(), context, EnumSet.of(PollingWork.Kind.DIRECTORY_SCAN))
                .map(scan -> new RoundRead(
                        scan.call().getName(),
                        polling.describe() + " scans a directory every " + every + polling.note() + " for new files; "
                                + WATCH,
                        "the scan it makes every " + every));
    }
}
