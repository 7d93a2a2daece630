package org.ecobugs.sample.fhir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ecobugs.sample.dao.ObservationDao;
import org.ecobugs.sample.model.LabResult;
import org.ecobugs.sample.model.Observation;
import org.ecobugs.sample.model.Patient;

/**
 * The observation use cases behind the FHIR API: a patient's chart of lab results, the recording of results that
 * arrive from the laboratory, and the printable summary that the ward exports for a discharge letter.
 */
public class ObservationService {

    /** Looks patients up in the master patient index. */
    @FunctionalInterface
    public interface PatientIndex {
        Optional<Patient> find(long patientId) throws SQLException;
    }

    private final ObservationDao observations;
    private final PatientIndex patients;

    public ObservationService(ObservationDao observations, PatientIndex patients) {
        this.observations = observations;
        this.patients = patients;
    }

    public Optional<Patient> patient(long patientId) throws SQLException {
        return patients.find(patientId);
    }

    /** The patient and all their observations, as a FHIR {@code collection} Bundle ({@code Patient/$everything}). */
    public Optional<ObjectNode> everything(long patientId) throws SQLException {
        Optional<Patient> patient = patients.find(patientId);
        if (patient.isEmpty()) {
            return Optional.empty();
        }
        List<ObjectNode> resources = new ArrayList<>();
        resources.add(FhirJson.patient(patient.get()));
        for (Observation observation : observations.findByPatient(patientId)) {
            resources.add(FhirJson.observation(observation));
        }
        return Optional.of(FhirJson.bundle("collection", resources));
    }

    /** The latest result of one test for a patient, as a {@code searchset} Bundle of zero or one Observation. */
    public ObjectNode latest(long patientId, String loincCode) throws SQLException {
        List<ObjectNode> found = new ArrayList<>();
        observations.findLatest(patientId, loincCode).ifPresent(o -> found.add(FhirJson.observation(o)));
        return FhirJson.bundle("searchset", found);
    }

    /** Stores a numeric result received from the laboratory as a final observation, and returns its id. */
    public long record(long patientId, LabResult result) throws SQLException {
        return observations.insert(new Observation(
                0,
                patientId,
                result.loincCode(),
                result.display(),
                new BigDecimal(result.value()),
                result.unit(),
                "final",
                result.observedAt()));
    }

    /**
     * Writes the patient's results to a readable JSON file in {@code directory}, which the discharge-letter tool
     * picks up, and returns the file.
     */
    public Path exportSummary(long patientId, Path directory) throws SQLException, IOException {
        Patient patient = patients.find(patientId)
                .orElseThrow(() -> new IllegalArgumentException("unknown patient " + patientId));
        ObjectNode summary = FhirJson.MAPPER.createObjectNode();
        summary.put("mrn", patient.mrn());
        summary.put("patient", patient.familyName() + ", " + patient.givenName());
        summary.put("exportedOn", LocalDate.now().toString());
        summary.put("observationCount", observations.countByPatient(patientId));
        ArrayNode results = summary.putArray("results");
        for (Observation observation : observations.findByPatient(patientId)) {
            results.addObject()
                    .put("test", observation.display())
                    .put("value", observation.value().toPlainString() + " " + observation.unit())
                    .put("date", observation.effectiveAt().toString());
        }
        String text = FhirJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(summary);
        Path target = directory.resolve("results-" + patient.mrn() + ".json");
        Files.writeString(target, text);
        return target;
    }
}
