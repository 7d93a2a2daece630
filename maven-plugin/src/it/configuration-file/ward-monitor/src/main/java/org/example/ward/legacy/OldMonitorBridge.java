package org.example.ward.legacy;

/** The bridge to the old monitors, excluded by the configuration file. */
public class OldMonitorBridge {
    private volatile boolean connected;

    public void awaitConnection() throws InterruptedException {
        while (!connected) {
            Thread.onSpinWait();
        }
        while (connected) {
            Thread.sleep(10);
        }
    }
}
