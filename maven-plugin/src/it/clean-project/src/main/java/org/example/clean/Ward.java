package org.example.clean;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Waits for admissions by blocking, not by polling. */
public class Ward {
    private final BlockingQueue<String> admissions = new LinkedBlockingQueue<>();

    public void admit(String patientId) {
        admissions.add(patientId);
    }

    public String nextAdmission() throws InterruptedException {
        return admissions.take();
    }
}
