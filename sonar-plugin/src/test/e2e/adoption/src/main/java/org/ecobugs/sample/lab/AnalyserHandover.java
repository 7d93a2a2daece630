package org.ecobugs.sample.lab;

/** Hands a sample to the analyser's robot arm, which takes it within microseconds. */
public class AnalyserHandover {
    private volatile boolean armReady;
    private volatile boolean armDone;

    public void awaitArm() {
        // ecobugs:ignore EB101 the arm is ready within microseconds; blocking would cost more than it saves
        while (!armReady) {
            Thread.onSpinWait();
        }
    }

    @SuppressWarnings("ecobugs:EB102")
    public void awaitDone() throws InterruptedException {
        while (!armDone) {
            Thread.sleep(5);
        }
    }
}
