package org.ecobugs.rules.settings;

import java.nio.file.Path;

/**
 * A settings file that cannot be used, with where the problem is: hosts stop before analysing, since running with
 * settings the user did not mean would report what they excluded or hide what they asked for.
 */
public final class SettingsException extends IllegalArgumentException {

    private final transient Path file;
    private final int line;
    private final int column;

    SettingsException(Path file, int line, int column, String problem) {
        super(file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + problem);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public Path file() {
        return file;
    }

    /** 1-based, or 0 when the problem is the file as a whole (it cannot be read). */
    public int line() {
        return line;
    }

    /** 1-based, or 0 when unknown. */
    public int column() {
        return column;
    }
}
