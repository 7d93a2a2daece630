package org.ecobugs.rules.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where hosts get a report writer. */
public final class Reports {

    private Reports() {}

    public static ReportWriter writer(ReportFormat format) {
        return switch (format) {
            case TEXT -> new TextReport();
            case JSON -> new JsonReport();
            case SARIF -> new SarifReport();
            case HTML -> new HtmlReport();
        };
    }

    /**
     * Writes a report to a file in UTF-8, creating its parent directories and replacing the file if it exists.
     *
     * @throws IOException when the file cannot be written; a partial file may be left behind
     */
    public static void write(ReportFormat format, ReportContext context, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer(format).write(context, out);
        }
    }
}
