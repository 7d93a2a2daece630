package org.ecobugs.rules.checks;

import java.util.List;
import java.util.Set;
import org.ecobugs.rules.api.Detector;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.java.Waits;

/**
 * A worker loop that cannot be stopped: it catches the thread's interruption and goes on, in a loop that has no other
 * way out ({@code while (true)} with no exit), or in a loop that ends only when the thread is interrupted, whose flag
 * the catch just cleared. Retry loops that leave on success are {@code EB302}'s; a loop with any other exit (a flag in
 * its condition, a {@code break}, a {@code return}, a {@code throw}) can be stopped and is not reported.
 */
@RuleKey("EB303")
public final class UninterruptibleInfiniteLoopRule implements EnergyRule {

    static final String SWALLOWED = "This catch swallows the interruption inside a loop that has no exit, so the"
            + " worker can never be stopped; restore the interrupt flag and leave the loop.";
    static final String RESTORED_BUT_STAYS = "This catch restores the interruption but stays in a loop that has no"
            + " exit, so the worker never stops and spins on the pending interrupt; leave the loop when interrupted.";
    static final String CLEARED = "This catch clears the interruption that ends the loop, so the worker can never be"
            + " stopped; restore the flag with Thread.currentThread().interrupt() or leave the loop.";

    /** Calls that throw {@code InterruptedException} when they block (and {@link Waits#isBlocking} says they do). */
    static final Set<String> INTERRUPTIBLE = Set.of(
            "take",
            "takeFirst",
            "takeLast",
            "await",
            "awaitTermination",
            "awaitNanos",
            "awaitUntil",
            "awaitAdvanceInterruptibly",
            "wait",
            "acquire",
            "lockInterruptibly",
            "invokeAll",
            "invokeAny",
            "exchange",
            "transfer",
            "poll",
            "offer",
            "tryLock",
            "tryAcquire",
            "get");

    @Override
    public List<Detector> detectors() {
        return List.of(new UninterruptibleInfiniteLoopSource(), new UninterruptibleInfiniteLoopBytecode());
    }
}
