package org.ecobugs.sample.fhir;

import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The FHIR REST endpoints for patients: {@code GET /Patient/{id}}, {@code GET /Patient/{id}/$everything} and
 * {@code GET /Observation?patient={id}&code={loinc}}. The HTTP server calls these handlers and copies the
 * {@link Response} to the wire.
 */
public class PatientResource {

    private static final Logger LOG = Logger.getLogger(PatientResource.class.getName());

    /** An HTTP response with a FHIR JSON body. */
    public record Response(int status, String body) {
        public static final String CONTENT_TYPE = "application/fhir+json";
    }

    private final ObservationService service;

    public PatientResource(ObservationService service) {
        this.service = service;
    }

    /** {@code GET /Patient/{id}} */
    public Response read(long patientId) {
        try {
            return service.patient(patientId)
                    .map(patient -> new Response(200, FhirJson.toJson(FhirJson.patient(patient))))
                    .orElseGet(() -> notFound(patientId));
        } catch (SQLException e) {
            return serverError("read Patient/" + patientId, e);
        }
    }

    /** {@code GET /Patient/{id}/$everything} */
    public Response everything(long patientId) {
        try {
            return service.everything(patientId)
                    .map(bundle -> new Response(200, FhirJson.toJson(bundle)))
                    .orElseGet(() -> notFound(patientId));
        } catch (SQLException e) {
            return serverError("Patient/" + patientId + "/$everything", e);
        }
    }

    /** {@code GET /Observation?patient={id}&code=http://loinc.org|{loinc}&_sort=-date&_count=1} */
    public Response latestObservation(long patientId, String loincCode) {
        try {
            return new Response(200, FhirJson.toJson(service.latest(patientId, loincCode)));
        } catch (SQLException e) {
            return serverError("Observation search for Patient/" + patientId, e);
        }
    }

    private static Response notFound(long patientId) {
        return new Response(404, FhirJson.toJson(
                FhirJson.operationOutcome("error", "not-found", "Patient/" + patientId + " is not known")));
    }

    private static Response serverError(String operation, SQLException e) {
        LOG.log(Level.SEVERE, operation + " failed", e);
        return new Response(500, FhirJson.toJson(
                FhirJson.operationOutcome("fatal", "exception", "The observation store is unavailable")));
    }
}
