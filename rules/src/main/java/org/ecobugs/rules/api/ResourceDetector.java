package org.ecobugs.rules.api;

import org.ecobugs.rules.config.ConfigFile;

/**
 * The part of a rule that reads configuration files: Spring Boot's {@code application*.properties} and {@code
 * application*.yml} found under the resource roots of the request, each parsed once into flattened entries with their
 * line numbers.
 */
public interface ResourceDetector extends Detector {

    /** Called once per configuration file. */
    void visitConfigFile(ConfigFile file, ResourceContext context);
}
