package org.ecobugs.measurements;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What it costs to wait for one event, by waiting style: a busy spin, a spin with {@code Thread.onSpinWait()}, polls
 * with sleeps of 1, 10 and 100 ms, and a blocking {@code take()}. Measured on the waiting thread itself: its CPU time
 * ({@code ThreadMXBean}) and its voluntary context switches ({@code /proc/thread-self/status}), which count its
 * wake-ups. The event arrives after a fixed delay; the styles run in turn, round after round, so that all see the
 * same machine conditions. Backs the impact sections of EB101 and EB102.
 */
final class WaitingStyles {

    private static final long DEFAULT_WAIT_MS = 3_000;
    private static final int DEFAULT_ROUNDS = 3;

    /** A way to wait until the queue holds an element. */
    @FunctionalInterface
    private interface Style {
        void await(BlockingQueue<Object> queue) throws InterruptedException;
    }

    private record Sample(double cpuMillis, long wakeUps) {}

    private WaitingStyles() {}

    static void run(String[] args) throws Exception {
        long waitMs = args.length > 0 ? Long.parseLong(args[0]) : DEFAULT_WAIT_MS;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_ROUNDS;
        Map<String, Style> styles = new LinkedHashMap<>();
        styles.put("busy spin", q -> {
            while (q.peek() == null) {
                // spin
            }
        });
        styles.put("spin + onSpinWait()", q -> {
            while (q.peek() == null) {
                Thread.onSpinWait();
            }
        });
        styles.put("poll + sleep(1 ms)", q -> sleepPoll(q, 1));
        styles.put("poll + sleep(10 ms)", q -> sleepPoll(q, 10));
        styles.put("poll + sleep(100 ms)", q -> sleepPoll(q, 100));
        styles.put("blocking take()", BlockingQueue::take);

        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        styles.keySet().forEach(name -> samples.put(name, new ArrayList<>()));
        ScheduledExecutorService producer = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int round = 0; round < rounds; round++) {
                for (Map.Entry<String, Style> style : styles.entrySet()) {
                    samples.get(style.getKey()).add(measure(style.getValue(), producer, waitMs));
                }
            }
        } finally {
            producer.shutdownNow();
        }
        System.out.printf(
                "waiting %d ms for one event, %d rounds; median (min-max) of the waiting thread%n", waitMs, rounds);
        System.out.printf("%-22s %22s %26s%n", "style", "CPU time, ms", "wake-ups (voluntary cs)");
        samples.forEach((name, list) -> System.out.printf(
                "%-22s %22s %26s%n",
                name,
                summary(list.stream().map(Sample::cpuMillis).toList(), "%.1f"),
                summary(list.stream().map(s -> (double) s.wakeUps()).toList(), "%.0f")));
    }

    private static void sleepPoll(BlockingQueue<Object> queue, long millis) throws InterruptedException {
        while (queue.poll() == null) {
            Thread.sleep(millis);
        }
    }

    private static Sample measure(Style style, ScheduledExecutorService producer, long waitMs) throws Exception {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(1);
        Sample[] result = new Sample[1];
        Exception[] failure = new Exception[1];
        Thread waiter = new Thread(() -> {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            try {
                long cpuBefore = threads.getCurrentThreadCpuTime();
                long switchesBefore = voluntarySwitches();
                producer.schedule(() -> queue.offer(Boolean.TRUE), waitMs, TimeUnit.MILLISECONDS);
                style.await(queue);
                long switchesAfter = voluntarySwitches();
                long cpuAfter = threads.getCurrentThreadCpuTime();
                result[0] = new Sample((cpuAfter - cpuBefore) / 1e6, switchesAfter - switchesBefore);
            } catch (Exception e) {
                failure[0] = e;
            }
        });
        waiter.start();
        waiter.join();
        if (failure[0] != null) {
            throw failure[0];
        }
        return result[0];
    }

    /** This thread's voluntary context switches: each is a time it gave up the CPU, i.e. one later wake-up. */
    private static long voluntarySwitches() throws IOException {
        Path status = Path.of("/proc/thread-self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("voluntary_ctxt_switches:")) {
                return Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        return -1;
    }

    private static String summary(List<Double> values, String format) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double median = sorted.get(sorted.size() / 2);
        return String.format(format, median) + " (" + String.format(format, sorted.get(0)) + "-"
                + String.format(format, sorted.get(sorted.size() - 1)) + ")";
    }
}
