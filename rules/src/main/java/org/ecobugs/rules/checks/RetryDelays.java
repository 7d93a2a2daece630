package org.ecobugs.rules.checks;

import java.util.List;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.checks.loops.RetryLoops;
import org.ecobugs.rules.java.Waits;

/** Where the retry rules (EB301, EB302) show the constant delay between a retry loop's attempts. */
final class RetryDelays {

    private RetryDelays() {}

    /** Each sleep between the attempts, with its time when it is known. */
    static List<SourceContext.Secondary> of(RetryLoops.RetryLoop retry) {
        return retry.delays().stream().map(RetryDelays::secondary).toList();
    }

    private static SourceContext.Secondary secondary(Waits.Sleep sleep) {
        String time = sleep.millis().isPresent() ? " of " + sleep.millis().getAsLong() + " ms" : "";
        return new SourceContext.Secondary(sleep.call(), "the sleep" + time + " between attempts");
    }
}
