package org.ecobugs.measurements;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs one measurement by name: {@code java -jar measurements/target/measurements.jar <name>}, or {@code jmh
 * [JMH options]} for the JMH benchmarks. Each measurement prints its numbers and the machine it ran on.
 */
public final class Measurements {

    /** Plain harnesses, by the name used on the command line; JMH benchmarks run through {@code jmh}. */
    private static final Map<String, Measurement> HARNESSES = new TreeMap<>(Map.of(
            "waiting", WaitingStyles::run,
            "precision", PrecisionReport::run,
            "http-client", HttpClientPerRequest::run,
            "payload", FhirPayloads::run,
            "journeys", VariantJourneys::run,
            "sample", SampleBeforeAfter::run,
            "overhead", RecordingOverhead::run));

    /** A measurement that does not fit JMH (thread CPU time, wake-ups, bytes). */
    @FunctionalInterface
    public interface Measurement {
        void run(String[] args) throws Exception;
    }

    private Measurements() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: measurements <name> | jmh [JMH options]; names: " + HARNESSES.keySet());
            System.exit(2);
        }
        if (args[0].equals("jmh")) {
            org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Measurement measurement = HARNESSES.get(args[0]);
        if (measurement == null) {
            System.err.println("unknown measurement '" + args[0] + "'; names: " + HARNESSES.keySet());
            System.exit(2);
        }
        System.out.println(Machine.describe());
        measurement.run(Arrays.copyOfRange(args, 1, args.length));
    }
}
