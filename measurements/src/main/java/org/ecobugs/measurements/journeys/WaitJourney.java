package org.ecobugs.measurements.journeys;

import java.util.concurrent.CountDownLatch;

/**
 * A journey that waits 500 ms for a result another thread delivers, in one of two ways that differ only by the energy
 * bug EB101 reports: {@code busy} spins on a volatile flag ({@code while (!ready) Thread.onSpinWait();}), {@code
 * blocking} waits on a latch. The wall time is the same; the busy wait keeps a core busy for all of it.
 */
public final class WaitJourney {

    static final long DELAY_MS = 500;

    private static volatile boolean ready;

    private WaitJourney() {}

    public static void main(String[] args) throws InterruptedException {
        boolean busy = Variants.pick(args, "busy", "blocking");
        ready = false;
        CountDownLatch latch = new CountDownLatch(1);
        Thread producer = new Thread(
                () -> {
                    try {
                        Thread.sleep(DELAY_MS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    ready = true;
                    latch.countDown();
                },
                "producer");
        Step step = Step.start("wait for the result");
        producer.start();
        if (busy) {
            spin();
        } else {
            latch.await();
        }
        step.commit();
        producer.join();
    }

    private static void spin() {
        while (!ready) {
            Thread.onSpinWait();
        }
    }
}
