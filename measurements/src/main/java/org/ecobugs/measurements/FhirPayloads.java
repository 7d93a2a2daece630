package org.ecobugs.measurements;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * What the payload rules save, on FHIR-shaped JSON: a searchset Bundle of heart-rate Observations built like a HAPI
 * FHIR R4 server returns them (synthetic but realistic: varied ids, patients, times and values, every element a
 * server fills in), serialized compact and pretty, raw and gzipped; the same Bundle with an {@code _elements} subset
 * and with {@code _summary=count}; a conditional read answered 304; and, against a loopback FHIR-like server, N
 * single reads against one search on {@code _id} for the same N resources (requests, bytes, wall and CPU time).
 * Backs EB201-EB206, EB208, EB209, EB601 and EB606. No HAPI FHIR structures are used: the JSON is built with Jackson
 * in the shape HAPI emits.
 *
 * <p>{@code measurements payload [rounds=5]}
 */
final class FhirPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "http://fhir.example.org/fhir";
    private static final Instant START = Instant.parse("2026-03-02T07:00:00Z");
    /** Each sample repeats the operation, because process CPU time is counted in scheduler ticks (often 10 ms). */
    private static final int REPEATS = 10;

    private FhirPayloads() {}

    static void run(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        sizes();
        conditionalRead();
        readsAgainstSearch(rounds);
    }

    // ---- sizes ----

    private static void sizes() throws IOException {
        System.out.println();
        System.out.println(
                "Bundle sizes in bytes (Observations per page; compact, pretty; raw, gzip at the default level)");
        System.out.printf(
                "%-44s %9s %9s %9s %9s %9s %9s %9s%n",
                "variant", "compact", "jackson", "+%", "indented", "+%", "gz(cmp)", "gz(ind)");
        for (int count : List.of(20, 100)) {
            ObjectNode full = bundle(count, false);
            ObjectNode subset = bundle(count, true);
            row(count + " full Observations", full);
            row(count + " with _elements subset", subset);
        }
        ObjectNode countOnly = countBundle(100);
        System.out.printf(
                "%-44s %9d %39s %9d%n",
                "_summary=count (total only)", compact(countOnly).length, "", gzip(compact(countOnly)).length);
        byte[] one = compact(observation(0));
        System.out.printf("%-44s %9d %39s %9d%n", "one Observation (a read)", one.length, "", gzip(one).length);
    }

    private static void row(String name, ObjectNode bundle) throws IOException {
        byte[] compact = compact(bundle);
        byte[] jackson = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(bundle);
        byte[] indented = JSON.writer(everyLevelIndented()).writeValueAsBytes(bundle);
        System.out.printf(
                "%-44s %9d %9d %8.1f%% %9d %8.1f%% %9d %9d  (gz jackson %d, +%.1f%%; gz indented +%.1f%%)%n",
                name,
                compact.length,
                jackson.length,
                percent(jackson.length, compact.length),
                indented.length,
                percent(indented.length, compact.length),
                gzip(compact).length,
                gzip(indented).length,
                gzip(jackson).length,
                percent(gzip(jackson).length, gzip(compact).length),
                percent(gzip(indented).length, gzip(compact).length));
    }

    /** Two-space indentation of every object and array, one element per line: how HAPI FHIR and most tools indent. */
    private static DefaultPrettyPrinter everyLevelIndented() {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter();
        printer.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
        printer.indentObjectsWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
        return printer.withoutSpacesInObjectEntries();
    }

    private static double percent(long larger, long base) {
        return 100.0 * (larger - base) / base;
    }

    // ---- FHIR-shaped resources ----

    private static ObjectNode bundle(int count, boolean subset) {
        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("id", uuid(new Random(count)));
        bundle.putObject("meta").put("lastUpdated", "2026-03-02T09:12:44.318+01:00");
        bundle.put("type", "searchset");
        bundle.put("total", 1_000 + count);
        ArrayNode links = bundle.putArray("link");
        links.addObject()
                .put("relation", "self")
                .put(
                        "url",
                        BASE + "/Observation?code=http%3A%2F%2Floinc.org%7C8867-4&_count=" + count
                                + (subset ? "&_elements=code,subject,effective,value" : ""));
        links.addObject()
                .put("relation", "next")
                .put(
                        "url",
                        BASE + "?_getpages=" + uuid(new Random(count + 1)) + "&_getpagesoffset=" + count + "&_count="
                                + count + "&_pretty=false&_bundletype=searchset");
        ArrayNode entries = bundle.putArray("entry");
        for (int i = 0; i < count; i++) {
            ObjectNode resource = observation(i);
            if (subset) {
                resource = subset(resource);
            }
            ObjectNode entry = entries.addObject();
            entry.put("fullUrl", BASE + "/Observation/" + resource.get("id").asText());
            entry.set("resource", resource);
            entry.putObject("search").put("mode", "match");
        }
        return bundle;
    }

    /** The Bundle a server answers to {@code _summary=count}: the total, no entries. */
    private static ObjectNode countBundle(int total) {
        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("id", uuid(new Random(7)));
        bundle.putObject("meta").put("lastUpdated", "2026-03-02T09:12:44.318+01:00");
        bundle.put("type", "searchset");
        bundle.put("total", total);
        bundle.putArray("link")
                .addObject()
                .put("relation", "self")
                .put("url", BASE + "/Observation?code=http%3A%2F%2Floinc.org%7C8867-4&_summary=count");
        return bundle;
    }

    /** A heart-rate Observation with the elements a clinical system and a HAPI server fill in. */
    static ObjectNode observation(int index) {
        Random random = new Random(31L * index + 17);
        String id = uuid(random);
        int patient = index % 12;
        Instant effective = START.plus(5L * index, ChronoUnit.MINUTES).plusSeconds(random.nextInt(60));
        ObjectNode o = JSON.createObjectNode();
        o.put("resourceType", "Observation");
        o.put("id", id);
        ObjectNode meta = o.putObject("meta");
        meta.put("versionId", Integer.toString(1 + random.nextInt(3)));
        meta.put(
                "lastUpdated",
                effective.plusSeconds(40 + random.nextInt(200)).toString().replace("Z", ".")
                        + (100 + random.nextInt(900))
                        + "+00:00");
        meta.put("source", "#" + String.format("%016x", random.nextLong()));
        meta.putArray("profile").add("http://hl7.org/fhir/StructureDefinition/heartrate");
        o.putArray("identifier")
                .addObject()
                .put("system", "urn:oid:1.2.250.1.213.1.4.8.7")
                .put("value", "ICU-" + (400_000 + index * 7 + random.nextInt(7)));
        o.put("status", "final");
        ObjectNode category = o.putArray("category").addObject();
        coding(category, "http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs", "Vital Signs");
        category.put("text", "Vital Signs");
        ObjectNode code = o.putObject("code");
        coding(code, "http://loinc.org", "8867-4", "Heart rate");
        code.put("text", "Heart rate");
        o.putObject("subject")
                .put("reference", "Patient/" + (81_000 + patient * 37))
                .put("display", PATIENTS[patient]);
        o.putObject("encounter").put("reference", "Encounter/" + (52_000 + patient * 11 + random.nextInt(3)));
        o.put("effectiveDateTime", effective.toString().replace("Z", "+00:00"));
        o.put(
                "issued",
                effective.plusSeconds(30 + random.nextInt(90)).toString().replace("Z", ".000+00:00"));
        o.putArray("performer").addObject().put("reference", "Practitioner/" + (700 + random.nextInt(9)));
        int bpm = 52 + random.nextInt(70);
        o.putObject("valueQuantity")
                .put("value", bpm)
                .put("unit", "beats/minute")
                .put("system", "http://unitsofmeasure.org")
                .put("code", "/min");
        ObjectNode interpretation = o.putArray("interpretation").addObject();
        String flag = bpm < 60 ? "L" : bpm > 100 ? "H" : "N";
        coding(
                interpretation,
                "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation",
                flag,
                flag.equals("N") ? "Normal" : flag.equals("L") ? "Low" : "High");
        o.putObject("device").put("reference", "Device/monitor-" + (1 + random.nextInt(24)));
        ObjectNode range = o.putArray("referenceRange").addObject();
        quantity(range.putObject("low"), 60);
        quantity(range.putObject("high"), 100);
        range.put("text", "60-100 /min");
        return o;
    }

    /** What a server returns for {@code _elements}: the asked elements, the mandatory ones, and the SUBSETTED tag. */
    private static ObjectNode subset(ObjectNode full) {
        ObjectNode subset = JSON.createObjectNode();
        subset.put("resourceType", "Observation");
        subset.set("id", full.get("id"));
        ObjectNode meta = subset.putObject("meta");
        meta.set("versionId", full.get("meta").get("versionId"));
        meta.set("lastUpdated", full.get("meta").get("lastUpdated"));
        meta.putArray("tag")
                .addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/v3-ObservationValue")
                .put("code", "SUBSETTED")
                .put("display", "Resource encoded in summary mode");
        subset.set("status", full.get("status"));
        for (String element : List.of("code", "subject", "effectiveDateTime", "valueQuantity")) {
            subset.set(element, full.get(element));
        }
        return subset;
    }

    private static final String[] PATIENTS = {
        "Marie Dupont", "Jean Martin", "Aïcha Benali", "Lucas Bernard", "Camille Petit", "Nguyen Van An",
        "Sophie Leroy", "Hugo Moreau", "Inès Garcia", "Paul Laurent", "Léa Fournier", "Yanis Girard"
    };

    private static void coding(ObjectNode parent, String system, String code, String display) {
        parent.putArray("coding")
                .addObject()
                .put("system", system)
                .put("code", code)
                .put("display", display);
    }

    private static void quantity(ObjectNode node, int value) {
        node.put("value", value)
                .put("unit", "beats/minute")
                .put("system", "http://unitsofmeasure.org")
                .put("code", "/min");
    }

    private static String uuid(Random random) {
        return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
    }

    private static byte[] compact(ObjectNode node) throws IOException {
        return JSON.writeValueAsBytes(node);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        }
        return out.toByteArray();
    }

    // ---- conditional read ----

    private static void conditionalRead() throws IOException {
        byte[] body = compact(observation(0));
        System.out.println();
        System.out.printf(
                "re-reading one unchanged Observation: plain read %d body bytes (%d gzipped); read with If-None-Match"
                        + " answered 304 Not Modified: 0 body bytes%n",
                body.length, gzip(body).length);
    }

    // ---- N reads against one search, on a loopback server ----

    private record Sample(long wallMicros, long cpuMicros, long requests, long bodyBytes) {}

    private static void readsAgainstSearch(int rounds) throws Exception {
        Map<String, byte[]> resources = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            ObjectNode o = observation(i);
            resources.put(o.get("id").asText(), compact(o));
        }
        AtomicLong served = new AtomicLong();
        // Without TCP_NODELAY the JDK server's small writes meet delayed ACKs: ~40 ms per request on loopback.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        server.setExecutor(pool);
        server.createContext("/fhir/Observation", exchange -> {
            served.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            if (path.startsWith("/fhir/Observation/")) {
                respond(exchange, resources.get(path.substring("/fhir/Observation/".length())));
            } else {
                String ids = query.substring(query.indexOf("_id=") + 4).split("&")[0];
                ObjectNode bundle = JSON.createObjectNode();
                bundle.put("resourceType", "Bundle").put("type", "searchset");
                ArrayNode entries = bundle.putArray("entry");
                String[] wanted = ids.split(",");
                bundle.put("total", wanted.length);
                for (String id : wanted) {
                    ObjectNode entry = entries.addObject();
                    entry.put("fullUrl", BASE + "/Observation/" + id);
                    entry.set("resource", JSON.readTree(resources.get(id)));
                    entry.putObject("search").put("mode", "match");
                }
                respond(exchange, compact(bundle));
            }
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir/Observation";
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> ids = new ArrayList<>(resources.keySet());
        try {
            // Warm-up: JIT, connection pool.
            for (int i = 0; i < 3; i++) {
                singleReads(client, base, ids.subList(0, 100));
                oneSearch(client, base, ids.subList(0, 100));
            }
            System.out.println();
            System.out.println(
                    "N single reads against one search on _id, loopback HTTP/1.1 with TCP_NODELAY, one shared"
                            + " keep-alive client; per operation, median (min-max) of " + rounds + " rounds of "
                            + REPEATS
                            + " operations; CPU = process CPU time (client and server)");
            for (int n : List.of(20, 100)) {
                List<Sample> reads = new ArrayList<>();
                List<Sample> searches = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    reads.add(singleReads(client, base, ids.subList(0, n)));
                    searches.add(oneSearch(client, base, ids.subList(0, n)));
                }
                print(n + " reads", reads);
                print("1 search of " + n, searches);
            }
        } finally {
            server.stop(0);
            pool.shutdownNow();
        }
        System.out.println("(requests served: " + served.get() + ")");
    }

    private static void respond(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/fhir+json;charset=UTF-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Sample singleReads(HttpClient client, String base, List<String> ids) throws Exception {
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        long bytes = 0;
        for (int repeat = 0; repeat < REPEATS; repeat++) {
            bytes = 0;
            for (String id : ids) {
                bytes += client.send(
                                HttpRequest.newBuilder(URI.create(base + "/" + id))
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray())
                        .body()
                        .length;
            }
        }
        return new Sample(
                (System.nanoTime() - start) / 1_000 / REPEATS,
                (processCpuNanos() - cpu) / 1_000 / REPEATS,
                ids.size(),
                bytes);
    }

    private static Sample oneSearch(HttpClient client, String base, List<String> ids) throws Exception {
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        byte[] body = new byte[0];
        for (int repeat = 0; repeat < REPEATS; repeat++) {
            body = client.send(
                            HttpRequest.newBuilder(URI.create(
                                            base + "?_id=" + String.join(",", ids) + "&_count=" + ids.size()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray())
                    .body();
        }
        return new Sample(
                (System.nanoTime() - start) / 1_000 / REPEATS,
                (processCpuNanos() - cpu) / 1_000 / REPEATS,
                1,
                body.length);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void print(String name, List<Sample> samples) {
        System.out.printf(
                "%-16s requests %4d, body bytes %8d, wall %s ms, CPU %s ms%n",
                name,
                samples.get(0).requests(),
                samples.get(0).bodyBytes(),
                summary(samples.stream().map(s -> s.wallMicros() / 1000.0).toList()),
                summary(samples.stream().map(s -> s.cpuMicros() / 1000.0).toList()));
    }

    private static String summary(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format(
                "%.1f (%.1f-%.1f)", sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1));
    }

    static String body(ObjectNode node) throws IOException {
        return new String(compact(node), StandardCharsets.UTF_8);
    }
}
