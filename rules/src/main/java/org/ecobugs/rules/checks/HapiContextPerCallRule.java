package org.ecobugs.rules.checks;

import static org.ecobugs.rules.checks.PerCallCreations.Factory.constructor;
import static org.ecobugs.rules.checks.PerCallCreations.Factory.staticMethod;
import static org.ecobugs.rules.checks.PerCallCreations.Scope.ANY_METHOD;

import java.util.ArrayList;
import java.util.List;
import org.ecobugs.rules.api.Detector;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.project.Effect;

/**
 * A HAPI FHIR {@code FhirContext} ({@code FhirContext.forR4()} and the other versions, {@code forVersion}, {@code new
 * FhirContext(…)}) or a HAPI HL7v2 {@code DefaultHapiContext} created for one call and dropped. The cached contexts
 * ({@code forR4Cached()}, {@code forCached(version)}) are shared and never reported; contexts kept in fields, returned,
 * handed on or built in set-up code are not reported either, nor are contexts whose parser or client is kept.
 */
@RuleKey("EB502")
public final class HapiContextPerCallRule implements EnergyRule {

    private static final String FHIR_CONTEXT = "ca/uhn/fhir/context/FhirContext";

    private static final List<String> FHIR_FACTORIES =
            List.of("forDstu2", "forDstu2Hl7Org", "forDstu2_1", "forDstu3", "forR4", "forR4B", "forR5", "forVersion");

    private static final List<PerCallCreations.Factory> CONTEXTS = contexts();

    static final PerCallCreations CREATIONS = new PerCallCreations(
            CONTEXTS,
            HapiContextPerCallRule::keepsContext,
            HapiContextPerCallRule::message,
            Effect.Kind.NEW_FHIR_CONTEXT);

    private static List<PerCallCreations.Factory> contexts() {
        List<PerCallCreations.Factory> contexts = new ArrayList<>();
        for (String factory : FHIR_FACTORIES) {
            contexts.add(staticMethod("FhirContext", FHIR_CONTEXT, factory, ANY_METHOD));
        }
        contexts.add(constructor("FhirContext", FHIR_CONTEXT, ANY_METHOD));
        contexts.add(constructor("HapiContext", "ca/uhn/hl7v2/DefaultHapiContext", ANY_METHOD));
        return List.copyOf(contexts);
    }

    /**
     * What a context makes keeps a reference to it: parsers, clients, validators, terser ({@code new…}), HL7v2 parsers
     * ({@code getPipeParser()}…), the client factory and the model definitions.
     */
    private static boolean keepsContext(String method) {
        return method.startsWith("new")
                || (method.startsWith("get") && method.endsWith("Parser"))
                || method.equals("getRestfulClientFactory")
                || method.equals("getResourceDefinition")
                || method.equals("getElementDefinition");
    }

    static String message(PerCallCreations.Factory context, String unit) {
        if (context.display().equals("FhirContext")) {
            return "A new FhirContext is created for each " + unit + ", which rebuilds its model of the FHIR classes"
                    + " and its client factory (connection pool, server metadata check); create one context per FHIR"
                    + " version and share it, or use FhirContext.forCached(version).";
        }
        return "A new HapiContext is created for each " + unit + ", which rebuilds its validation rules, parsers and"
                + " connection hub; create one context and share it.";
    }

    @Override
    public List<Detector> detectors() {
        return CREATIONS.detectors();
    }
}
