package org.ecobugs.rules.project;

import java.nio.file.Path;
import org.ecobugs.rules.SecondaryLocation;

/** A place in a source file: 1-based lines and columns, the end inclusive. */
public record Site(Path file, int line, int column, int endLine, int endColumn) {

    /** This place as a secondary location of a finding, with what it is to that finding. */
    public SecondaryLocation secondary(String message) {
        return new SecondaryLocation(file, line, column, endLine, endColumn, message);
    }
}
