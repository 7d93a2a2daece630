package org.ecobugs.benchmark.launch;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * The entry point of the forked JVM that runs a journey: it calls the journey's {@code main} for the warm-up runs, then
 * once more between the begin and end of an {@value #JOURNEY_EVENT} event, and writes what it measured around that call
 * to a small result file. While recording it also emits {@value #COUNTERS_EVENT} periodically (every 20 ms in the
 * shipped settings): the process's cumulative CPU time and allocation (and package energy where RAPL is readable), so
 * that the CPU, allocation and energy of any interval (a step) can be read from the recording.
 *
 * <p>This class runs on the journey's class path, copied there by the benchmark: it uses the JDK only, and nothing of
 * ecobugs. Arguments: {@code <result file> <warm-up runs> <main class> [journey arguments…]}.
 */
public final class JourneyLauncher {

    /** The event around the measured call of the journey's {@code main}. */
    public static final String JOURNEY_EVENT = "ecobugs.Journey";
    /** The periodic event with the process's cumulative counters. */
    public static final String COUNTERS_EVENT = "ecobugs.Counters";
    /** Set to {@code true} when the JVM records: without a recording no event is registered or emitted. */
    public static final String RECORDED_PROPERTY = "ecobugs.benchmark.recorded";
    /** The {@code energy_uj} file of a readable RAPL package domain, when the benchmark found one. */
    public static final String RAPL_PROPERTY = "ecobugs.benchmark.rapl";

    /** The classes of this launcher, as the benchmark copies them onto the journey's class path. */
    public static final List<String> CLASS_FILES = List.of(
            "org/ecobugs/benchmark/launch/JourneyLauncher.class",
            "org/ecobugs/benchmark/launch/JourneyLauncher$JourneyEvent.class",
            "org/ecobugs/benchmark/launch/JourneyLauncher$CountersEvent.class",
            "org/ecobugs/benchmark/launch/JourneyLauncher$Counters.class");

    /** Exit status when the journey's {@code main} threw. */
    public static final int JOURNEY_FAILED = 3;
    /** Exit status when the main class or its {@code main} method cannot be found. */
    public static final int NO_MAIN = 4;

    private static final long SETTLE_MAX_MS = 10_000;
    /** How long the other threads of the journey get to commit their last events after the measured call. */
    private static final long LATE_EVENTS_MS = 250;

    private static final long SETTLE_QUIET_MS = 500;
    private static final long SETTLE_POLL_MS = 50;

    /** The USER_HZ of Linux, in which {@code /proc/stat} counts; 100 on every mainstream architecture. */
    private static final long NANOS_PER_PROC_TICK = 10_000_000L;

    @Name(JOURNEY_EVENT)
    @Label("ecobugs journey")
    @Category("ecobugs")
    @Description("The measured call of the journey's main method")
    @StackTrace(false)
    static final class JourneyEvent extends Event {
        @Label("Main class")
        String mainClass;
    }

    @Name(COUNTERS_EVENT)
    @Label("ecobugs counters")
    @Category("ecobugs")
    @Description("Cumulative counters of the process, sampled so that any interval can be measured")
    @StackTrace(false)
    @Period("20 ms")
    static final class CountersEvent extends Event {
        @Label("Process CPU time")
        @Timespan(Timespan.NANOSECONDS)
        long processCpuTime;

        @Label("Allocated")
        @DataAmount
        long allocated;

        @Label("Package energy (µJ), -1 without RAPL")
        long energy;

        @Label("Machine busy CPU time, -1 without RAPL")
        @Timespan(Timespan.NANOSECONDS)
        long machineCpuTime;
    }

    /** Reads the counters; one instance per JVM. */
    static final class Counters {
        private final com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        private final Path rapl;

        Counters(Path rapl) {
            this.rapl = rapl;
        }

        long processCpuTime() {
            return os.getProcessCpuTime();
        }

        long allocated() {
            return threads.getTotalThreadAllocatedBytes();
        }

        void emit() {
            CountersEvent event = new CountersEvent();
            event.processCpuTime = processCpuTime();
            event.allocated = allocated();
            event.energy = rapl == null ? -1 : readLong(rapl);
            event.machineCpuTime = rapl == null ? -1 : machineCpuTime();
            event.commit();
        }

        private static long readLong(Path file) {
            try {
                return Long.parseLong(Files.readString(file).strip());
            } catch (IOException | NumberFormatException e) {
                return -1;
            }
        }

        /** Busy time of all CPUs of the machine from {@code /proc/stat}: everything but idle and I/O wait. */
        private static long machineCpuTime() {
            try {
                String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
                String[] fields = line.trim().split("\\s+");
                long busy = 0;
                for (int i = 1; i < fields.length && i <= 8; i++) {
                    if (i != 4 && i != 5) {
                        busy += Long.parseLong(fields[i]);
                    }
                }
                return busy * NANOS_PER_PROC_TICK;
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
    }

    private JourneyLauncher() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: JourneyLauncher <result file> <warm-up runs> <main class> [arguments…]");
            System.exit(NO_MAIN);
        }
        Path resultFile = Path.of(args[0]);
        int warmups = Integer.parseInt(args[1]);
        String mainClass = args[2];
        String[] journeyArgs = Arrays.copyOfRange(args, 3, args.length);
        Method main = mainMethod(mainClass);

        boolean recorded = Boolean.getBoolean(RECORDED_PROPERTY);
        String raplPath = System.getProperty(RAPL_PROPERTY);
        Counters counters = new Counters(raplPath == null || raplPath.isBlank() ? null : Path.of(raplPath));
        if (recorded) {
            // Registering an event class makes JFR generate code and rewrite its metadata, work (and JIT
            // compilation) that must be over before the measured call: both are registered before the warm-up.
            FlightRecorder.register(JourneyEvent.class);
            FlightRecorder.addPeriodicEvent(CountersEvent.class, counters::emit);
        }
        for (int i = 0; i < warmups; i++) {
            invoke(main, journeyArgs);
        }
        settle();
        // The garbage the warm-up calls left (and, when recording, the recording's own) is collected now rather than
        // in the measured call: without this, a collection fell in the measured call of most recorded runs and of
        // almost no unrecorded one, and was counted as the journey's CPU time.
        System.gc();

        JourneyEvent journey = new JourneyEvent();
        journey.mainClass = mainClass;
        long cpuBefore = counters.processCpuTime();
        long allocatedBefore = counters.allocated();
        long started = System.nanoTime();
        journey.begin();
        if (recorded) {
            counters.emit();
        }
        invoke(main, journeyArgs);
        if (recorded) {
            counters.emit();
        }
        journey.commit();
        long wall = System.nanoTime() - started;
        long cpu = counters.processCpuTime() - cpuBefore;
        long allocated = counters.allocated() - allocatedBefore;

        if (recorded) {
            // The journey's other threads may still be between an operation and the commit of its event (a server's
            // thread that wrote the last response the journey read): the JVM must not exit under them. Then a snapshot
            // moves every thread's buffered events into the recording; without these, the last events of threads
            // still running when the JVM exits were sometimes missing (JDK 17).
            try {
                Thread.sleep(LATE_EVENTS_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try (jdk.jfr.Recording snapshot = FlightRecorder.getFlightRecorder().takeSnapshot()) {
                snapshot.getSize();
            }
        }
        try (Writer out = Files.newBufferedWriter(resultFile, StandardCharsets.UTF_8)) {
            out.write("wallNanos=" + wall + "\n");
            out.write("processCpuNanos=" + cpu + "\n");
            out.write("allocatedBytes=" + allocated + "\n");
        }
        // The journey is over when main returns: threads it left behind must not keep the JVM, and its recording,
        // waiting.
        System.exit(0);
    }

    /**
     * Waits, at most {@value #SETTLE_MAX_MS} ms, until the JIT compilers have been idle for {@value #SETTLE_QUIET_MS}
     * ms: the warm-up calls, and the recording's own Java code, leave compilations running for a while, whose CPU time
     * would otherwise be counted in the measured call (with and without recording alike).
     */
    private static void settle() {
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return;
        }
        long deadline = System.nanoTime() + SETTLE_MAX_MS * 1_000_000;
        long quietSince = System.nanoTime();
        long compiled = jit.getTotalCompilationTime();
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(SETTLE_POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = jit.getTotalCompilationTime();
            if (now != compiled) {
                compiled = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= SETTLE_QUIET_MS * 1_000_000) {
                return;
            }
        }
    }

    private static Method mainMethod(String mainClass) {
        try {
            Method main = Class.forName(mainClass, false, JourneyLauncher.class.getClassLoader())
                    .getMethod("main", String[].class);
            if (!Modifier.isStatic(main.getModifiers())) {
                throw new NoSuchMethodException("main is not static");
            }
            return main;
        } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
            System.err.println(
                    "ecobugs: no public static void main(String[]) in " + mainClass + " on the class path: " + e);
            System.exit(NO_MAIN);
            throw new IllegalStateException(e);
        }
    }

    private static void invoke(Method main, String[] args) {
        try {
            main.invoke(null, (Object) args.clone());
        } catch (InvocationTargetException e) {
            System.err.println("ecobugs: the journey's main threw:");
            e.getCause().printStackTrace();
            System.exit(JOURNEY_FAILED);
        } catch (IllegalAccessException e) {
            System.err.println("ecobugs: cannot call the journey's main: " + e);
            System.exit(NO_MAIN);
        }
    }
}
