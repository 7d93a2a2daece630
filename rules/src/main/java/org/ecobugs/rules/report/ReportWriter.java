package org.ecobugs.rules.report;

import java.io.IOException;
import java.io.Writer;

/** Renders the result of an analysis in one format. */
public interface ReportWriter {

    /**
     * Writes the whole report. Lines end with {@code \n} on every platform so that reports are byte-identical wherever
     * they are produced. The writer is flushed but not closed: the caller owns it.
     */
    void write(ReportContext context, Writer out) throws IOException;
}
