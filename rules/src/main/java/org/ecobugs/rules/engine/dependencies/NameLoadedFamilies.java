package org.ecobugs.rules.engine.dependencies;

import java.util.List;
import java.util.Set;

/**
 * Libraries that load one of several artifacts by a version name, so that no class of the artifact appears in the
 * caller's bytecode. HAPI FHIR's {@code FhirVersionEnum} names the context class of each structures artifact
 * ({@code R4("org.hl7.fhir.r4.hapi.ctx.FhirR4", …)}) and {@code FhirContext.forR4()} loads it by that name.
 *
 * <p>The strings in the dispatcher classes are not counted as references to every version: the versions the code asks
 * for are. A call that picks the version at run time ({@code forVersion}, {@code forCached}, {@code valueOf}) without
 * naming any version makes every version impossible to prove unused.
 */
final class NameLoadedFamilies {

    static final String FHIR_CONTEXT = "ca/uhn/fhir/context/FhirContext";
    static final String FHIR_VERSION_ENUM = "ca/uhn/fhir/context/FhirVersionEnum";

    /** The classes whose calls and field reads select a version. */
    static final Set<String> DISPATCHERS = Set.of(FHIR_CONTEXT, FHIR_VERSION_ENUM);

    /** Calls that choose the version from a value known only at run time. */
    static final Set<String> ANY_VERSION = Set.of(
            FHIR_CONTEXT + ".forVersion",
            FHIR_CONTEXT + ".forCached",
            FHIR_VERSION_ENUM + ".valueOf",
            FHIR_VERSION_ENUM + ".values",
            FHIR_VERSION_ENUM + ".forVersionString");

    /**
     * One artifact loaded by name.
     *
     * @param groupId its group
     * @param artifactId its artifact
     * @param entryClass the class the dispatcher loads, internal name
     * @param triggers the {@code owner.member} references that ask for it
     */
    record Family(String groupId, String artifactId, String entryClass, Set<String> triggers) {
        boolean matches(String group, String artifact) {
            return groupId.equals(group) && artifactId.equals(artifact);
        }
    }

    static final List<Family> FAMILIES = List.of(
            fhir("hapi-fhir-structures-dstu2", "ca/uhn/fhir/model/dstu2/FhirDstu2", "Dstu2", "DSTU2"),
            fhir(
                    "hapi-fhir-structures-hl7org-dstu2",
                    "org/hl7/fhir/dstu2/hapi/ctx/FhirDstu2Hl7Org",
                    "Dstu2Hl7Org",
                    "DSTU2_HL7ORG"),
            fhir("hapi-fhir-structures-dstu2.1", "org/hl7/fhir/dstu2016may/hapi/ctx/FhirDstu2_1", "Dstu2_1", "DSTU2_1"),
            fhir("hapi-fhir-structures-dstu3", "org/hl7/fhir/dstu3/hapi/ctx/FhirDstu3", "Dstu3", "DSTU3"),
            fhir("hapi-fhir-structures-r4", "org/hl7/fhir/r4/hapi/ctx/FhirR4", "R4", "R4"),
            fhir("hapi-fhir-structures-r4b", "org/hl7/fhir/r4b/hapi/ctx/FhirR4B", "R4B", "R4B"),
            fhir("hapi-fhir-structures-r5", "org/hl7/fhir/r5/hapi/ctx/FhirR5", "R5", "R5"));

    private NameLoadedFamilies() {}

    private static Family fhir(String artifactId, String entryClass, String method, String constant) {
        return new Family(
                "ca.uhn.hapi.fhir",
                artifactId,
                entryClass,
                Set.of(
                        FHIR_CONTEXT + ".for" + method,
                        FHIR_CONTEXT + ".for" + method + "Cached",
                        FHIR_VERSION_ENUM + "." + constant));
    }
}
