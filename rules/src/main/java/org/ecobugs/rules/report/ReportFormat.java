package org.ecobugs.rules.report;

import java.util.Locale;

/** The report formats ecobugs writes, each with the file extension tools expect for it. */
public enum ReportFormat {
    TEXT("txt"),
    JSON("json"),
    SARIF("sarif"),
    HTML("html");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    /** The file extension, without the dot: {@code txt}, {@code json}, {@code sarif} or {@code html}. */
    public String extension() {
        return extension;
    }

    /** The name users type to select the format: {@code text}, {@code json}, {@code sarif} or {@code html}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format a user named. Names are written in lower case; upper case is accepted too because a shell user who
     * types {@code JSON} means the same thing.
     *
     * @throws IllegalArgumentException naming the accepted formats when {@code name} is none of them
     */
    public static ReportFormat fromName(String name) {
        if (name != null) {
            for (ReportFormat format : values()) {
                if (format.id().equals(name.strip().toLowerCase(Locale.ROOT))) {
                    return format;
                }
            }
        }
        throw new IllegalArgumentException("Unknown report format '" + name + "'; use text, json, sarif or html");
    }
}
