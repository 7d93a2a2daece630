package org.ecobugs.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What to measure and how: the journey (class path, main class, arguments), the runs, the JVM, and the impact model.
 *
 * @param classpath the journey's class path entries (directories, jars, or {@code dir/*} wildcards the {@code java}
 *     launcher expands)
 * @param mainClass the class whose {@code main} is the journey
 * @param args the journey's arguments
 * @param runs measured runs, each in a new JVM (at least 1)
 * @param warmup calls of {@code main} in each JVM before the measured one (0 measures a cold start)
 * @param java the {@code java} executable of the forked JVMs
 * @param jvmArgs options for the forked JVMs, e.g. {@code -Xmx512m}
 * @param measureOverhead also run the journey as often without recording, alternated, to measure what recording costs
 * @param recordingsDir where to keep the recordings and logs, or null for a temporary directory removed afterwards
 * @param model the impact model
 * @param useRapl read RAPL when it is readable (otherwise always the power model)
 * @param timeout the longest a run may take
 * @param progress told about each run as it starts
 */
public record BenchmarkRequest(
        List<String> classpath,
        String mainClass,
        List<String> args,
        int runs,
        int warmup,
        Path java,
        List<String> jvmArgs,
        boolean measureOverhead,
        Path recordingsDir,
        ImpactModel model,
        boolean useRapl,
        Duration timeout,
        Consumer<String> progress) {

    public BenchmarkRequest {
        classpath = List.copyOf(classpath);
        Objects.requireNonNull(mainClass, "mainClass");
        args = List.copyOf(args);
        jvmArgs = List.copyOf(jvmArgs);
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(timeout, "timeout");
        progress = progress == null ? message -> {} : progress;
        if (classpath.isEmpty()) {
            throw new IllegalArgumentException("The journey needs a class path");
        }
        if (mainClass.isBlank()) {
            throw new IllegalArgumentException("The journey needs a main class");
        }
        if (runs < 1) {
            throw new IllegalArgumentException("At least one run, not " + runs);
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("Warm-up runs cannot be negative: " + warmup);
        }
    }

    public static Builder builder(String mainClass) {
        return new Builder(mainClass);
    }

    /** The {@code java} of the running JVM. */
    /**
     * Calls of {@code main} before the measured one, by default: the recording instruments the JDK's socket and file
     * classes, and the first calls after that run slower code; three calls bring journeys of a few hundred
     * milliseconds to the same state with and without recording (docs/benchmark.md, "What recording costs").
     */
    public static final int DEFAULT_WARMUP = 3;

    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    public static final class Builder {
        private final String mainClass;
        private final List<String> classpath = new ArrayList<>();
        private final List<String> args = new ArrayList<>();
        private final List<String> jvmArgs = new ArrayList<>();
        private int runs = 5;
        private int warmup = DEFAULT_WARMUP;
        private Path java = currentJava();
        private boolean measureOverhead;
        private Path recordingsDir;
        private ImpactModel model = ImpactModel.defaults();
        private boolean useRapl = true;
        private Duration timeout = Duration.ofMinutes(10);
        private Consumer<String> progress;

        private Builder(String mainClass) {
            this.mainClass = mainClass;
        }

        public Builder classpath(List<String> entries) {
            classpath.addAll(entries);
            return this;
        }

        public Builder args(List<String> values) {
            args.addAll(values);
            return this;
        }

        public Builder jvmArgs(List<String> values) {
            jvmArgs.addAll(values);
            return this;
        }

        public Builder runs(int value) {
            runs = value;
            return this;
        }

        public Builder warmup(int value) {
            warmup = value;
            return this;
        }

        public Builder java(Path value) {
            java = value;
            return this;
        }

        public Builder measureOverhead(boolean value) {
            measureOverhead = value;
            return this;
        }

        public Builder recordingsDir(Path value) {
            recordingsDir = value;
            return this;
        }

        public Builder model(ImpactModel value) {
            model = value;
            return this;
        }

        public Builder useRapl(boolean value) {
            useRapl = value;
            return this;
        }

        public Builder timeout(Duration value) {
            timeout = value;
            return this;
        }

        public Builder progress(Consumer<String> value) {
            progress = value;
            return this;
        }

        public BenchmarkRequest build() {
            return new BenchmarkRequest(
                    classpath,
                    mainClass,
                    args,
                    runs,
                    warmup,
                    java,
                    jvmArgs,
                    measureOverhead,
                    recordingsDir,
                    model,
                    useRapl,
                    timeout,
                    progress);
        }
    }
}
