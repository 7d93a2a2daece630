package org.ecobugs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {

    /** Code the rules were never shown: each energy bug beside the look-alike that must stay silent. */
    private static final String UNSEEN_CODE = """
            package org.example.lab;

            import java.sql.Connection;
            import java.sql.ResultSet;
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.TimeUnit;
            import com.fasterxml.jackson.databind.ObjectMapper;
            import com.fasterxml.jackson.databind.SerializationFeature;

            class SpecimenTracker {
                private volatile boolean analyserReady;
                private BlockingQueue<String> specimens;

                void awaitAnalyser() {
                    while (!analyserReady) {
                        Thread.onSpinWait();
                    }
                }

                String nextSpecimen() throws InterruptedException {
                    String id;
                    while ((id = specimens.poll()) == null) {
                        Thread.sleep(25);
                    }
                    return id;
                }

                String nextSpecimenBlocking() throws InterruptedException {
                    return specimens.poll(30, TimeUnit.SECONDS);
                }

                ObjectMapper apiMapper() {
                    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                }

                ObjectMapper compactMapper() {
                    return new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
                }

                ResultSet all(Connection c) throws Exception {
                    return c.createStatement().executeQuery("SELECT * FROM specimen");
                }

                ResultSet some(Connection c) throws Exception {
                    return c.createStatement().executeQuery("SELECT id, status FROM specimen");
                }
            }
            """;

    @TempDir
    Path temp;

    private Path sources;

    @BeforeEach
    void writeSources() throws IOException {
        sources = Files.createDirectories(temp.resolve("src/org/example/lab"));
        Files.writeString(sources.resolve("SpecimenTracker.java"), UNSEEN_CODE);
        Files.writeString(
                sources.resolve("Clean.java"), "package org.example.lab;\nclass Clean { int one() { return 1; } }\n");
    }

    @Test
    void findsTheBugsInPlainSourcesWithoutAClasspathAndNoLookAlike() {
        CliRun run = CliRun.of("analyze", temp.resolve("src").toString(), "--base-dir", temp.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.err()).isEmpty();
        String file = "src/org/example/lab/SpecimenTracker.java";
        assertThat(run.out().lines().filter(l -> l.contains(": warning: ")))
                .containsExactly(
                        file + ":15:16: warning: [EB101] This loop spins until its condition changes and keeps a core"
                                + " busy for the whole wait; block on the event instead (a latch, a future, a queue's"
                                + " take() or a condition).",
                        file + ":22:16: warning: [EB102] This loop wakes every 25 ms to re-check a condition; wait for"
                                + " the event instead (a queue's take() or poll(timeout), a future, a latch or a"
                                + " condition).",
                        file + ":33:16: warning: [EB201] Jackson INDENT_OUTPUT pads every payload it writes with"
                                + " JSON indentation; serialize compactly and pretty-print only for human readers.");

        // EB604 is off by default; asked for, it finds the SELECT * and not its twin that names the columns.
        CliRun selectStar =
                CliRun.of("analyze", temp.resolve("src").toString(), "--base-dir", temp.toString(), "--rules", "EB604");
        assertThat(selectStar.out().lines().filter(l -> l.contains(": warning: ")))
                .containsExactly(file + ":41:49: warning: [EB604] SELECT * reads and transfers every column of"
                        + " specimen, whether the code uses them or not; list only the columns it needs.");
    }

    @Test
    void cleanCodeExitsWithZero() {
        CliRun run = CliRun.of("analyze", sources.resolve("Clean.java").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.CLEAN);
    }

    @Test
    void writesEveryReportFormatToTheReportDirectory() throws IOException {
        Path reports = temp.resolve("reports");
        CliRun run = CliRun.of(
                "analyze", temp.resolve("src").toString(),
                "--format", "text,json,sarif,html",
                "--report-dir", reports.toString(),
                "--base-dir", temp.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("[EB101]").contains("Reports written to " + reports);
        JsonNode json =
                new ObjectMapper().readTree(reports.resolve("ecobugs.json").toFile());
        assertThat(json.path("findings")).hasSize(3);
        JsonNode sarif =
                new ObjectMapper().readTree(reports.resolve("ecobugs.sarif").toFile());
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.path("runs").get(0).path("results")).hasSize(3);
        assertThat(Files.readString(reports.resolve("ecobugs.html"))).contains("EB201");
        assertThat(Files.readString(reports.resolve("ecobugs.txt"))).contains("[EB102]");
    }

    @Test
    void printsJsonOnStandardOutputWhenAskedOnly() throws IOException {
        CliRun run = CliRun.of("analyze", temp.resolve("src").toString(), "--format", "json", "--rules", "EB604");
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("findings")).hasSize(1);
        assertThat(json.path("findings").get(0).path("rule").asText()).isEqualTo("EB604");
    }

    @Test
    void ruleSelectionAndParametersApply() {
        CliRun run = CliRun.of(
                "analyze", temp.resolve("src").toString(), "--rules", "EB102", "--param", "EB102.maxPollIntervalMs=20");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.CLEAN);
        assertThat(run.out()).doesNotContain("warning:");
    }

    @Test
    void badUsageExitsWithTwoAndOneClearLine() {
        assertUsageError(CliRun.of("analyze"), "Missing required parameter: 'PATH'");
        assertUsageError(
                CliRun.of("analyze", "src", "--format", "xml"),
                "Unknown report format 'xml'; use text, json, sarif or html");
        assertUsageError(CliRun.of("analyze", "src", "--rules", "EB999"), "Unknown rule key 'EB999' in rules");
        assertUsageError(
                CliRun.of("analyze", "src", "--param", "EB102.maxPollIntervalMs=soon"),
                "Rule EB102 parameter 'maxPollIntervalMs' must be integer, not 'soon'");
        assertUsageError(
                CliRun.of("analyze", "src", "--param", "maxPollIntervalMs=5"),
                "--param: 'maxPollIntervalMs=5' is not KEY.name=value (e.g. EB102.maxPollIntervalMs=500)");
        assertUsageError(CliRun.of("analyze", "src", "--format", "json,html"), "several formats need --report-dir");
        assertUsageError(CliRun.of("analyze", "src", "--java-level", "99"), "Java version must be between 8 and 25");
        assertUsageError(CliRun.of("analyze", "src", "--encoding", "klingon"), "Unknown encoding 'klingon'");
        assertUsageError(CliRun.of("frobnicate"), "Unmatched argument at index 0: 'frobnicate'");
        assertUsageError(
                CliRun.of("analyze", "src", "--param", "EB102.maxPollIntervalMs=-5"),
                "Rule EB102 parameter 'maxPollIntervalMs' must be at least 0, not '-5'");
    }

    @Test
    void aMissingPathIsAUsageErrorNotACleanRun() {
        // A typo in a CI script must not pass while nothing was analysed.
        String nowhere = temp.resolve("nowhere").toString();
        assertUsageError(
                CliRun.of("analyze", nowhere, temp.resolve("src").toString()), "no such file or directory: " + nowhere);
        assertUsageError(
                CliRun.of("analyze", temp.resolve("src").toString(), "--classes", nowhere),
                "--classes: no such file or directory: " + nowhere);
        assertUsageError(
                CliRun.of("analyze", temp.resolve("src").toString(), "--base-dir", nowhere),
                "--base-dir: not a directory: " + nowhere);
    }

    @Test
    void processingErrorsFailTheRunOnlyWhenAskedTo() throws IOException {
        // Cut short where the rule would look: a file no rule needs is not parsed.
        Files.writeString(
                sources.resolve("Broken.java"),
                "package org.example.lab;\nclass Broken { void f() throws Exception { while (true) { Thread.sleep(5);\n");
        String src = temp.resolve("src").toString();

        CliRun tolerant = CliRun.of("analyze", src, "--rules", "EB102");
        assertThat(tolerant.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(tolerant.out()).contains("Broken.java: error: Cannot parse");

        CliRun strict = CliRun.of("analyze", src, "--rules", "EB102", "--fail-on-processing-errors");
        assertThat(strict.exitCode()).isEqualTo(ExitCodes.PROCESSING_ERRORS);
        assertThat(strict.out()).contains("[EB102]").contains("Broken.java: error: Cannot parse");
        assertThat(strict.err()).isEqualTo("ecobugs: 1 input could not be processed (--fail-on-processing-errors)\n");
    }

    @Test
    void reportsThatCannotBeWrittenStopTheRunBeforeTheAnalysisInOneLine() throws IOException {
        String src = temp.resolve("src").toString();
        Path aFile = Files.writeString(temp.resolve("plain.txt"), "not a directory");
        assertUsageError(
                CliRun.of("analyze", src, "--output", temp.toString()),
                "cannot write the report to " + temp + ": it is a directory");
        assertUsageError(
                CliRun.of(
                        "analyze", src, "--output", aFile.resolve("report.txt").toString()),
                "cannot write the report to " + aFile.resolve("report.txt") + ": " + aFile + " is not a directory");
        assertUsageError(
                CliRun.of(
                        "analyze", src, "--report-dir", aFile.resolve("reports").toString()),
                ": " + aFile + " is not a directory");
        Path analysed = sources.resolve("Clean.java");
        String before = Files.readString(analysed);
        assertUsageError(
                CliRun.of("analyze", src, "--output", analysed.toString()),
                "cannot write the report to " + analysed + ": it is one of the analysed files");
        assertThat(Files.readString(analysed)).isEqualTo(before);
        Path kernelView = Path.of("/proc/version");
        if (Files.isRegularFile(kernelView)) {
            assertUsageError(
                    CliRun.of("analyze", src, "--output", kernelView.toString()),
                    "it is on the proc file system, not a file a report can be written to");
        }
    }

    @Test
    void controlCharactersInNamesCannotForgeALine() throws IOException {
        Path forged = Files.createDirectories(temp.resolve("evil"))
                .resolve("Poll.java\nFake.java:1:1: warning: [EB101] forged\u001b[2J.java");
        Files.writeString(forged, UNSEEN_CODE.replace("class SpecimenTracker", "class Poll"));
        CliRun run = CliRun.of("analyze", temp.resolve("evil").toString(), "--rules", "EB101");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out().lines().filter(line -> line.contains("warning:")))
                .singleElement()
                .asString()
                .contains("Poll.java\\nFake.java:1:1: warning: [EB101] forged\\u001b[2J.java:")
                .doesNotContain("\u001b");
    }

    @Test
    void hostileInputsBesideRealBugsAreEachNamedAndTheBugsStillReported() throws IOException {
        Path mixed = Files.createDirectories(temp.resolve("mixed/org/example/lab"));
        Files.writeString(mixed.resolve("SpecimenTracker.java"), UNSEEN_CODE);
        // A zip bomb: one class entry of 16 MiB of zeros, 16 KB compressed, past the 8 MiB a class may take.
        try (java.util.zip.ZipOutputStream zip =
                new java.util.zip.ZipOutputStream(Files.newOutputStream(mixed.resolve("bomb.jar")))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("org/example/Bomb.class"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 16; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        Files.write(mixed.resolve("Garbage.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, 1, 2, 3});
        Files.writeString(
                mixed.resolve("Generated.java"),
                "package org.example.lab;\nclass Generated { void f() throws Exception { Thread.sleep(5); }\n"
                        + "// padding\n".repeat(20_000) + "}\n");
        Files.writeString(
                mixed.resolve("Broken.java"),
                "package org.example.lab;\nclass Broken { void f() throws Exception { while (true) { Thread.sleep(5);\n");
        String spin = UNSEEN_CODE.replace("class SpecimenTracker", "class Utf16Tracker");
        byte[] utf16 = spin.getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        byte[] marked = new byte[utf16.length + 2];
        marked[0] = (byte) 0xFF;
        marked[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, marked, 2, utf16.length);
        Files.write(mixed.resolve("Utf16Tracker.java"), marked);
        Files.writeString(
                mixed.resolve("Named.java\nFake.java:1:1: warning: [EB101] forged.java"),
                UNSEEN_CODE.replace("class SpecimenTracker", "class Named"));

        CliRun run = CliRun.of(
                "analyze",
                temp.resolve("mixed").toString(),
                "--max-source-file-bytes",
                "100000",
                "--fail-on-processing-errors");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.PROCESSING_ERRORS);
        // Every line is one finding: the forged name stays inside the line of the file's own finding.
        assertThat(run.out()
                        .lines()
                        .filter(line -> line.matches(".*\\.java:\\d+:\\d+: warning: \\[EB101] This loop spins.*")))
                .hasSize(3)
                .anyMatch(line -> line.contains("SpecimenTracker.java:"))
                .anyMatch(line -> line.contains("Utf16Tracker.java:"))
                .anyMatch(line -> line.contains("Named.java\\nFake.java:1:1: warning: [EB101] forged.java:"));
        assertThat(run.out().lines().filter(line -> line.contains(": error: ")))
                .hasSize(4)
                .anyMatch(line -> line.contains("bomb.jar!/org/example/Bomb.class"))
                .anyMatch(line -> line.contains("Garbage.class"))
                .anyMatch(line -> line.contains("Generated.java") && line.contains("--max-source-file-bytes"))
                .anyMatch(line -> line.contains("Broken.java: error: Cannot parse"));
        assertThat(run.err()).isEqualTo("ecobugs: 4 inputs could not be processed (--fail-on-processing-errors)\n");
    }

    @Test
    void aBaselineHidesTheKnownFindingsAndTheRunFailsOnlyOnANewOne() throws IOException {
        String src = temp.resolve("src").toString();
        Path baseline = temp.resolve("ecobugs-baseline.json");
        CliRun recorded = CliRun.of("analyze", src, "--write-baseline", baseline.toString());
        assertThat(recorded.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(recorded.out()).contains("Baseline of 3 findings written to " + baseline + ".");

        CliRun unchanged = CliRun.of("analyze", src, "--baseline", baseline.toString());
        assertThat(unchanged.exitCode()).as(unchanged.out()).isEqualTo(ExitCodes.CLEAN);
        assertThat(unchanged.out())
                .doesNotContain(": warning: ")
                .contains(": 3 known findings not counted; 0 of its findings gone.");

        // Code added above the known findings does not make them new; a new spin is the only finding.
        Files.writeString(
                sources.resolve("SpecimenTracker.java"),
                UNSEEN_CODE.replace(
                        "    void awaitAnalyser() {",
                        "    private volatile boolean centrifugeReady;\n\n    void awaitCentrifuge() {\n"
                                + "        while (!centrifugeReady) {\n            Thread.onSpinWait();\n        }\n"
                                + "    }\n\n    void awaitAnalyser() {"));
        CliRun changed = CliRun.of("analyze", src, "--baseline", baseline.toString());
        assertThat(changed.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(changed.out().lines().filter(line -> line.contains(": warning: ")))
                .singleElement()
                .asString()
                .contains("SpecimenTracker.java:17:");

        assertUsageError(
                CliRun.of(
                        "analyze",
                        src,
                        "--baseline",
                        sources.resolve("Clean.java").toString()),
                "not an ecobugs baseline: " + sources.resolve("Clean.java"));
    }

    @Test
    void theConfigurationFileInTheBaseDirectorySetsRulesParametersSeveritiesAndExclusions() throws IOException {
        Path generated = Files.createDirectories(temp.resolve("src/generated/org/example/lab"));
        Files.writeString(
                generated.resolve("GeneratedTracker.java"),
                UNSEEN_CODE.replace("class SpecimenTracker", "class GeneratedTracker"));
        Files.writeString(temp.resolve("ecobugs.yml"), """
                rules:
                  EB201: off
                  EB604: on
                  EB102:
                    params:
                      maxPollIntervalMs: 20
                  EB101:
                    severity: BLOCKER
                exclude:
                  - src/generated/
                failOnSeverity: BLOCKER
                """);
        String src = temp.resolve("src").toString();

        CliRun run = CliRun.of("analyze", src, "--base-dir", temp.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()
                        .lines()
                        .filter(l -> l.contains(": warning: "))
                        .map(l -> l.substring(0, l.indexOf(']') + 1)))
                .containsExactly(
                        "src/org/example/lab/SpecimenTracker.java:15:16: warning: [EB101]",
                        "src/org/example/lab/SpecimenTracker.java:41:49: warning: [EB604]");
        assertThat(run.out()).contains("Configuration: ecobugs.yml.");

        // The host's options win: the rules it names run, and only BLOCKER findings fail the run.
        CliRun onlyEb604 = CliRun.of("analyze", src, "--base-dir", temp.toString(), "--rules", "EB604,EB201");
        assertThat(onlyEb604.out().lines().filter(l -> l.contains(": warning: ")))
                .hasSize(2)
                .noneMatch(l -> l.contains("[EB101]"));
        assertThat(onlyEb604.exitCode()).as("EB604 and EB201 are below BLOCKER").isEqualTo(ExitCodes.CLEAN);
        CliRun anySeverity = CliRun.of(
                "analyze", src, "--base-dir", temp.toString(), "--rules", "EB604", "--fail-on-severity", "info");
        assertThat(anySeverity.exitCode()).isEqualTo(ExitCodes.FINDINGS);

        // As in Maven, a key with a minus excludes a rule and keeps the others.
        CliRun withoutEb604 = CliRun.of("analyze", src, "--base-dir", temp.toString(), "--rules", "-EB604");
        assertThat(withoutEb604.out().lines().filter(l -> l.contains(": warning: ")))
                .singleElement()
                .asString()
                .contains("[EB101]");

        CliRun ignored = CliRun.of("analyze", src, "--base-dir", temp.toString(), "--no-config");
        assertThat(ignored.out())
                .contains("GeneratedTracker.java:15:16", "[EB201]")
                .doesNotContain("Configuration:");
    }

    @Test
    void aConfigurationFileThatCannotBeUsedStopsTheRunWithWhereItIsWrong() throws IOException {
        String src = temp.resolve("src").toString();
        Path file = Files.writeString(temp.resolve("ecobugs.yml"), "rules:\n  EB101: off\nexlude:\n  - gen/\n");
        assertUsageError(
                CliRun.of("analyze", src, "--base-dir", temp.toString()),
                "configuration file " + file + ":3:1: unknown key 'exlude' in the settings; known keys: rules,"
                        + " exclude, baseline, failOnSeverity");
        assertUsageError(
                CliRun.of(
                        "analyze", src, "--config", temp.resolve("missing.yml").toString()),
                "--config: no such file: " + temp.resolve("missing.yml"));
        assertUsageError(
                CliRun.of("analyze", src, "--fail-on-severity", "high", "--no-config"),
                "--fail-on-severity must be INFO, MINOR, MAJOR, CRITICAL or BLOCKER, not 'high'");
    }

    @Test
    void theConfigurationFileNamesTheBaseline() throws IOException {
        String src = temp.resolve("src").toString();
        Path other = Files.createDirectories(temp.resolve("settings"));
        Path file = Files.writeString(other.resolve("ecobugs.yml"), "baseline: known/findings.json\n");
        Path baseline = other.resolve("known/findings.json");
        assertUsageError(
                CliRun.of("analyze", src, "--config", file.toString()),
                "the baseline " + baseline + " named in " + file + " does not exist; write it with --write-baseline");

        CliRun written =
                CliRun.of("analyze", src, "--config", file.toString(), "--write-baseline", baseline.toString());
        assertThat(written.exitCode()).as(written.err()).isEqualTo(ExitCodes.FINDINGS);
        CliRun compared = CliRun.of("analyze", src, "--config", file.toString());
        assertThat(compared.exitCode()).as(compared.out()).isEqualTo(ExitCodes.CLEAN);
        assertThat(compared.out()).contains("3 known findings not counted");
    }

    @Test
    void unusedSuppressionsAreListedOnlyWhenAsked() throws IOException {
        Files.writeString(
                sources.resolve("Clean.java"),
                "package org.example.lab;\nclass Clean {\n    // ecobugs:ignore EB101 the spin was fixed\n"
                        + "    int one() { return 1; }\n}\n");
        String src = temp.resolve("src").toString();
        assertThat(CliRun.of("analyze", src).out()).doesNotContain("unused suppression");
        assertThat(CliRun.of("analyze", src, "--report-unused-suppressions").out())
                .contains("Clean.java:3: note: unused suppression: ecobugs:ignore comment: the spin was fixed matches"
                        + " no finding");
    }

    @Test
    void threadsAreCheckedAndCapped() {
        String src = temp.resolve("src").toString();
        assertUsageError(CliRun.of("analyze", src, "--threads", "0"), "--threads must be at least 1, not 0");
        CliRun many = CliRun.of("analyze", src, "--rules", "EB102", "--threads", "100000");
        assertThat(many.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(many.err())
                .isEqualTo("ecobugs: --threads 100000 is more than this machine can use; using "
                        + org.ecobugs.rules.AnalysisRequest.maxUsefulThreads() + "\n");
    }

    @Test
    void aSourceFileOverTheSizeLimitIsReportedWithTheOptionThatRaisesIt() throws IOException {
        Path tracker = sources.resolve("SpecimenTracker.java");
        String limit = String.valueOf(Files.size(tracker) - 1);

        CliRun skipped = CliRun.of("analyze", temp.resolve("src").toString(), "--max-source-file-bytes", limit);

        assertThat(skipped.exitCode()).isEqualTo(ExitCodes.CLEAN);
        assertThat(skipped.out())
                .contains(tracker.toString())
                .contains("over the limit of " + limit + " bytes for one source file")
                .contains("--max-source-file-bytes")
                .doesNotContain("warning:");
        CliRun raised = CliRun.of(
                "analyze",
                temp.resolve("src").toString(),
                "--max-source-file-bytes",
                String.valueOf(Files.size(tracker)));
        assertThat(raised.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(raised.out()).contains("[EB101]").doesNotContain("over the limit");
        assertUsageError(
                CliRun.of("analyze", "src", "--max-source-file-bytes", "0"),
                "the largest source file must be at least 1 byte, not 0");
    }

    @Test
    void withoutATerminalNoProgressIsShown() {
        // Tests run without a console, as CI and pipes do: standard error stays empty.
        assertThat(System.console()).isNull();
        CliRun run = CliRun.of("analyze", temp.resolve("src").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).doesNotContain("files/s");
    }

    @Test
    void progressCanBeAskedForAndIsErasedBeforeTheReport() {
        CliRun run = CliRun.of("analyze", temp.resolve("src").toString(), "--progress");
        assertThat(run.err()).startsWith("\recobugs: ").contains("2 / 2 files").endsWith("\r");
        assertThat(run.err().strip()).doesNotContain("\n");
        assertThat(run.out()).contains("[EB101]").doesNotContain("files/s");
        assertThat(CliRun.of("analyze", temp.resolve("src").toString(), "--progress", "--quiet")
                        .err())
                .contains("2 / 2 files");
        assertThat(CliRun.of("analyze", temp.resolve("src").toString(), "--no-progress")
                        .err())
                .isEmpty();
    }

    @Test
    void aSecondRunWithACacheReportsTheSame() throws IOException {
        Path cache = temp.resolve("cache");
        CliRun first = CliRun.of("analyze", temp.resolve("src").toString(), "--cache", cache.toString());
        CliRun second = CliRun.of("analyze", temp.resolve("src").toString(), "--cache", cache.toString());
        assertThat(second.exitCode()).isEqualTo(first.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(second.out()).isEqualTo(first.out().replaceAll("in [0-9.]+ s", "in " + seconds(second.out())));
        try (var files = Files.list(cache)) {
            assertThat(files)
                    .singleElement()
                    .satisfies(f -> assertThat(f.getFileName().toString()).startsWith("results-"));
        }
    }

    /** The run time the summary line states, which differs between runs. */
    private static String seconds(String out) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("in ([0-9.]+) s").matcher(out);
        return m.find() ? m.group(1) + " s" : "";
    }

    private static void assertUsageError(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains(message).doesNotContain("\tat ");
        assertThat(run.err().lines().count()).isEqualTo(1);
    }
}
