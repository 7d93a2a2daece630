package org.ecobugs.measurements.journeys;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A journey that sends 100 requests over loopback HTTP with a client that differs only by the energy bug EB501
 * reports: {@code per-request} builds a new {@code java.net.http.HttpClient} for each request and drops it, {@code
 * shared} builds one for all of them.
 */
public final class ClientJourney {

    static final int REQUESTS = 100;
    private static final byte[] BODY =
            "{\"resourceType\":\"Patient\",\"id\":\"1001\"}".getBytes(StandardCharsets.UTF_8);

    private ClientJourney() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        boolean perRequest = Variants.pick(args, "per-request", "shared");
        // As a production server would: without it, each response on a kept-alive connection waits for the client's
        // delayed acknowledgement of its headers (40 ms on Linux), which the journey would measure instead of the bug.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/Patient", exchange -> {
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
            }
        });
        server.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/Patient/1001");
            HttpClient shared = perRequest ? null : HttpClient.newHttpClient();
            Step step = Step.start("send the requests");
            for (int i = 0; i < REQUESTS; i++) {
                HttpClient client = perRequest ? HttpClient.newHttpClient() : shared;
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
}
