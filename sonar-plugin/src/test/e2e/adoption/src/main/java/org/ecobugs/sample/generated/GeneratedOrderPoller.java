package org.ecobugs.sample.generated;

/** Written by the build from the order interface's description; the configuration file leaves it out. */
public class GeneratedOrderPoller {
    private volatile boolean orderReceived;

    public void awaitOrder() throws InterruptedException {
        while (!orderReceived) {
            Thread.onSpinWait();
        }
        while (orderReceived) {
            Thread.sleep(20);
        }
    }
}
