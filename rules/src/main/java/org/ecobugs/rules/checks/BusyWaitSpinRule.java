package org.ecobugs.rules.checks;

import java.util.List;
import org.ecobugs.rules.api.Detector;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.RuleKey;

/**
 * A loop that waits for a condition by re-testing it without blocking: its body does nothing but spin hints
 * ({@code Thread.onSpinWait()}, {@code Thread.yield()}, {@code sleep(0)}, sub-millisecond {@code parkNanos}), and its
 * exit tests only read state another thread changes. Counted spins ({@code for} with an update) are bounded and left
 * alone; loops that block on an event are not spins.
 */
@RuleKey("EB101")
public final class BusyWaitSpinRule implements EnergyRule {

    static final String MESSAGE = "This loop spins until its condition changes and keeps a core busy for the whole"
            + " wait; block on the event instead (a latch, a future, a queue's take() or a condition).";

    static final long ONE_MILLISECOND_IN_NANOS = 1_000_000L;

    @Override
    public List<Detector> detectors() {
        return List.of(new BusyWaitSpinSource(), new BusyWaitSpinBytecode());
    }
}
