package org.ecobugs.rules;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A suppression in the source that matched no finding of the rules that ran: the code it excused has changed, and the
 * annotation or comment now only hides the next finding there.
 *
 * @param file the file it is written in
 * @param line its line
 * @param suppression what it is: the annotation or comment, with its reason
 */
public record UnusedSuppression(Path file, int line, String suppression) {

    public UnusedSuppression {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(suppression, "suppression");
    }
}
