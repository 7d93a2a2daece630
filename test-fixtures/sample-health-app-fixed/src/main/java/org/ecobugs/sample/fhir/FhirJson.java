package org.ecobugs.sample.fhir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.ecobugs.sample.model.Observation;
import org.ecobugs.sample.model.Patient;

/** Maps the domain records to FHIR R4 JSON resources, and renders the JSON bodies of the API responses. */
public final class FhirJson {

    /** The one mapper of the API; configured once, then shared by all request threads. */
    static final ObjectMapper MAPPER = new ObjectMapper();

    static final String MRN_SYSTEM = "urn:oid:2.16.840.1.113883.19.5";
    private static final String LOINC_SYSTEM = "http://loinc.org";
    private static final String UCUM_SYSTEM = "http://unitsofmeasure.org";

    private FhirJson() {}

    /** A FHIR Patient resource. */
    static ObjectNode patient(Patient patient) {
        ObjectNode resource = MAPPER.createObjectNode();
        resource.put("resourceType", "Patient");
        resource.put("id", Long.toString(patient.id()));
        resource.putArray("identifier").addObject().put("system", MRN_SYSTEM).put("value", patient.mrn());
        ObjectNode name = resource.putArray("name").addObject();
        name.put("family", patient.familyName());
        name.putArray("given").add(patient.givenName());
        resource.put("gender", patient.gender());
        resource.put("birthDate", patient.birthDate().toString());
        return resource;
    }

    /** A FHIR Observation resource with a coded test and a quantity value. */
    static ObjectNode observation(Observation observation) {
        ObjectNode resource = MAPPER.createObjectNode();
        resource.put("resourceType", "Observation");
        resource.put("id", Long.toString(observation.id()));
        resource.put("status", observation.status());
        resource.putObject("code").putArray("coding").addObject()
                .put("system", LOINC_SYSTEM)
                .put("code", observation.loincCode())
                .put("display", observation.display());
        resource.putObject("subject").put("reference", "Patient/" + observation.patientId());
        resource.put("effectiveDateTime", observation.effectiveAt().toString());
        resource.putObject("valueQuantity")
                .put("value", observation.value())
                .put("unit", observation.unit())
                .put("system", UCUM_SYSTEM)
                .put("code", observation.unit());
        return resource;
    }

    /** A Bundle of the given type ({@code searchset}, {@code collection}…) holding the resources. */
    static ObjectNode bundle(String type, List<ObjectNode> resources) {
        ObjectNode bundle = MAPPER.createObjectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", type);
        bundle.put("total", resources.size());
        ArrayNode entries = bundle.putArray("entry");
        for (ObjectNode resource : resources) {
            String reference = resource.get("resourceType").asText() + "/" + resource.get("id").asText();
            entries.addObject().put("fullUrl", reference).set("resource", resource);
        }
        return bundle;
    }

    /** An OperationOutcome carrying one issue, for error responses. */
    static ObjectNode operationOutcome(String severity, String code, String diagnostics) {
        ObjectNode outcome = MAPPER.createObjectNode();
        outcome.put("resourceType", "OperationOutcome");
        outcome.putArray("issue").addObject()
                .put("severity", severity)
                .put("code", code)
                .put("diagnostics", diagnostics);
        return outcome;
    }

    /** The response body for a resource. */
    static String toJson(ObjectNode resource) {
        try {
            return MAPPER.writeValueAsString(resource);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + resource.get("resourceType"), e);
        }
    }
}
