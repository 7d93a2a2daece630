package org.ecobugs.rules.report;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.Phase;
import org.ecobugs.rules.ProcessingError;
import org.ecobugs.rules.meta.RuleCatalog;

/** One hand-built analysis that exercises every path and position shape the report writers must handle. */
final class SampleAnalysis {

    static final String VERSION = "9.9.9-test";
    static final String MARKUP_MESSAGE = "Name the columns instead of * in <script>alert(\"&'\")</script>.";

    final Path baseDir;
    final Path poller;
    final Path daoWithSpace;
    final Path outside;
    final Path classOnly = Path.of("org", "x", "Compiled.java");
    final Path broken;
    final String archiveEntry;
    final AnalysisResult result;

    SampleAnalysis(Path tempDir) {
        baseDir = tempDir.resolve("project");
        poller = baseDir.resolve("src/main/java/org/x/Poller.java");
        daoWithSpace = baseDir.resolve("src/main/java/org/x/My Dao.java");
        outside = tempDir.resolve("elsewhere/Other.java");
        broken = baseDir.resolve("src/main/java/org/x/Broken.java");
        archiveEntry = baseDir.resolve("lib/app.jar") + "!/org/x/Weird.class";
        List<Finding> findings = List.of(
                new Finding(
                        "EB101", poller, 12, 9, 14, 9, "Block on a latch instead of spinning.", Finding.Origin.SOURCE),
                new Finding("EB604", daoWithSpace, 7, 20, 7, 45, MARKUP_MESSAGE, Finding.Origin.SOURCE),
                new Finding(
                        "EB102",
                        classOnly,
                        30,
                        0,
                        0,
                        0,
                        "Wait on the condition, not in a sleep loop.",
                        Finding.Origin.BYTECODE),
                new Finding("EB604", outside, 3, 5, 0, 0, "Name the columns instead of *.", Finding.Origin.SOURCE));
        List<ProcessingError> errors = List.of(
                new ProcessingError(
                        broken.toString(),
                        null,
                        ProcessingError.Kind.UNPARSABLE_SOURCE,
                        "Cannot parse: Parse error at line 3"),
                new ProcessingError(
                        archiveEntry,
                        "EB101",
                        ProcessingError.Kind.RULE_FAILURE,
                        "Rule failed: IllegalStateException: boom"));
        List<Phase> phases = List.of(
                new Phase(Phase.Kind.COLLECT_INPUTS, Duration.ofMillis(12)),
                new Phase(Phase.Kind.ANALYSE_SOURCES, Duration.ofMillis(600)),
                new Phase(
                        Phase.Kind.PRESCREEN_SOURCE_TEXT,
                        Duration.ofMillis(48),
                        Map.of(Phase.Count.UNPARSED_FILES, 7, Phase.Count.FILES, 12)),
                new Phase(Phase.Kind.ANALYSE_CLASSES, Duration.ofMillis(190)));
        Map<String, Duration> rules = Map.of("EB604", Duration.ofMillis(35), "EB101", Duration.ofMillis(120));
        result = new AnalysisResult(
                findings,
                errors,
                List.of("EB101", "EB102", "EB201", "EB604"),
                12,
                30,
                new AnalysisResult.Timings(Duration.ofMillis(812), phases, rules));
    }

    ReportContext context() {
        return new ReportContext(result, RuleCatalog.builtIn(), baseDir, VERSION);
    }

    /** The context of a project whose configuration file, in its base directory, holds {@code yaml}. */
    ReportContext configured(String yaml) throws java.io.IOException {
        java.nio.file.Files.createDirectories(baseDir);
        Path file = java.nio.file.Files.writeString(baseDir.resolve("ecobugs.yml"), yaml);
        return context().withSettings(org.ecobugs.rules.settings.ProjectSettings.read(file, RuleCatalog.builtIn()));
    }

    /**
     * A dependency analysis: one finding on the POM and one the build suppressed (a dependency listed as used).
     */
    static ReportContext withDependencyFindings(Path baseDir) {
        Path pom = baseDir.resolve("pom.xml");
        AnalysisResult result = new AnalysisResult(
                List.of(new Finding(
                        "EB401",
                        pom,
                        12,
                        5,
                        0,
                        0,
                        "Remove the unused dependency a:b:1.0.",
                        Finding.Origin.DEPENDENCIES)),
                List.of(),
                List.of("EB401"),
                1,
                1,
                new AnalysisResult.Timings(Duration.ofMillis(40), List.of(), Map.of()),
                List.of(new Finding(
                        "EB401",
                        pom,
                        20,
                        5,
                        0,
                        0,
                        "Remove the unused dependency c:d:2.0.",
                        Finding.Origin.DEPENDENCIES)));
        return new ReportContext(result, RuleCatalog.builtIn(), baseDir, VERSION);
    }

    /**
     * One finding with two secondary locations: the loop in the same file, and the request a helper makes in another
     * (hostile text in a message, for the escaping).
     */
    static ReportContext withSecondaryLocations(Path baseDir) {
        Path orders = baseDir.resolve("src/main/java/org/x/Orders.java");
        Path client = baseDir.resolve("src/main/java/org/x/Client.java");
        Finding finding = new Finding(
                "EB208",
                orders,
                14,
                13,
                14,
                24,
                "This loop sends one HTTP request per element.",
                Finding.Origin.SOURCE,
                List.of(),
                List.of(
                        new org.ecobugs.rules.SecondaryLocation(
                                orders, 12, 29, 12, 34, "the loop that runs it once per element"),
                        new org.ecobugs.rules.SecondaryLocation(
                                client, 7, 0, 0, 0, "the <b>request</b> load() makes")));
        AnalysisResult result = new AnalysisResult(
                List.of(finding),
                List.of(),
                List.of("EB208"),
                2,
                0,
                new AnalysisResult.Timings(Duration.ofMillis(40), List.of(), Map.of()));
        return new ReportContext(result, RuleCatalog.builtIn(), baseDir, VERSION);
    }

    /** An analysis with nothing to report. */
    static ReportContext empty(Path baseDir) {
        AnalysisResult result = new AnalysisResult(
                List.of(),
                List.of(),
                List.of("EB101"),
                1,
                0,
                new AnalysisResult.Timings(Duration.ofMillis(40), List.of(), Map.of()));
        return new ReportContext(result, RuleCatalog.builtIn(), baseDir, VERSION);
    }
}
