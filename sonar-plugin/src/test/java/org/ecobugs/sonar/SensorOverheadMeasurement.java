package org.ecobugs.sonar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.ecobugs.rules.Analysis;
import org.ecobugs.rules.meta.RuleCatalog;
import org.ecobugs.rules.meta.RuleMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.sonar.api.batch.fs.InputFile;
import org.sonar.api.batch.rule.internal.ActiveRulesBuilder;
import org.sonar.api.batch.rule.internal.NewActiveRule;
import org.sonar.api.batch.sensor.internal.SensorContextTester;
import org.sonar.api.rule.RuleKey;

/**
 * Not a test: measures what the sensor costs beyond the engine, on a real project, in one JVM. It runs only when
 * {@code ecobugs.bench.sources} is set (by {@code bench/run.sh}), prints its numbers and asserts nothing.
 *
 * <p>System properties: {@code ecobugs.bench.sources} (a source root), {@code ecobugs.bench.classes} (compiled classes),
 * {@code ecobugs.bench.classpath} (jars, separated by the path separator), {@code ecobugs.bench.runs} (default 3),
 * {@code ecobugs.bench.output} (a file the lines are appended to).
 */
@EnabledIfSystemProperty(named = "ecobugs.bench.sources", matches = ".+")
class SensorOverheadMeasurement {

    @Test
    void sensorTimeNextToEngineTime() throws IOException {
        Subject subject = Subject.fromProperties();

        List<String> lines = new ArrayList<>();
        for (int run = 1; run <= subject.runs(); run++) {
            SensorContextTester context = context(subject);
            AtomicLong engineNanos = new AtomicLong();
            EcobugsSensor sensor = new EcobugsSensor(request -> {
                long started = System.nanoTime();
                try {
                    return Analysis.run(request);
                } finally {
                    engineNanos.set(System.nanoTime() - started);
                }
            });
            long started = System.nanoTime();
            sensor.execute(context);
            long sensorNanos = System.nanoTime() - started;
            lines.add(String.format(
                    Locale.ROOT,
                    "sensor\t%d\t%.3f\t%.3f\t%d",
                    run,
                    sensorNanos / 1e9,
                    engineNanos.get() / 1e9,
                    context.allIssues().size()));
        }
        lines.forEach(System.out::println);
        String output = System.getProperty("ecobugs.bench.output");
        if (output != null) {
            Files.write(
                    Path.of(output),
                    lines,
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
    }

    /**
     * A first analysis with the scanner's cache enabled and empty, then a second one on the same files with what the
     * first stored, as SonarQube hands it from one analysis of a branch to the next.
     */
    @Test
    void firstAndSecondAnalysisWithTheScannersCache() throws IOException {
        Subject subject = Subject.fromProperties();

        List<String> lines = new ArrayList<>();
        for (int run = 1; run <= subject.runs(); run++) {
            InMemoryScannerCache first = new InMemoryScannerCache(java.util.Map.of());
            double firstSeconds = timedAnalysis(context(subject), first);
            InMemoryScannerCache second = new InMemoryScannerCache(first.written);
            SensorContextTester again = context(subject);
            double secondSeconds = timedAnalysis(again, second);
            lines.add(String.format(
                    Locale.ROOT,
                    "scanner cache\t%d\t%.3f\t%.3f\t%d",
                    run,
                    firstSeconds,
                    secondSeconds,
                    again.allIssues().size()));
        }
        lines.forEach(System.out::println);
    }

    private static double timedAnalysis(SensorContextTester context, InMemoryScannerCache cache) {
        context.setCacheEnabled(true);
        context.setPreviousCache(cache);
        context.setNextCache(cache);
        long started = System.nanoTime();
        new EcobugsSensor().execute(context);
        return (System.nanoTime() - started) / 1e9;
    }

    /** What is measured, from the system properties {@code bench/run.sh} sets. */
    private record Subject(Path sources, String classes, String classpath, int runs) {
        static Subject fromProperties() {
            return new Subject(
                    Path.of(System.getProperty("ecobugs.bench.sources")).toAbsolutePath(),
                    System.getProperty("ecobugs.bench.classes", ""),
                    System.getProperty("ecobugs.bench.classpath", ""),
                    Integer.getInteger("ecobugs.bench.runs", 3));
        }
    }

    /** A scanner's context: every main Java file indexed, the profile's rules active, binaries and libraries set. */
    private static SensorContextTester context(Subject subject) throws IOException {
        Path sources = subject.sources();
        SensorContextTester context = SensorContextTester.create(sources);
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                context.fileSystem()
                        .add(org.sonar.api.batch.fs.internal.TestInputFileBuilder.create(
                                        "module", sources.toFile(), file.toFile())
                                .setLanguage("java")
                                .setType(InputFile.Type.MAIN)
                                .setCharset(StandardCharsets.UTF_8)
                                .initMetadata(text)
                                .setContents(text)
                                .build());
            }
        }
        context.settings()
                .setProperty(ModuleInputs.BINARIES, subject.classes())
                .setProperty(ModuleInputs.LIBRARIES, subject.classpath().replace(java.io.File.pathSeparatorChar, ','));
        ActiveRulesBuilder rules = new ActiveRulesBuilder();
        for (RuleMetadata rule : RuleCatalog.builtIn().all()) {
            if (rule.energy().defaultActive() && !rule.detection().judgesDependencies()) {
                rules.addRule(new NewActiveRule.Builder()
                        .setRuleKey(RuleKey.of(EcobugsRulesDefinition.REPOSITORY_KEY, rule.key()))
                        .setLanguage("java")
                        .build());
            }
        }
        context.setActiveRules(rules.build());
        return context;
    }
}
