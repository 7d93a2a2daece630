package org.example.fhir;

import ca.uhn.fhir.rest.api.SummaryEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;

/** Reads vital signs from the regional FHIR server for the ward tablets. */
public class VitalsClient {

    private final IGenericClient fhir;

    public VitalsClient(IGenericClient fhir) {
        this.fhir = fhir;
    }

    public Bundle vitals(String patientId) {
        return fhir.search()
                .forResource(Observation.class)
                .where(Observation.SUBJECT.hasId(patientId))
                .and(Observation.CATEGORY.exactly().code("vital-signs"))
                .returnBundle(Bundle.class)
                .execute();
    }

    public Bundle vitalsPage(String patientId) {
        return fhir.search()
                .forResource(Observation.class)
                .where(Observation.SUBJECT.hasId(patientId))
                .and(Observation.CATEGORY.exactly().code("vital-signs"))
                .count(25)
                .returnBundle(Bundle.class)
                .execute();
    }

    public List<Patient> patients(List<String> ids) {
        List<Patient> patients = new ArrayList<>();
        for (String id : ids) {
            patients.add(fhir.read().resource(Patient.class).withId(id).execute());
        }
        return patients;
    }

    public Bundle patientsAtOnce(List<String> ids) {
        return fhir.search()
                .forResource(Patient.class)
                .where(Patient.RES_ID.exactly().codes(ids))
                .count(ids.size())
                .returnBundle(Bundle.class)
                .execute();
    }

    public int observationCount(String patientId) {
        Bundle bundle = fhir.search()
                .forResource(Observation.class)
                .where(Observation.SUBJECT.hasId(patientId))
                .count(50)
                .returnBundle(Bundle.class)
                .execute();
        return bundle.getTotal();
    }

    public int observationCountSummary(String patientId) {
        return fhir.search()
                .forResource(Observation.class)
                .where(Observation.SUBJECT.hasId(patientId))
                .summaryMode(SummaryEnum.COUNT)
                .returnBundle(Bundle.class)
                .execute()
                .getTotal();
    }

    public String birthDate(String patientId) {
        Patient patient = fhir.read().resource(Patient.class).withId(patientId).execute();
        return patient.getBirthDateElement().getValueAsString();
    }

    public String birthDateOnly(String patientId) {
        Patient patient = fhir.read().resource(Patient.class).withId(patientId).elementsSubset("birthDate").execute();
        return patient.getBirthDateElement().getValueAsString();
    }
}
