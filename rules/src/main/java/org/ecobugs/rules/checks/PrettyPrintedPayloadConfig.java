package org.ecobugs.rules.checks;

import java.util.List;
import org.ecobugs.rules.api.ResourceContext;
import org.ecobugs.rules.api.ResourceDetector;
import org.ecobugs.rules.config.ConfigEntry;
import org.ecobugs.rules.config.ConfigFile;

/** EB201 in Spring Boot configuration: the properties that make the application's own mapper indent every response. */
final class PrettyPrintedPayloadConfig implements ResourceDetector {

    /** Configuration properties that make every response of the application indented. */
    private static final List<String> PRETTY_PROPERTIES = List.of(
            "spring.jackson.serialization.indent-output",
            "spring.gson.pretty-printing",
            "hapi.fhir.default-pretty-print");

    @Override
    public void visitConfigFile(ConfigFile file, ResourceContext context) {
        for (ConfigEntry entry : file.entries()) {
            if (entry.isTrue() && !entry.isForDevelopers()) {
                PRETTY_PROPERTIES.stream()
                        .filter(entry::is)
                        .findFirst()
                        .ifPresent(property -> context.report(
                                entry.line(),
                                PrettyPrintedPayloadRule.propertyMessage(property, entry.key() + "=true")));
            }
        }
    }
}
