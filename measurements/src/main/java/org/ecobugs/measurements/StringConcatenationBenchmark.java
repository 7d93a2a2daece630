package org.ecobugs.measurements;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * EB305: building a CSV report of {@code n} lab results (about 40 characters a line) with {@code report += line} in a
 * loop, which copies the whole report on every iteration, against a {@code StringBuilder} and
 * {@code Collectors.joining}. The sizes show the quadratic growth. Run:
 * {@code java -jar measurements/target/measurements.jar jmh StringConcatenationBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StringConcatenationBenchmark {

    @Param({"10", "100", "1000", "10000"})
    public int n;

    private List<String[]> results;

    @Setup
    public void results() {
        results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            results.add(new String[] {"ACC-" + (100_000 + i), "2093-3", String.valueOf(150 + i % 90), "mg/dL", "N"});
        }
    }

    @Benchmark
    public String concatenationInLoop() {
        String report = "";
        for (String[] r : results) {
            report += r[0] + ';' + r[1] + ';' + r[2] + ';' + r[3] + ';' + r[4] + '\n';
        }
        return report;
    }

    @Benchmark
    public String stringBuilder() {
        StringBuilder report = new StringBuilder();
        for (String[] r : results) {
            report.append(r[0])
                    .append(';')
                    .append(r[1])
                    .append(';')
                    .append(r[2])
                    .append(';')
                    .append(r[3])
                    .append(';')
                    .append(r[4])
                    .append('\n');
        }
        return report.toString();
    }

    @Benchmark
    public String joining() {
        return results.stream().map(r -> String.join(";", r)).collect(Collectors.joining("\n", "", "\n"));
    }
}
