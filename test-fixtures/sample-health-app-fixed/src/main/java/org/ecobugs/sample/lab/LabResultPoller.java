package org.ecobugs.sample.lab;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import org.ecobugs.sample.model.LabResult;

/**
 * Hands lab results from the HL7 result feed to the code that waits for them. Routine results are stored in the
 * chart in arrival order; critical values go to a separate queue that the notification desk watches, so that the
 * ward can be phoned within minutes.
 */
public class LabResultPoller {

    private static final Logger LOG = Logger.getLogger(LabResultPoller.class.getName());
    private static final long CRITICAL_WAIT_SECONDS = 30;

    private final BlockingQueue<LabResult> routineResults = new LinkedBlockingQueue<>();
    private final BlockingQueue<LabResult> criticalResults = new LinkedBlockingQueue<>();
    private final Lock instrument = new ReentrantLock();
    private final Condition instrumentStatusChanged = instrument.newCondition();
    private boolean instrumentReady;

    /** Called by the result feed for every OBX it receives. */
    public void accept(LabResult result) {
        if (result.critical()) {
            LOG.warning("critical value " + result.loincCode() + "=" + result.value() + " for accession "
                    + result.accessionNumber());
            criticalResults.add(result);
        } else {
            routineResults.add(result);
        }
    }

    /** Called by the result feed when the analyser middleware reports its status (an ESU^U01 message). */
    public void onInstrumentStatus(String equipmentState) {
        instrument.lock();
        try {
            instrumentReady = "OP".equals(equipmentState);
            instrumentStatusChanged.signalAll();
        } finally {
            instrument.unlock();
        }
    }

    /** Blocks until the analyser reports that it is operational and accepts orders. */
    public void awaitInstrumentReady() {
        instrument.lock();
        try {
            while (!instrumentReady) {
                instrumentStatusChanged.awaitUninterruptibly();
            }
        } finally {
            instrument.unlock();
        }
    }

    /** The next routine result, waiting until one arrives. */
    public LabResult awaitRoutineResult() throws InterruptedException {
        return routineResults.take();
    }

    /** The next critical value, or null when none arrived within 30 seconds. */
    public LabResult nextCriticalResult() throws InterruptedException {
        return criticalResults.poll(CRITICAL_WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
