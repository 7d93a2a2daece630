package org.ecobugs.rules.api;

import java.util.List;
import org.ecobugs.rules.config.ConfigFile;

/** What a resource rule knows besides the file it visits, and how it reports. */
public interface ResourceContext {

    /**
     * The configuration files of the same directory, the visited one included: the base {@code application.*} file
     * first, then the profile-specific ones by name. Spring Boot reads them together, so a setting may be in any.
     */
    List<ConfigFile> siblings();

    /** Reports a finding on a line of the visited file. */
    void report(int line, String message);
}
