package org.ecobugs.sample.model;

import java.time.Instant;
import java.util.Set;

/**
 * One result line (an OBX segment) of an HL7 v2 ORU^R01 message from the laboratory information system.
 *
 * @param accessionNumber the laboratory's specimen accession number (the filler order number)
 * @param patientMrn the medical record number of the patient (PID-3)
 * @param loincCode the LOINC code of the test (OBX-3)
 * @param display the name of the test
 * @param value the result value as sent (OBX-5)
 * @param unit the unit (OBX-6)
 * @param abnormalFlag the abnormal flag (OBX-8), empty when the result is normal
 * @param observedAt when the observation was made (OBX-14)
 */
public record LabResult(
        String accessionNumber,
        String patientMrn,
        String loincCode,
        String display,
        String value,
        String unit,
        String abnormalFlag,
        Instant observedAt) {

    /** HL7 table 0078 flags for critical values, which must be phoned to the ward at once. */
    private static final Set<String> CRITICAL_FLAGS = Set.of("HH", "LL", "AA");

    /** Whether the result is a critical (panic) value. */
    public boolean critical() {
        return CRITICAL_FLAGS.contains(abnormalFlag);
    }
}
