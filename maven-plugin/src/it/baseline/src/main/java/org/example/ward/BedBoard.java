package org.example.ward;

import java.util.concurrent.atomic.AtomicBoolean;

/** The ward's bed board: two known polls from the last release, and a new one. */
public class BedBoard {
    private final AtomicBoolean refreshed = new AtomicBoolean();
    private volatile boolean admissionsReady;
    private volatile boolean dischargesReady;

    /** New in this release: the baseline does not know it. */
    public void awaitDischarges() {
        while (!dischargesReady) {
            Thread.onSpinWait();
        }
    }

    public void awaitRefresh() {
        while (!refreshed.get()) {
            // spins a core until the board refreshes
        }
    }

    public void awaitAdmissions() throws InterruptedException {
        while (!admissionsReady) {
            Thread.sleep(20);
        }
    }
}
