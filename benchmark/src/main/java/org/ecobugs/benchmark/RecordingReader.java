package org.ecobugs.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import org.ecobugs.benchmark.launch.JourneyLauncher;

/**
 * Reads one run's recording: the measured call of the journey ({@value JourneyLauncher#JOURNEY_EVENT}), its steps
 * ({@value #STEP_EVENT} events, the journey's own), the launcher's cumulative counters, CPU samples, socket and file
 * reads and writes, and sleeps. Events are given to the step whose interval holds the instant they ended (the
 * innermost when steps nest), or the instant they started when they ended after the journey; the CPU time, allocation
 * and energy of a step are the growth of the cumulative counters over its intervals.
 */
public final class RecordingReader {

    /** The event a journey emits around each of its steps, with a {@code name} field. */
    public static final String STEP_EVENT = "ecobugs.Step";

    static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";
    static final String SOCKET_READ = "jdk.SocketRead";
    static final String SOCKET_WRITE = "jdk.SocketWrite";
    static final String FILE_READ = "jdk.FileRead";
    static final String FILE_WRITE = "jdk.FileWrite";
    static final String THREAD_SLEEP = "jdk.ThreadSleep";
    static final String ALLOCATION_SAMPLE = "jdk.ObjectAllocationSample";

    /** Classes of the JDK and of the launcher: frames of the journey's own code (and its libraries) are the others. */
    private static final List<String> PLATFORM_PREFIXES =
            List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "org.ecobugs.benchmark.launch.", "org.graalvm.");

    private RecordingReader() {}

    /**
     * Reads a recording.
     *
     * @param raplMaxRangeMicrojoules where the RAPL counter wraps ({@code max_energy_range_uj}), or 0
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when it holds no measured journey (the journey's main did not return)
     */
    public static RunRecording read(Path recording, long raplMaxRangeMicrojoules) throws IOException {
        return read(recording, raplMaxRangeMicrojoules, List.of());
    }

    /**
     * Reads a recording, leaving out the reads of files under the given directories: the JDK's own files (its
     * configuration, read on first use of networking, security or logging), which are the platform's cost, not the
     * journey's.
     *
     * @param platformDirectories directories whose files are not the journey's, as absolute paths
     */
    public static RunRecording read(Path recording, long raplMaxRangeMicrojoules, List<String> platformDirectories)
            throws IOException {
        return read(RecordingFile.readAllEvents(recording), raplMaxRangeMicrojoules, platformDirectories);
    }

    static RunRecording read(
            List<RecordedEvent> events, long raplMaxRangeMicrojoules, List<String> platformDirectories) {
        RecordedEvent journeyEvent = null;
        List<RecordedEvent> stepEvents = new ArrayList<>();
        List<RecordedEvent> counters = new ArrayList<>();
        List<RecordedEvent> measured = new ArrayList<>();
        RunRecording.Machine machine = RunRecording.Machine.UNKNOWN;
        String cpu = null;
        int threads = 0;
        String os = null;
        String jvm = null;
        for (RecordedEvent event : events) {
            switch (event.getEventType().getName()) {
                case JourneyLauncher.JOURNEY_EVENT -> {
                    if (journeyEvent == null || event.getStartTime().isAfter(journeyEvent.getStartTime())) {
                        journeyEvent = event;
                    }
                }
                case STEP_EVENT -> stepEvents.add(event);
                case JourneyLauncher.COUNTERS_EVENT -> counters.add(event);
                case EXECUTION_SAMPLE,
                        SOCKET_READ,
                        SOCKET_WRITE,
                        FILE_READ,
                        FILE_WRITE,
                        THREAD_SLEEP,
                        ALLOCATION_SAMPLE -> measured.add(event);
                case "jdk.CPUInformation" -> {
                    cpu = cpuName(text(event, "description"), text(event, "cpu"));
                    threads = event.hasField("hwThreads") ? event.getInt("hwThreads") : 0;
                }
                case "jdk.OSInformation" -> os = osName(text(event, "osVersion"));
                case "jdk.JVMInformation" -> jvm = jvmName(text(event, "jvmName"), text(event, "jvmVersion"));
                default -> {
                    // not used
                }
            }
        }
        if (journeyEvent == null) {
            throw new IllegalArgumentException("The recording holds no " + JourneyLauncher.JOURNEY_EVENT
                    + " event: the journey's main did not return, or the recording is not from ecobugs benchmark");
        }
        if (cpu != null || os != null || jvm != null) {
            machine = new RunRecording.Machine(
                    cpu == null ? "unknown" : cpu, threads, os == null ? "unknown" : os, jvm == null ? "unknown" : jvm);
        }
        long journeyStart = nanos(journeyEvent.getStartTime());
        long journeyEnd = nanos(journeyEvent.getEndTime());
        String mainClass = text(journeyEvent, "mainClass");

        Counters series = Counters.of(counters, raplMaxRangeMicrojoules);
        List<Interval> intervals = new ArrayList<>();
        for (RecordedEvent step : stepEvents) {
            long start = nanos(step.getStartTime());
            long end = nanos(step.getEndTime());
            if (start >= journeyStart && end <= journeyEnd) {
                String name = text(step, "name");
                intervals.add(new Interval(name.isBlank() ? "(unnamed step)" : name.strip(), start, end));
            }
        }
        intervals.sort(Comparator.comparingLong(Interval::start));

        Map<String, Accumulator> byName = new LinkedHashMap<>();
        for (Interval interval : intervals) {
            byName.computeIfAbsent(interval.name(), Accumulator::new).intervals.add(interval);
        }
        Accumulator whole = new Accumulator(RunRecording.WHOLE_JOURNEY);
        whole.intervals.add(new Interval(RunRecording.WHOLE_JOURNEY, journeyStart, journeyEnd));
        Accumulator outside = new Accumulator(RunRecording.OUTSIDE_STEPS);

        for (RecordedEvent event : measured) {
            long start = nanos(event.getStartTime());
            long end = nanos(event.getEndTime());
            if (end < journeyStart || start > journeyEnd || isPlatformFile(event, platformDirectories)) {
                continue;
            }
            // A write can return after the journey ended: the server's thread sent the last response, the journey
            // read it and returned before that thread ran again. It belongs where it started.
            long at = end <= journeyEnd ? end : Math.max(start, journeyStart);
            whole.add(event);
            Interval step = innermost(intervals, at);
            if (step != null) {
                byName.get(step.name()).add(event);
            } else if (!intervals.isEmpty()) {
                outside.add(event);
            }
        }

        List<StepMeasures> steps = new ArrayList<>();
        for (Accumulator step : byName.values()) {
            steps.add(step.measures(series, step.intervals));
        }
        StepMeasures journey = whole.measures(series, whole.intervals);
        StepMeasures outsideSteps = null;
        if (!intervals.isEmpty()) {
            outsideSteps = outside.complement(journey, series, union(intervals));
        }
        EnergySource source = series.hasEnergy() ? EnergySource.RAPL : EnergySource.MODEL;
        return new RunRecording(mainClass, journey, steps, outsideSteps, source, machine);
    }

    /** Nanoseconds since the epoch: exact for instants until the year 2262. */
    static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static Interval innermost(List<Interval> intervals, long at) {
        Interval found = null;
        for (Interval interval : intervals) {
            if (interval.start() > at) {
                break;
            }
            if (at <= interval.end() && (found == null || interval.start() >= found.start())) {
                found = interval;
            }
        }
        return found;
    }

    private static List<Interval> union(List<Interval> sorted) {
        List<Interval> merged = new ArrayList<>();
        for (Interval interval : sorted) {
            Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && interval.start() <= last.end()) {
                merged.set(
                        merged.size() - 1,
                        new Interval(last.name(), last.start(), Math.max(last.end(), interval.end())));
            } else {
                merged.add(interval);
            }
        }
        return merged;
    }

    private static String text(RecordedEvent event, String field) {
        if (!event.hasField(field)) {
            return "";
        }
        String value = event.getString(field);
        return value == null ? "" : value;
    }

    /** The brand of the CPU ({@code Brand: AMD EPYC, Vendor: …}), else JFR's own summary. */
    static String cpuName(String description, String summary) {
        java.util.regex.Matcher brand =
                java.util.regex.Pattern.compile("Brand: ([^,\\n]+)").matcher(description);
        return brand.find() ? brand.group(1).strip() : firstLine(summary);
    }

    /** {@code Debian GNU/Linux 12 (bookworm), Linux 6.1.0} from the os-release and uname lines JFR records. */
    static String osName(String osVersion) {
        String pretty = null;
        String kernel = null;
        for (String line : osVersion.split("\n")) {
            String l = line.strip();
            if (l.startsWith("PRETTY_NAME=")) {
                pretty = l.substring("PRETTY_NAME=".length()).replace("\"", "");
            } else if (l.startsWith("uname:")) {
                String[] parts = l.substring("uname:".length()).strip().split("\\s+");
                kernel = parts.length >= 2 ? parts[0] + " " + parts[1] : l;
            }
        }
        if (pretty == null && kernel == null) {
            return firstLine(osVersion);
        }
        return pretty == null ? kernel : kernel == null ? pretty : pretty + ", " + kernel;
    }

    /** {@code OpenJDK 64-Bit Server VM 17.0.15+6} from JFR's long version string. */
    static String jvmName(String name, String version) {
        java.util.regex.Matcher inParentheses =
                java.util.regex.Pattern.compile("\\(([^)]+)\\)").matcher(version);
        return (name + " " + (inParentheses.find() ? inParentheses.group(1) : firstLine(version))).strip();
    }

    private static String firstLine(String text) {
        String stripped = text.strip();
        int newline = stripped.indexOf('\n');
        return newline < 0 ? stripped : stripped.substring(0, newline).strip();
    }

    static boolean isPlatformClass(String className) {
        for (String prefix : PLATFORM_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return className.contains("$$Lambda");
    }

    static boolean isLoopback(String address) {
        if (address == null) {
            return false;
        }
        String a = address.strip().toLowerCase(Locale.ROOT);
        if (a.startsWith("/")) {
            a = a.substring(1);
        }
        return a.startsWith("127.") || a.equals("::1") || a.equals("0:0:0:0:0:0:0:1") || a.equals("localhost");
    }

    /**
     * Reads of class files and jars are class loading, pseudo-files are the JVM's own bookkeeping, and writes without a
     * path are to the console.
     */
    static boolean isJourneyFile(String path) {
        if (path == null || path.isEmpty()) {
            return false;
        }
        String p = path.toLowerCase(Locale.ROOT);
        return !(p.endsWith(".jar")
                || p.endsWith(".class")
                || p.endsWith(".jmod")
                || p.startsWith("/proc/")
                || p.startsWith("/sys/")
                || p.startsWith("/dev/"));
    }

    /** Whether the event reads or writes a file under one of the platform's directories. */
    private static boolean isPlatformFile(RecordedEvent event, List<String> platformDirectories) {
        if (platformDirectories.isEmpty() || !event.hasField("path")) {
            return false;
        }
        String path = text(event, "path");
        for (String directory : platformDirectories) {
            if (path.startsWith(directory.endsWith("/") ? directory : directory + "/")) {
                return true;
            }
        }
        return false;
    }

    /** A step's interval. */
    record Interval(String name, long start, long end) {
        long length() {
            return end - start;
        }
    }

    /** The cumulative counters of the launcher as series. */
    record Counters(CounterSeries cpu, CounterSeries allocated, CounterSeries energy) {

        static Counters of(List<RecordedEvent> events, long raplMaxRangeMicrojoules) {
            List<RecordedEvent> sorted = new ArrayList<>(events);
            sorted.sort(Comparator.comparing(RecordedEvent::getStartTime));
            int n = sorted.size();
            long[] times = new long[n];
            double[] cpu = new double[n];
            double[] allocated = new double[n];
            long[] energy = new long[n];
            double[] machine = new double[n];
            boolean anyEnergy = false;
            for (int i = 0; i < n; i++) {
                RecordedEvent event = sorted.get(i);
                times[i] = nanos(event.getStartTime());
                cpu[i] = event.getLong("processCpuTime");
                allocated[i] = event.getLong("allocated");
                energy[i] = event.getLong("energy");
                machine[i] = event.getLong("machineCpuTime");
                anyEnergy |= energy[i] >= 0;
            }
            CounterSeries energySeries = anyEnergy
                    ? CounterSeries.processEnergy(times, energy, cpu, machine, raplMaxRangeMicrojoules)
                    : null;
            return new Counters(new CounterSeries(times, cpu), new CounterSeries(times, allocated), energySeries);
        }

        boolean hasEnergy() {
            return energy != null;
        }
    }

    /** What the events of one step add up to while the recording is read. */
    private static final class Accumulator {
        final String name;
        final List<Interval> intervals = new ArrayList<>();
        long socketWritten;
        long socketRead;
        long loopbackWritten;
        long loopbackRead;
        long fileWritten;
        long fileRead;
        long samples;
        long sleeps;
        final Map<String, Long> selfSamples = new HashMap<>();
        final Map<StackKey, FrameCounts> stacks = new HashMap<>();

        Accumulator(String name) {
            this.name = name;
        }

        void add(RecordedEvent event) {
            switch (event.getEventType().getName()) {
                case EXECUTION_SAMPLE -> {
                    samples++;
                    RecordedStackTrace stack = event.getStackTrace();
                    if (stack != null && !stack.getFrames().isEmpty()) {
                        RecordedFrame top = stack.getFrames().get(0);
                        selfSamples.merge(methodName(top), 1L, Long::sum);
                    }
                    addFrames(stack, new FrameCounts(1, 0, 0, 0, 0));
                }
                case SOCKET_WRITE -> {
                    long bytes = Math.max(0, event.getLong("bytesWritten"));
                    if (isLoopback(text(event, "address")) || isLoopback(text(event, "host"))) {
                        loopbackWritten += bytes;
                    } else {
                        socketWritten += bytes;
                    }
                    addFrames(event.getStackTrace(), new FrameCounts(0, 0, bytes, 0, 0));
                }
                case SOCKET_READ -> {
                    long bytes = Math.max(0, event.getLong("bytesRead"));
                    if (isLoopback(text(event, "address")) || isLoopback(text(event, "host"))) {
                        loopbackRead += bytes;
                    } else {
                        socketRead += bytes;
                    }
                    addFrames(event.getStackTrace(), new FrameCounts(0, 0, bytes, 0, 0));
                }
                case FILE_WRITE -> {
                    if (isJourneyFile(text(event, "path"))) {
                        long bytes = Math.max(0, event.getLong("bytesWritten"));
                        fileWritten += bytes;
                        addFrames(event.getStackTrace(), new FrameCounts(0, 0, 0, bytes, 0));
                    }
                }
                case FILE_READ -> {
                    if (isJourneyFile(text(event, "path"))) {
                        long bytes = Math.max(0, event.getLong("bytesRead"));
                        fileRead += bytes;
                        addFrames(event.getStackTrace(), new FrameCounts(0, 0, 0, bytes, 0));
                    }
                }
                case THREAD_SLEEP -> {
                    sleeps++;
                    addFrames(event.getStackTrace(), new FrameCounts(0, 1, 0, 0, 0));
                }
                case ALLOCATION_SAMPLE -> addFrames(event.getStackTrace(), new FrameCounts(0, 0, 0, 0, 1));
                default ->
                    throw new IllegalStateException(
                            "unexpected event " + event.getEventType().getName());
            }
        }

        private void addFrames(RecordedStackTrace stack, FrameCounts counts) {
            if (stack == null) {
                return;
            }
            Set<String> seen = new HashSet<>();
            List<FrameKey> application = new ArrayList<>();
            for (RecordedFrame frame : stack.getFrames()) {
                if (!frame.isJavaFrame() || frame.getMethod() == null) {
                    continue;
                }
                String className = frame.getMethod().getType().getName();
                if (isPlatformClass(className)) {
                    continue;
                }
                String method = frame.getMethod().getName();
                if (seen.add(className + '#' + method)) {
                    application.add(new FrameKey(className, method, frame.getLineNumber()));
                }
            }
            if (!application.isEmpty()) {
                stacks.merge(new StackKey(application), counts, FrameCounts::plus);
            }
        }

        private static String methodName(RecordedFrame frame) {
            if (frame.getMethod() == null) {
                return "(unknown)";
            }
            return frame.getMethod().getType().getName() + "."
                    + frame.getMethod().getName();
        }

        StepMeasures measures(Counters series, List<Interval> over) {
            long wall = 0;
            double cpu = 0;
            double allocated = 0;
            double energy = series.hasEnergy() ? 0 : Double.NaN;
            for (Interval interval : over) {
                wall += interval.length();
                cpu += series.cpu().between(interval.start(), interval.end());
                allocated += series.allocated().between(interval.start(), interval.end());
                if (series.hasEnergy()) {
                    energy += series.energy().between(interval.start(), interval.end());
                }
            }
            return build(wall, cpu, allocated, energy);
        }

        /** What the journey spent outside the union of its steps: the whole minus the steps, events as counted. */
        StepMeasures complement(StepMeasures journey, Counters series, List<Interval> stepUnion) {
            StepMeasures inSteps = measures(series, stepUnion);
            return build(
                    Math.max(0, journey.wallNanos() - inSteps.wallNanos()),
                    Math.max(0, journey.cpuNanos() - inSteps.cpuNanos()),
                    Math.max(0, journey.allocatedBytes() - inSteps.allocatedBytes()),
                    series.hasEnergy() ? Math.max(0, journey.raplJoules() - inSteps.raplJoules()) : Double.NaN);
        }

        private StepMeasures build(long wall, double cpu, double allocated, double energy) {
            return new StepMeasures(
                    name,
                    wall,
                    cpu,
                    energy,
                    allocated,
                    socketWritten,
                    socketRead,
                    loopbackWritten,
                    loopbackRead,
                    fileWritten,
                    fileRead,
                    samples,
                    sleeps,
                    selfSamples,
                    stacks);
        }
    }
}
