package org.ecobugs.measurements;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * EB304: the cost of compiling a regular expression for every HL7 segment ({@code String.matches},
 * {@code replaceAll}, {@code split} with a real regex) against compiling it once into a {@code static final Pattern},
 * and the {@code String.split} fast path that compiles nothing. One operation handles the 20 segments of an ORU^R01
 * message. Run: {@code java -jar measurements/target/measurements.jar jmh RegexCompilationBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RegexCompilationBenchmark {

    private static final String NUMERIC_OBX_REGEX = "OBX\\|\\d+\\|NM\\|.*";
    private static final Pattern NUMERIC_OBX = Pattern.compile(NUMERIC_OBX_REGEX);
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern FIELD_OR_COMPONENT = Pattern.compile("[|^]");

    private List<String> segments;

    @Setup
    public void message() {
        segments = new ArrayList<>();
        segments.add("MSH|^~\\&|LIS|LAB|LABHUB|HOSPITAL|20240312101500||ORU^R01|MSG00042|P|2.5.1");
        segments.add("PID|1||123456^^^HOSP^MR||DOE^JANE||19700101|F");
        segments.add("OBR|1|ORD-778|ACC-2231|24331-1^Lipid panel^LN|||20240312094500");
        for (int i = 1; i <= 17; i++) {
            String type = i % 4 == 0 ? "ST" : "NM";
            segments.add("OBX|" + i + "|" + type + "|2093-3^Cholesterol  total^LN||" + (150 + i)
                    + "|mg/dL|<200|N|||F|||20240312100000");
        }
    }

    @Benchmark
    public int matchesCompiledPerSegment() {
        int numeric = 0;
        for (String segment : segments) {
            if (segment.matches(NUMERIC_OBX_REGEX)) {
                numeric++;
            }
        }
        return numeric;
    }

    @Benchmark
    public int matchesPrecompiled() {
        int numeric = 0;
        for (String segment : segments) {
            if (NUMERIC_OBX.matcher(segment).matches()) {
                numeric++;
            }
        }
        return numeric;
    }

    @Benchmark
    public int replaceAllCompiledPerSegment() {
        int length = 0;
        for (String segment : segments) {
            length += segment.replaceAll("\\s+", " ").length();
        }
        return length;
    }

    @Benchmark
    public int replaceAllPrecompiled() {
        int length = 0;
        for (String segment : segments) {
            length += SPACES.matcher(segment).replaceAll(" ").length();
        }
        return length;
    }

    @Benchmark
    public int splitRegexCompiledPerSegment() {
        int parts = 0;
        for (String segment : segments) {
            parts += segment.split("[|^]").length;
        }
        return parts;
    }

    @Benchmark
    public int splitRegexPrecompiled() {
        int parts = 0;
        for (String segment : segments) {
            parts += FIELD_OR_COMPONENT.split(segment).length;
        }
        return parts;
    }

    /** {@code "\\|"} is an escaped single character: {@code String.split} takes its fast path and compiles nothing. */
    @Benchmark
    public int splitFastPath() {
        int parts = 0;
        for (String segment : segments) {
            parts += segment.split("\\|").length;
        }
        return parts;
    }
}
