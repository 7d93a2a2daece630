package org.example.lab;

import java.util.Hashtable;
import java.util.Map;
import org.example.core.Patient;

/** Keeps the latest laboratory result of each patient. */
public class LabResults {
    private final Map<String, String> latest = new Hashtable<>();

    public void record(Patient patient, String result) {
        latest.put(patient.id(), result);
    }

    public String of(Patient patient) {
        return latest.get(patient.id());
    }
}
