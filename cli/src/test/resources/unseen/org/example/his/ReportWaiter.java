package org.example.his;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Waits for the radiology report of an exam. */
public class ReportWaiter {

    private final HttpClient http = HttpClient.newHttpClient();

    public String awaitReport(URI exam) throws IOException, InterruptedException {
        while (true) {
            HttpResponse<String> status = http.send(HttpRequest.newBuilder(exam).build(), HttpResponse.BodyHandlers.ofString());
            if (status.body().contains("\"status\":\"final\"")) {
                return status.body();
            }
            Thread.sleep(3_000);
        }
    }

    public String awaitReportPushed(CompletableFuture<String> reportFinalized) throws Exception {
        return reportFinalized.get(30, TimeUnit.MINUTES);
    }
}
