package org.ecobugs.sample.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import org.ecobugs.sample.fhir.ObservationService;
import org.ecobugs.sample.fhir.PatientResource;
import org.ecobugs.sample.model.LabResult;

/**
 * The sample app's FHIR endpoints served over HTTP on loopback, as a servlet container would serve them: {@code GET
 * /Patient/{id}}, {@code GET /Patient/{id}/$everything}, {@code GET /Observation?patient={id}&code={loinc}} and {@code
 * POST /Observation}. The bodies are the app's own ({@link PatientResource}).
 */
final class FhirServer implements Closeable {

    private static final ObjectMapper READER = new ObjectMapper();

    private final HttpServer server;

    private FhirServer(HttpServer server) {
        this.server = server;
    }

    static FhirServer start(PatientResource patients, ObservationService service) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/Patient/", exchange -> {
            String[] path = exchange.getRequestURI().getPath().split("/");
            long id = Long.parseLong(path[2]);
            PatientResource.Response response =
                    path.length > 3 && path[3].equals("$everything") ? patients.everything(id) : patients.read(id);
            send(exchange, response.status(), response.body());
        });
        server.createContext("/Observation", exchange -> {
            if (exchange.getRequestMethod().equals("POST")) {
                created(exchange, patients, service);
            } else {
                String query = exchange.getRequestURI().getQuery();
                long patient = Long.parseLong(parameter(query, "patient"));
                PatientResource.Response response = patients.latestObservation(patient, parameter(query, "code"));
                send(exchange, response.status(), response.body());
            }
        });
        server.start();
        return new FhirServer(server);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Stores a posted FHIR Observation and answers with the stored resource, as a FHIR server does. */
    private static void created(HttpExchange exchange, PatientResource patients, ObservationService service)
            throws IOException {
        JsonNode observation;
        try (InputStream in = exchange.getRequestBody()) {
            observation = READER.readTree(in);
        }
        long patient =
                Long.parseLong(observation.at("/subject/reference").asText().substring("Patient/".length()));
        JsonNode coding = observation.at("/code/coding/0");
        String code = coding.path("code").asText();
        LabResult result = new LabResult(
                "",
                "",
                code,
                coding.path("display").asText(),
                observation.at("/valueQuantity/value").asText(),
                observation.at("/valueQuantity/unit").asText(),
                "",
                Instant.parse(observation.path("effectiveDateTime").asText()));
        try {
            service.record(patient, result);
        } catch (SQLException e) {
            send(exchange, 500, "{\"resourceType\":\"OperationOutcome\"}");
            return;
        }
        PatientResource.Response stored = patients.latestObservation(patient, code);
        send(exchange, 201, stored.body());
    }

    private static String parameter(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new IllegalArgumentException("missing parameter " + name);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", PatientResource.Response.CONTENT_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
