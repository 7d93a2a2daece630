package org.ecobugs.rules.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;

/**
 * The measured part of a report, which a host adds when it joins the analysis to a runtime benchmark (the {@code
 * benchmark} module): the estimate on the écoscore's axes, the steps of the journey, the findings ranked by the cost
 * they sit on, and the factors used. The writers include it as it renders itself; the engine computes none of it.
 */
public interface RuntimeSection {

    /** Lines added to the text report after its summary, each ended by {@code \n}. */
    void writeText(ReportContext context, Writer out) throws IOException;

    /** The value of the JSON report's {@code runtime} field. */
    JsonNode json(ReportContext context);

    /**
     * An HTML {@code <section>} for the HTML report: self-contained (inline SVG and styles, no script, nothing loaded
     * from elsewhere), with everything that comes from the measurement or the code escaped.
     */
    String html(ReportContext context);
}
