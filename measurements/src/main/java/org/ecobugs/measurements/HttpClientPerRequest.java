package org.ecobugs.measurements;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A new {@link HttpClient} per request against one shared client (EB501): the same sequential GET requests to a
 * loopback {@code com.sun.net.httpserver} server, both variants in the same process, alternated round by round.
 * Reports process CPU time, wall time and the live threads before and after each run (the threads a run leaves
 * behind), then medians and ranges.
 *
 * <p>Usage: {@code http-client [requests] [rounds]}, by default 300 requests and 5 rounds, after one warm-up run of
 * each variant. The server runs in the same process, so its CPU time is in both variants alike.
 */
final class HttpClientPerRequest {

    private static final byte[] BODY = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

    private enum Variant {
        SHARED("one shared client"),
        PER_REQUEST("new client per request");

        final String label;

        Variant(String label) {
            this.label = label;
        }
    }

    /** One run: CPU and wall time, and the live threads of the process before and after it. */
    private record Run(Variant variant, long cpuNanos, long wallNanos, int threadsBefore, int threadsAfter) {
        long threadsAdded() {
            return threadsAfter - threadsBefore;
        }
    }

    private HttpClientPerRequest() {}

    static void run(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        // Without TCP_NODELAY the toy server's small responses meet Nagle's algorithm and delayed ACKs (tens of ms
        // per request), which would hide the cost being measured.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        ExecutorService serverThreads = Executors.newFixedThreadPool(4);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
            }
        });
        server.setExecutor(serverThreads);
        server.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/fhir/Observation/1");
            System.out.printf(
                    Locale.ROOT,
                    "http-client: %d sequential GET requests per run to a loopback HTTP/1.1 server, %d rounds after one"
                            + " warm-up run of each variant; the order alternates each round%n",
                    requests,
                    rounds);
            measure(Variant.SHARED, uri, requests);
            measure(Variant.PER_REQUEST, uri, requests);
            System.out.println(
                    "round  variant                   process CPU ms   wall ms   live threads before -> after");
            List<Run> runs = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                Variant first = round % 2 == 0 ? Variant.SHARED : Variant.PER_REQUEST;
                Variant second = first == Variant.SHARED ? Variant.PER_REQUEST : Variant.SHARED;
                for (Variant variant : List.of(first, second)) {
                    Run run = measure(variant, uri, requests);
                    runs.add(run);
                    System.out.printf(
                            Locale.ROOT,
                            "%5d  %-24s  %14.0f  %8.0f  %12d -> %d%n",
                            round,
                            variant.label,
                            run.cpuNanos / 1e6,
                            run.wallNanos / 1e6,
                            run.threadsBefore,
                            run.threadsAfter);
                }
            }
            System.out.println();
            System.out.println("variant                   process CPU ms, median (range)   wall ms, median (range)"
                    + "   threads added by a run, median (range)");
            for (Variant variant : Variant.values()) {
                List<Run> of = runs.stream().filter(r -> r.variant == variant).toList();
                System.out.printf(
                        Locale.ROOT,
                        "%-24s  %s   %s   %s%n",
                        variant.label,
                        summary(of.stream().mapToLong(Run::cpuNanos).toArray(), 1e6),
                        summary(of.stream().mapToLong(Run::wallNanos).toArray(), 1e6),
                        summary(of.stream().mapToLong(Run::threadsAdded).toArray(), 1));
            }
            System.out.printf(
                    Locale.ROOT,
                    "ratio of medians (per request / shared): CPU %.1fx, wall %.1fx%n",
                    median(cpu(runs, Variant.PER_REQUEST)) / median(cpu(runs, Variant.SHARED)),
                    median(wall(runs, Variant.PER_REQUEST)) / median(wall(runs, Variant.SHARED)));
            System.gc();
            Thread.sleep(2_000);
            System.out.printf(
                    Locale.ROOT,
                    "live threads after System.gc() and 2 s: %d%n",
                    ManagementFactory.getThreadMXBean().getThreadCount());
        } finally {
            server.stop(0);
            serverThreads.shutdownNow();
        }
    }

    private static Run measure(Variant variant, URI uri, int requests) throws IOException, InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int threadsBefore = threads.getThreadCount();
        long cpuBefore = processCpuNanos();
        long wallBefore = System.nanoTime();
        HttpClient shared = variant == Variant.SHARED ? HttpClient.newHttpClient() : null;
        HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
        for (int i = 0; i < requests; i++) {
            // The anti-pattern measured here: a client built for one request and dropped, as EB501 reports it.
            HttpClient client = shared != null ? shared : HttpClient.newHttpClient();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200 || response.body().length != BODY.length) {
                throw new IllegalStateException("Unexpected response " + response.statusCode());
            }
        }
        long wall = System.nanoTime() - wallBefore;
        long cpu = processCpuNanos() - cpuBefore;
        return new Run(variant, cpu, wall, threadsBefore, threads.getThreadCount());
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("No process CPU time on this platform"))
                .toNanos();
    }

    private static long[] cpu(List<Run> runs, Variant variant) {
        return runs.stream()
                .filter(r -> r.variant == variant)
                .mapToLong(Run::cpuNanos)
                .toArray();
    }

    private static long[] wall(List<Run> runs, Variant variant) {
        return runs.stream()
                .filter(r -> r.variant == variant)
                .mapToLong(Run::wallNanos)
                .toArray();
    }

    private static String summary(long[] values, double unit) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(
                Locale.ROOT,
                "%8.0f (%.0f–%.0f)",
                median(values) / unit,
                sorted[0] / unit,
                sorted[sorted.length - 1] / unit);
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
