package org.ecobugs.rules.api;

import org.ecobugs.rules.config.ConfigFile;

/**
 * A rule that reads configuration files: Spring Boot's {@code application*.properties} and {@code application*.yml}
 * found under the resource roots of the request. The engine parses each file once into flattened entries with their
 * line numbers and hands it to every resource rule.
 */
public interface ResourceRule extends EnergyRule {

    /** Called once per configuration file. */
    void visitConfigFile(ConfigFile file, ResourceContext context);
}
