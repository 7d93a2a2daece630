package org.ecobugs.rules.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes the JSON documents of the JSON and SARIF reports the same way: compact, on one line ended by {@code \n}.
 * Tools read these reports; indenting them would be the waste EB201 reports ({@code jq .} indents them for people).
 */
final class JsonOutput {

    private static final ObjectMapper MAPPER = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private JsonOutput() {}

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static void write(JsonNode document, Writer out) throws IOException {
        MAPPER.writeValue(out, document);
        out.write('\n');
        out.flush();
    }
}
