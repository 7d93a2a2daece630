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
}
