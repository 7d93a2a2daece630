package org.example.bugs;

import java.util.concurrent.atomic.AtomicBoolean;

/** Polls the laboratory system the wasteful way. */
public class LabPoller {
    private final AtomicBoolean resultReady = new AtomicBoolean();
    private volatile boolean instrumentReady;

    public void awaitResult() {
        while (!resultReady.get()) {
            // spins a core until the result arrives
        }
    }

    public void awaitInstrument() throws InterruptedException {
        while (!instrumentReady) {
            Thread.sleep(20);
        }
    }

    /** The instrument's hand-shake needs this short poll: intended, and marked so. */
    @SuppressWarnings("ecobugs:EB102")
    public void awaitHandshake() throws InterruptedException {
        while (!instrumentReady) {
            Thread.sleep(20);
        }
    }

    public void awaitLatch() {
        // ecobugs:ignore EB101 measured: the latch opens within microseconds
        while (!resultReady.get()) {
            // spins, on purpose
        }
    }
}
