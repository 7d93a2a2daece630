package org.ecobugs.sample.model;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A stored numeric observation about a patient, typically a lab test result.
 *
 * @param id the row id, 0 before the observation is stored
 * @param patientId the patient the observation is about
 * @param loincCode the LOINC code of what was measured, e.g. {@code 2345-7} for serum glucose
 * @param display the human-readable name of the test
 * @param value the measured value
 * @param unit the UCUM unit of the value, e.g. {@code mg/dL}
 * @param status the FHIR observation status: {@code preliminary}, {@code final}, {@code amended}…
 * @param effectiveAt when the specimen was collected or the measurement taken
 */
public record Observation(
        long id,
        long patientId,
        String loincCode,
        String display,
        BigDecimal value,
        String unit,
        String status,
        Instant effectiveAt) {}
