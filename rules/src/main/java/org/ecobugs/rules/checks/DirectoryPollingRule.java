package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.RuleParameters;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceRule;

/**
 * A periodic task or a sleeping loop that lists or checks a directory each round to find new files, as HL7, HPRIM
 * and DICOM drop-folder interfaces often do, where a {@code WatchService} would wait for file events.
 */
@RuleKey("EB106")
public final class DirectoryPollingRule implements SourceRule {

    static final String PARAM_MIN_SCAN_PERIOD = "minScanPeriodMs";

    private final long minScanPeriodMs;

    public DirectoryPollingRule(RuleParameters parameters) {
        this.minScanPeriodMs = parameters.integer(PARAM_MIN_SCAN_PERIOD);
    }

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(PollingContexts.WORDS);
    }

    @Override
    public Set<Class<? extends Node>> nodesToVisit() {
        return PollingContexts.NODES;
    }

    @Override
    public void visitNode(Node node, SourceContext context) {
        Optional<PollingContexts.PollingContext> polling =
                PollingContexts.withPeriod(node, context, p -> p < minScanPeriodMs);
        if (polling.isEmpty()) {
            return;
        }
        long period = polling.get().periodMillis().getAsLong();
        Optional<PollingWork.Read> scan =
                PollingWork.firstRead(polling.get().work(), context, EnumSet.of(PollingWork.Kind.DIRECTORY_SCAN));
        if (scan.isPresent()) {
            context.report(
                    polling.get().anchor(),
                    polling.get().describe() + " scans a directory every " + PollingContexts.period(period)
                            + " for new files; register the directory with a java.nio.file.WatchService and wait for"
                            + " its events instead.");
        }
    }
}
