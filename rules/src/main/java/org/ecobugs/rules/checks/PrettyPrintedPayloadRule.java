package org.ecobugs.rules.checks;

import java.util.List;
import org.ecobugs.rules.api.Detector;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.RuleKey;

/**
 * Serializers configured to indent their output: Jackson ({@code INDENT_OUTPUT}, {@code
 * writerWithDefaultPrettyPrinter()}, {@code useDefaultPrettyPrinter()}), Gson ({@code setPrettyPrinting()}), HAPI
 * FHIR ({@code setPrettyPrint(true)}, {@code setDefaultPrettyPrint(true)}, {@code prettyPrint()}), JAXB
 * ({@code JAXB_FORMATTED_OUTPUT}) and XSLT ({@code OutputKeys.INDENT}). Code whose method writes to files is left
 * alone: files are often meant for human readers. In Spring Boot configuration, the properties that make the
 * application's own mapper indent every response ({@code spring.jackson.serialization.indent-output}, {@code
 * spring.gson.pretty-printing}, the HAPI FHIR JPA starter's {@code hapi.fhir.default_pretty_print}), except in
 * developer and test profiles.
 */
@RuleKey("EB201")
public final class PrettyPrintedPayloadRule implements EnergyRule {

    static final String JAXB_FORMATTED_OUTPUT = "jaxb.formatted.output";

    /** Measured on JSON FHIR searchset Bundles (docs/measurements.md, FHIR payloads): it applies to FHIR output only. */
    private static final String FHIR_FIGURE = " (+50 to +75 % bytes, measured on a FHIR JSON Bundle)";

    private static final String FIX = "; serialize compactly and pretty-print only for human readers.";

    /** The message for a setting found in code, as the source and bytecode detectors name it. */
    static String message(String setting) {
        return message(setting, "");
    }

    /**
     * The message for a setting found in code, with what decided it when configuration did ({@code  (set by the default
     * of fhir.pretty-print in FhirProperties)}).
     */
    static String message(String setting, String decidedBy) {
        String indented = switch (setting) {
            case "Jackson INDENT_OUTPUT",
                    "writerWithDefaultPrettyPrinter()",
                    "useDefaultPrettyPrinter()",
                    "Gson setPrettyPrinting()" -> "payload it writes with JSON indentation";
            case "HAPI FHIR setPrettyPrint(true)", "HAPI FHIR setDefaultPrettyPrint(true)" ->
                "resource it" + " encodes with indentation" + FHIR_FIGURE;
            case "HAPI FHIR prettyPrint()" ->
                "resource this request sends and the response it asks for" + " with indentation" + FHIR_FIGURE;
            case "JAXB_FORMATTED_OUTPUT", "OutputKeys.INDENT" -> "payload it writes with XML indentation";
            default -> throw new IllegalArgumentException(setting);
        };
        return setting + decidedBy + " pads every " + indented + FIX;
    }

    /** The message for a Spring Boot property that indents every response of the application. */
    static String propertyMessage(String property, String value) {
        String indented = switch (property) {
            case "spring.jackson.serialization.indent-output" -> "JSON response of the application";
            case "spring.gson.pretty-printing" -> "JSON response of the application";
            case "hapi.fhir.default-pretty-print" -> "FHIR response of the server";
            default -> throw new IllegalArgumentException(property);
        };
        String figure = property.startsWith("hapi.") ? FHIR_FIGURE : "";
        return value + " pads every " + indented + " with indentation" + figure + FIX;
    }

    @Override
    public List<Detector> detectors() {
        return List.of(
                new PrettyPrintedPayloadSource(), new PrettyPrintedPayloadBytecode(), new PrettyPrintedPayloadConfig());
    }
}
