package org.ecobugs.sample.journey;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.ecobugs.sample.fhir.ObservationService;
import org.ecobugs.sample.fhir.PatientResource;
import org.ecobugs.sample.hl7.Hl7FeedListener;
import org.ecobugs.sample.hl7.MllpClient;
import org.ecobugs.sample.hl7.OruParser;
import org.ecobugs.sample.lab.LabResultPoller;
import org.ecobugs.sample.model.LabResult;
import org.ecobugs.sample.model.Patient;

/**
 * A user journey of the sample health app, offline on loopback, in four steps:
 *
 * <ol>
 *   <li><b>look up a patient</b>: {@code GET /Patient/1001} and the latest glucose result;
 *   <li><b>post observations</b>: 40 lab observations ({@code POST /Observation}), each answered with the stored
 *       resource;
 *   <li><b>wait for a lab result</b>: wait until the analyser is operational, order a fasting glucose over HL7 MLLP,
 *       wait for its result on the result feed and store it;
 *   <li><b>export a bundle</b>: {@code GET /Patient/1001/$everything} and the discharge summary file.
 * </ol>
 *
 * Before the steps it starts the app's FHIR endpoints on an HTTP server, a fake laboratory information system and the
 * app's result-feed listener; observations are kept in memory (no database). Run against the sample app or its fixed
 * twin (same API), it measures what their energy bugs cost. The optional argument is the number of observations.
 */
public final class SampleJourney {

    /** How long the analyser calibrates before it reports being operational. */
    static final long CALIBRATION_MS = 300;

    private static final Patient PATIENT =
            new Patient(1001, "MRN-000731", "Durand", "Camille", "female", LocalDate.of(1984, 3, 12));
    private static final String[][] TESTS = {
        {"2345-7", "Glucose [Mass/volume] in Serum or Plasma", "mg/dL"},
        {"2823-3", "Potassium [Moles/volume] in Serum or Plasma", "mmol/L"},
        {"2951-2", "Sodium [Moles/volume] in Serum or Plasma", "mmol/L"},
        {"2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "mg/dL"},
        {"718-7", "Hemoglobin [Mass/volume] in Blood", "g/dL"}
    };

    private SampleJourney() {}

    public static void main(String[] args) throws Exception {
        // The app's logs are not part of the journey.
        Logger.getLogger("org.ecobugs.sample").setLevel(Level.WARNING);
        // As a production server would: without it, each response waits for the delayed ACK of its headers.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int observations = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        ObservationService service = new ObservationService(
                new InMemoryObservations(), id -> id == PATIENT.id() ? Optional.of(PATIENT) : Optional.empty());
        PatientResource patients = new PatientResource(service);
        LabResultPoller poller = new LabResultPoller();
        Path exportDirectory = Files.createTempDirectory("sample-journey");
        try (FakeLis lis = new FakeLis();
                FhirServer server = FhirServer.start(patients, service)) {
            Hl7FeedListener feed = new Hl7FeedListener("127.0.0.1", lis.feedPort(), message -> {
                if (OruParser.messageType(message).equals("ESU")) {
                    poller.onInstrumentStatus(OruParser.equipmentState(message));
                } else {
                    OruParser.results(message).forEach(poller::accept);
                }
            });
            Thread feedThread = new Thread(feed, "lis-result-feed");
            feedThread.setDaemon(true);
            feedThread.start();
            HttpClient client = HttpClient.newHttpClient();

            Step step = Step.start("look up a patient");
            get(client, server.uri("/Patient/" + PATIENT.id()));
            get(client, server.uri("/Observation?patient=" + PATIENT.id() + "&code=2345-7"));
            step.commit();

            step = Step.start("post observations");
            for (int i = 0; i < observations; i++) {
                post(client, server.uri("/Observation"), observation(i));
            }
            step.commit();

            step = Step.start("wait for a lab result");
            lis.calibrate(CALIBRATION_MS);
            poller.awaitInstrumentReady();
            try (MllpClient orders = new MllpClient("127.0.0.1", lis.ordersPort())) {
                orders.connect();
                orders.send(glucoseOrder());
            }
            LabResult result = poller.awaitRoutineResult();
            service.record(PATIENT.id(), result);
            step.commit();

            step = Step.start("export a bundle");
            get(client, server.uri("/Patient/" + PATIENT.id() + "/$everything"));
            service.exportSummary(PATIENT.id(), exportDirectory);
            step.commit();

            feed.stop();
        } finally {
            try (Stream<Path> files = Files.walk(exportDirectory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static void get(HttpClient client, URI uri) throws IOException, InterruptedException {
        check(client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static void post(HttpClient client, URI uri, String body) throws IOException, InterruptedException {
        check(client.send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", PatientResource.Response.CONTENT_TYPE)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    private static void check(HttpResponse<String> response) throws IOException {
        if (response.statusCode() >= 300) {
            throw new IOException(response.request().uri() + " answered " + response.statusCode());
        }
    }

    /** A FHIR Observation, compact, with values that differ from one to the next but not from one run to the next. */
    private static String observation(int i) {
        String[] test = TESTS[i % TESTS.length];
        Instant effective = Instant.parse("2026-11-01T07:30:00Z").plus(i, ChronoUnit.HOURS);
        String value = String.format(Locale.ROOT, "%.1f", 4.0 + (i * 37 % 50) / 10.0);
        return "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":"
                + "\"http://loinc.org\",\"code\":\"" + test[0] + "\",\"display\":\"" + test[1] + "\"}]},"
                + "\"subject\":{\"reference\":\"Patient/" + PATIENT.id() + "\"},\"effectiveDateTime\":\"" + effective
                + "\",\"valueQuantity\":{\"value\":" + value + ",\"unit\":\"" + test[2] + "\"}}";
    }

    /** An HL7 ORM^O01 new order for a fasting glucose (LOINC 1558-6). */
    private static String glucoseOrder() {
        String now = "20261124083000";
        String placer = "ORD" + now;
        return "MSH|^~\\&|LABHUB|HOSPITAL|LIS|LAB|" + now + "||ORM^O01^ORM_O01|" + placer + "|P|2.5.1\r"
                + "PID|1||" + PATIENT.mrn() + "^^^HOSPITAL^MR||" + PATIENT.familyName() + "^" + PATIENT.givenName()
                + "||19840312|F\r"
                + "ORC|NW|" + placer + "\r"
                + "OBR|1|" + placer + "||1558-6^Fasting glucose^LN|||" + now + "\r";
    }
}
