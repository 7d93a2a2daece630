package org.ecobugs.measurements.journeys;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A journey that fetches a FHIR searchset Bundle of 100 lab Observations 20 times over loopback HTTP, from a server
 * whose Jackson mapper differs only by the energy bug EB201 reports: {@code pretty} enables {@code INDENT_OUTPUT},
 * {@code compact} does not. The content is fixed, so the bytes are the same in every run.
 */
public final class PayloadJourney {

    static final int OBSERVATIONS = 100;
    static final int REQUESTS = 20;

    private PayloadJourney() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        boolean pretty = Variants.pick(args, "pretty", "compact");
        ObjectMapper mapper = new ObjectMapper();
        if (pretty) {
            mapper.enable(SerializationFeature.INDENT_OUTPUT);
        }
        // As a production server would: without it, each response on a kept-alive connection waits for the client's
        // delayed acknowledgement of its headers (40 ms on Linux), which the journey would measure instead of the bug.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/Observation", exchange -> {
            byte[] body = mapper.writeValueAsBytes(bundle(mapper));
            exchange.getResponseHeaders().set("Content-Type", "application/fhir+json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/Observation?patient=1001");
            Step step = Step.start("fetch the observations");
            for (int i = 0; i < REQUESTS; i++) {
                HttpResponse<byte[]> response =
                        client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IOException("status " + response.statusCode());
                }
            }
            step.commit();
        } finally {
            server.stop(0);
        }
    }

    static ObjectNode bundle(ObjectMapper mapper) {
        ObjectNode bundle = mapper.createObjectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", "searchset");
        bundle.put("total", OBSERVATIONS);
        ArrayNode entries = bundle.putArray("entry");
        for (int i = 0; i < OBSERVATIONS; i++) {
            ObjectNode observation = mapper.createObjectNode();
            observation.put("resourceType", "Observation");
            observation.put("id", Integer.toString(5000 + i));
            observation.put("status", "final");
            observation
                    .putObject("code")
                    .putArray("coding")
                    .addObject()
                    .put("system", "http://loinc.org")
                    .put("code", "2345-7")
                    .put("display", "Glucose [Mass/volume] in Serum or Plasma");
            observation.putObject("subject").put("reference", "Patient/1001");
            observation.put("effectiveDateTime", "2026-11-" + (10 + i % 18) + "T08:30:00Z");
            observation
                    .putObject("valueQuantity")
                    .put("value", 90 + i % 40)
                    .put("unit", "mg/dL")
                    .put("system", "http://unitsofmeasure.org")
                    .put("code", "mg/dL");
            entries.addObject().put("fullUrl", "Observation/" + (5000 + i)).set("resource", observation);
        }
        return bundle;
    }
}
