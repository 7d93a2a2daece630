package org.ecobugs.sonar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.ecobugs.rules.Analysis;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.Phase;
import org.ecobugs.rules.ProcessingError;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.Level;
import org.sonar.api.batch.fs.InputFile;
import org.sonar.api.batch.fs.TextRange;
import org.sonar.api.batch.fs.internal.DefaultInputFile;
import org.sonar.api.batch.fs.internal.TestInputFileBuilder;
import org.sonar.api.batch.rule.internal.ActiveRulesBuilder;
import org.sonar.api.batch.rule.internal.NewActiveRule;
import org.sonar.api.batch.sensor.internal.DefaultSensorDescriptor;
import org.sonar.api.batch.sensor.internal.SensorContextTester;
import org.sonar.api.batch.sensor.issue.Issue;
import org.sonar.api.rule.RuleKey;
import org.sonar.api.testfixtures.log.LogTesterJUnit5;

class EcobugsSensorTest {

    private static final String DAO = """
            package demo;

            import java.sql.Connection;
            import java.sql.ResultSet;
            import java.sql.SQLException;

            class PatientDao {
                private volatile boolean ready;

                ResultSet all(Connection connection) throws SQLException {
                    return connection.prepareStatement("SELECT * FROM patient").executeQuery();
                }

                void awaitReady() {
                    while (!ready) {
                        Thread.onSpinWait();
                    }
                }
            }
            """;

    private static final Path REPO =
            Path.of(System.getProperty("ecobugs.repo.dir")).toAbsolutePath().normalize();
    private static final Path MEASUREMENTS = REPO.resolve("test-fixtures/sample-journey/measurements");
    private static final String EB201_MESSAGE_START = "Jackson INDENT_OUTPUT pads every payload";

    @RegisterExtension
    final LogTesterJUnit5 logs = new LogTesterJUnit5().setLevel(Level.DEBUG);

    @TempDir
    Path baseDir;

    private SensorContextTester context;

    @BeforeEach
    void setUp() {
        context = SensorContextTester.create(baseDir);
        activate("EB101", "EB102", "EB604");
    }

    @Test
    void describesItselfAsAJavaSensorOfTheEcobugsRepository() {
        DefaultSensorDescriptor descriptor = new DefaultSensorDescriptor();
        new EcobugsSensor().describe(descriptor);
        assertThat(descriptor.name()).isEqualTo("ecobugs energy bugs");
        assertThat(descriptor.languages()).containsExactly("java");
        assertThat(descriptor.ruleRepositories()).containsExactly("ecobugs");
    }

    @Test
    void theEngineReportsIssuesAtTheExactRangesOfTheSource() throws IOException {
        DefaultInputFile dao = javaFile("src/main/java/demo/PatientDao.java", DAO, InputFile.Type.MAIN);

        new EcobugsSensor().execute(context);

        String query = "\"SELECT * FROM patient\"";
        int queryStart = DAO.lines().toList().get(10).indexOf(query);
        int conditionStart = DAO.lines().toList().get(14).indexOf("!ready");
        assertThat(context.allIssues())
                .extracting(
                        i -> i.ruleKey().toString(), i -> i.primaryLocation().inputComponent(), this::range)
                .containsExactlyInAnyOrder(
                        tuple("ecobugs:EB604", dao, List.of(11, queryStart, 11, queryStart + query.length())),
                        tuple("ecobugs:EB101", dao, List.of(15, conditionStart, 15, conditionStart + 6)));
        assertThat(context.allIssues())
                .filteredOn(i -> i.ruleKey().rule().equals("EB604"))
                .extracting(i -> i.primaryLocation().message())
                .containsExactly("SELECT * reads and transfers every column of patient, whether the code uses them or"
                        + " not; list only the columns it needs.");
    }

    @Test
    void findingsTheCodeMarksAsIntendedAreNotIssues() throws IOException {
        String marked = DAO.replace(
                        "        while (!ready) {",
                        "        // ecobugs:ignore EB101 hand-over within microseconds\n" + "        while (!ready) {")
                .replace("    ResultSet all(", "    @SuppressWarnings(\"ecobugs:EB604\")\n    ResultSet all(");
        javaFile("src/main/java/demo/PatientDao.java", marked, InputFile.Type.MAIN);

        new EcobugsSensor().execute(context);

        assertThat(context.allIssues()).isEmpty();
    }

    @Test
    void theConfigurationFilesExclusionsApplyAndTheProfileKeepsTheRules() throws IOException {
        DefaultInputFile dao = javaFile("src/main/java/demo/PatientDao.java", DAO, InputFile.Type.MAIN);
        DefaultInputFile generated = javaFile(
                "src/generated/java/demo/GeneratedDao.java",
                DAO.replace("PatientDao", "GeneratedDao"),
                InputFile.Type.MAIN);
        // Compiled, so that the bytecode rules see the generated class too: it is excluded with its source.
        Path classes = Files.createDirectories(baseDir.resolve("target/classes"));
        assertThat(javax.tools.ToolProvider.getSystemJavaCompiler()
                        .run(
                                null,
                                null,
                                null,
                                "-d",
                                classes.toString(),
                                "-proc:none",
                                generated.file().toString()))
                .isZero();
        context.settings().setProperty("sonar.java.binaries", "target/classes");
        // Rules and severities come from the quality profile: the file's are not applied here.
        Files.writeString(baseDir.resolve("ecobugs.yml"), "rules:\n  EB604: off\nexclude:\n  - src/generated/\n");

        new EcobugsSensor().execute(context);

        assertThat(context.allIssues())
                .extracting(i -> i.ruleKey().rule(), i -> i.primaryLocation().inputComponent())
                .containsExactlyInAnyOrder(tuple("EB604", dao), tuple("EB101", dao));
        assertThat(logs.logs(Level.INFO)).anyMatch(line -> line.contains("ecobugs.yml, 1 path exclusions"));
        assertThat(logs.logs(Level.WARN)).isEmpty();
        assertThat(measure(dao, EcobugsMetrics.ENERGY_BUGS.key())).isEqualTo(2);
    }

    @Test
    void aConfigurationFileThatCannotBeUsedIsLoggedAndTheModuleAnalysedWithoutIt() throws IOException {
        javaFile(
                "src/generated/java/demo/GeneratedDao.java",
                DAO.replace("PatientDao", "GeneratedDao"),
                InputFile.Type.MAIN);
        Files.writeString(baseDir.resolve("other.yml"), "exclude:\n  - src/generated/\nfailOn: MAJOR\n");
        context.settings().setProperty(EcobugsSensor.CONFIG_FILE_PROPERTY, "other.yml");

        new EcobugsSensor().execute(context);

        assertThat(logs.logs(Level.ERROR))
                .singleElement()
                .asString()
                .contains("other.yml:3:1: unknown key 'failOn'", "analysed without it");
        assertThat(context.allIssues()).hasSize(2);
    }

    @Test
    void savesEnergyBugsPerFamilyWeightedPointsAndLinesOnEachFile() throws IOException {
        DefaultInputFile dao = javaFile("src/main/java/demo/PatientDao.java", DAO, InputFile.Type.MAIN);
        DefaultInputFile clean =
                javaFile("src/main/java/demo/Clean.java", "package demo;\n\nclass Clean {}\n", InputFile.Type.MAIN);

        new EcobugsSensor().execute(context);

        assertThat(measure(dao, "ecobugs_energy_bugs")).isEqualTo(2);
        assertThat(measure(dao, "ecobugs_energy_bugs_polling")).isEqualTo(1);
        assertThat(measure(dao, "ecobugs_energy_bugs_data_access")).isEqualTo(1);
        assertThat(context.measure(dao.key(), "ecobugs_energy_bugs_payload")).isNull();
        // EB101 MAJOR polling 2 × 1.5, EB604 MINOR data access 1 × 1.25
        assertThat(measure(dao, "ecobugs_ecoscore_points")).isEqualTo(4.25);
        assertThat(measure(dao, "ecobugs_ecoscore_lines")).isEqualTo(15);
        assertThat(measure(clean, "ecobugs_ecoscore_lines")).isEqualTo(2);
        assertThat(context.measure(clean.key(), "ecobugs_energy_bugs")).isNull();
        assertThat(logs.logs(Level.INFO))
                .anyMatch(l -> l.startsWith("ecobugs: 2 energy bugs saved as issues; 2 source and 0 class files")
                        && l.endsWith("static écoscore of this module 0.0 over 17 non-blank lines"));
    }

    @Test
    void processingErrorsAreLoggedOneLineEachAndTheOtherFindingsAreSaved() throws IOException {
        DefaultInputFile poller = javaFile("src/main/java/demo/Poller.java", lines(20), InputFile.Type.MAIN);
        Path broken = baseDir.resolve("src/main/java/demo/Broken.java");
        EcobugsSensor sensor = new EcobugsSensor(request -> result(
                List.of(finding("EB102", poller.path(), 5, 1, 5, 9)),
                List.of(
                        new ProcessingError(
                                broken.toString(),
                                null,
                                ProcessingError.Kind.UNPARSABLE_SOURCE,
                                "Cannot parse: Parse error at line 3"),
                        new ProcessingError(
                                baseDir.resolve("target/classes/demo/Poller.class")
                                        .toString(),
                                "EB101",
                                ProcessingError.Kind.RULE_FAILURE,
                                "Rule failed: IllegalStateException: boom"))));

        sensor.execute(context);

        assertThat(context.allIssues()).hasSize(1);
        assertThat(logs.logs(Level.WARN))
                .contains(
                        "ecobugs could not process " + broken + ": Cannot parse: Parse error at line 3",
                        "ecobugs rule EB101 failed on " + baseDir.resolve("target/classes/demo/Poller.class")
                                + ": Rule failed: IllegalStateException: boom");
        assertThat(logs.logs(Level.INFO)).anyMatch(l -> l.contains("; 2 processing errors;"));
    }

    @Test
    void anEngineThatRefusesTheConfigurationIsLoggedAndDoesNotFailTheScan() throws IOException {
        javaFile("src/main/java/demo/A.java", lines(3), InputFile.Type.MAIN);
        EcobugsSensor sensor = new EcobugsSensor(request -> {
            throw new IllegalArgumentException("Rule EB102 parameter 'maxPollIntervalMs' must be integer, not 'x'");
        });

        sensor.execute(context);

        assertThat(context.allIssues()).isEmpty();
        assertThat(logs.logs(Level.ERROR))
                .containsExactly("ecobugs did not analyse this module: Rule EB102 parameter 'maxPollIntervalMs' must be"
                        + " integer, not 'x'");
    }

    @Test
    void secondaryLocationsBecomeTheIssuesSecondaryLocationsWhereTheFileIsIndexed() throws IOException {
        DefaultInputFile file = javaFile(
                "src/main/java/demo/Orders.java",
                "class Orders {\n  void all(java.util.List<String> ids) {\n    for (String id : ids) {\n"
                        + "      load(id);\n    }\n  }\n}\n",
                InputFile.Type.MAIN);
        Path elsewhere = baseDir.resolve("generated/Client.java");
        Finding finding = new Finding(
                "EB208",
                file.path(),
                4,
                7,
                4,
                14,
                "one request per element",
                Finding.Origin.SOURCE,
                List.of(),
                List.of(
                        new org.ecobugs.rules.SecondaryLocation(
                                file.path(), 3, 22, 3, 24, "the loop that runs it once per element"),
                        new org.ecobugs.rules.SecondaryLocation(elsewhere, 2, 0, 0, 0, "the request load() makes")));
        new EcobugsSensor(request -> result(List.of(finding), List.of())).execute(context);

        Issue issue = context.allIssues().iterator().next();
        assertThat(issue.flows())
                .singleElement()
                .satisfies(flow -> assertThat(flow.locations()).singleElement().satisfies(location -> {
                    assertThat(location.inputComponent()).isEqualTo(file);
                    assertThat(location.message()).isEqualTo("the loop that runs it once per element");
                    TextRange range = location.textRange();
                    assertThat(List.of(
                                    range.start().line(),
                                    range.start().lineOffset(),
                                    range.end().line(),
                                    range.end().lineOffset()))
                            .containsExactly(3, 21, 3, 24);
                }));
    }

    @Test
    void positionsWithoutColumnOrEndAreWidenedToTheLine() throws IOException {
        DefaultInputFile file = javaFile(
                "src/main/java/demo/Job.java",
                "class Job {\n  void run() {\n    while (true) { retry(); }\n  }\n}\n",
                InputFile.Type.MAIN);
        EcobugsSensor sensor = new EcobugsSensor(request -> result(
                List.of(
                        // bytecode: line only
                        new Finding("EB101", file.path(), 3, 0, 0, 0, "spin", Finding.Origin.BYTECODE),
                        // a column but no end: from the column to the end of the line
                        finding("EB302", file.path(), 3, 5, 0, 0),
                        // an end past the line (file edited since): the line
                        finding("EB301", file.path(), 3, 5, 3, 99)),
                List.of()));

        sensor.execute(context);

        assertThat(context.allIssues())
                .extracting(i -> i.ruleKey().rule(), this::range)
                .containsExactlyInAnyOrder(
                        tuple("EB101", List.of(3, 0, 3, 29)),
                        tuple("EB302", List.of(3, 4, 3, 29)),
                        tuple("EB301", List.of(3, 0, 3, 29)));
    }

    @Test
    void findingsInIndexedResourceFilesBecomeIssuesThereAndOthersAreReportedAsNotIndexed() throws IOException {
        javaFile("src/main/java/demo/A.java", lines(10), InputFile.Type.MAIN);
        DefaultInputFile pom =
                file("pom.xml", "<project>\n  <dependencies/>\n</project>\n", "xml", InputFile.Type.MAIN);
        Path notIndexed = baseDir.resolve("src/main/resources/application.properties");
        EcobugsSensor sensor = new EcobugsSensor(request -> result(
                List.of(
                        finding("EB201", pom.path(), 2, 3, 2, 17),
                        finding("EB201", notIndexed, 1, 1, 1, 10),
                        new Finding(
                                "EB604",
                                Path.of("demo/Compiled.java"),
                                4,
                                0,
                                0,
                                0,
                                "select star",
                                Finding.Origin.BYTECODE)),
                List.of()));

        sensor.execute(context);

        assertThat(context.allIssues())
                .extracting(i -> i.primaryLocation().inputComponent(), this::range)
                .containsExactly(tuple(pom, List.of(2, 2, 2, 17)));
        assertThat(measure(pom, "ecobugs_energy_bugs_payload")).isEqualTo(1);
        assertThat(context.measure(pom.key(), "ecobugs_ecoscore_lines")).isNull();
        assertThat(logs.logs(Level.WARN))
                .contains(
                        "ecobugs found energy bugs in " + notIndexed
                                + ", which is not among the indexed files of this module (add it to sonar.sources to"
                                + " see them, or check sonar.exclusions)",
                        "ecobugs found energy bugs in demo/Compiled.java, which is not among the indexed files of this"
                                + " module (add it to sonar.sources to see them, or check sonar.exclusions)");
    }

    @Test
    void springBootConfigurationIsReadWhetherIndexedOrInTheResourcesFolder() throws IOException {
        activate("EB201");
        javaFile("src/main/java/demo/A.java", lines(3), InputFile.Type.MAIN);
        DefaultInputFile indexed = file(
                "config/application.yml",
                "spring:\n  jackson:\n    serialization:\n      indent-output: true\n",
                "yaml",
                InputFile.Type.MAIN);
        Path resources = Files.createDirectories(baseDir.resolve("src/main/resources"));
        Path notIndexed =
                Files.writeString(resources.resolve("application.properties"), "spring.gson.pretty-printing=true\n");

        new EcobugsSensor().execute(context);

        assertThat(context.allIssues())
                .extracting(
                        i -> i.ruleKey().rule(),
                        i -> i.primaryLocation().inputComponent(),
                        i -> i.primaryLocation().textRange().start().line())
                .containsExactly(tuple("EB201", indexed, 4));
        assertThat(logs.logs(Level.WARN))
                .contains("ecobugs found energy bugs in " + notIndexed
                        + ", which is not among the indexed files of this module (add it to sonar.sources to see them,"
                        + " or check sonar.exclusions)");
    }

    @Test
    void buildsOneRequestFromTheModuleSettingsAndTheActiveRules() throws IOException {
        DefaultInputFile main = javaFile("src/main/java/demo/A.java", lines(3), InputFile.Type.MAIN);
        javaFile("src/test/java/demo/ATest.java", lines(3), InputFile.Type.TEST);
        file("pom.xml", "<project/>\n", "xml", InputFile.Type.MAIN);
        Files.createDirectories(baseDir.resolve("target/classes"));
        Files.createDirectories(baseDir.resolve("lib/nested"));
        Files.writeString(baseDir.resolve("lib/a.jar"), "");
        Files.writeString(baseDir.resolve("lib/nested/b.jar"), "");
        Files.writeString(baseDir.resolve("lib/notes.txt"), "");
        Path absoluteJar = Files.writeString(baseDir.resolve("c.jar"), "");
        context.settings()
                .setProperty("sonar.java.binaries", "target/classes,target/missing")
                .setProperty("sonar.java.libraries", "lib/**/*.jar," + absoluteJar)
                .setProperty("sonar.java.source", "1.8");
        context.setActiveRules(new ActiveRulesBuilder()
                .addRule(rule("EB102").setParam("maxPollIntervalMs", "250").build())
                .addRule(rule("EB201").build())
                .addRule(new NewActiveRule.Builder()
                        .setRuleKey(RuleKey.of("java", "S106"))
                        .build())
                .build());
        AtomicReference<AnalysisRequest> seen = new AtomicReference<>();

        new EcobugsSensor(capture(seen)).execute(context);

        AnalysisRequest request = seen.get();
        assertThat(request.sourceRoots()).containsExactly(main.path());
        assertThat(request.classInputs()).containsExactly(baseDir.resolve("target/classes"));
        assertThat(request.classpath())
                .containsExactly(baseDir.resolve("lib/a.jar"), baseDir.resolve("lib/nested/b.jar"), absoluteJar);
        assertThat(request.javaVersion()).isEqualTo(8);
        assertThat(request.includedRules()).containsExactlyInAnyOrder("EB102", "EB201");
        assertThat(request.ruleParameters()).isEqualTo(Map.of("EB102", Map.of("maxPollIntervalMs", "250")));
        assertThat(request.sourceEncoding()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(logs.logs(Level.WARN))
                .contains(
                        "ecobugs: nothing found at target/missing (from sonar.java.binaries or sonar.java.libraries)");
    }

    @Test
    void javaLevelsAboveWhatTheParserKnowsAreLoweredAndAbsentOnesUseTheNewest() throws IOException {
        javaFile("src/main/java/demo/A.java", lines(3), InputFile.Type.MAIN);
        AtomicReference<AnalysisRequest> seen = new AtomicReference<>();
        context.settings().setProperty("sonar.java.source", "99");

        new EcobugsSensor(capture(seen)).execute(context);

        assertThat(seen.get().javaVersion()).isEqualTo(AnalysisRequest.DEFAULT_JAVA_VERSION);
    }

    @Test
    void withoutAJavaLevelTheNewestIsUsed() throws IOException {
        javaFile("src/main/java/demo/A.java", lines(3), InputFile.Type.MAIN);
        AtomicReference<AnalysisRequest> seen = new AtomicReference<>();

        new EcobugsSensor(capture(seen)).execute(context);

        assertThat(seen.get().javaVersion()).isEqualTo(AnalysisRequest.DEFAULT_JAVA_VERSION);
        assertThat(seen.get().classInputs()).isEmpty();
        assertThat(logs.logs(Level.INFO))
                .contains("ecobugs: no compiled classes found through sonar.java.binaries, only the source rules run;"
                        + " compile before the analysis to run the bytecode rules too");
    }

    @Test
    void aModuleWithoutMainJavaIsNotAnalysed() throws IOException {
        javaFile("src/test/java/demo/ATest.java", lines(3), InputFile.Type.TEST);
        AtomicReference<AnalysisRequest> seen = new AtomicReference<>();

        new EcobugsSensor(capture(seen)).execute(context);

        assertThat(seen.get()).isNull();
        assertThat(logs.logs(Level.INFO)).contains("ecobugs: no main Java file in this module, nothing to analyse");
    }

    /**
     * The sample app with a measurement of its journey (recorded once, kept in {@code test-fixtures/sample-journey}): the
     * same join as {@code analyze --benchmark}.
     */
    @Test
    void aMeasuredJourneyWeighsTheIssuesItRanThroughAndGivesTheProjectItsMeasures() throws IOException {
        analyseSample();
        context.settings()
                .setProperty(
                        JourneyMeasurement.BENCHMARK,
                        MEASUREMENTS.resolve("sample-after.json").toString())
                .setProperty(
                        JourneyMeasurement.BASELINE,
                        MEASUREMENTS.resolve("sample-before.json").toString());

        new EcobugsSensor().execute(context);

        // The medians of the two recorded measurements: 93.45 before the fixes, 94.59 after.
        assertThat(projectMeasure("ecobugs_journey_estimate")).isEqualTo(94.6);
        assertThat(projectMeasure("ecobugs_journey_estimate_change")).isEqualTo(1.1);
        assertThat((Double) projectMeasure("ecobugs_journey_energy")).isPositive();
        assertThat((Double) projectMeasure("ecobugs_journey_data")).isPositive();
        assertThat((Double) projectMeasure("ecobugs_journey_co2e")).isPositive();
        assertThat((Long) projectMeasure("ecobugs_journey_time")).isPositive();
        assertThat(logs.logs(Level.INFO))
                .anyMatch(l -> l.startsWith("ecobugs: ecobugs' estimate on the same axes as the ANS écoscore"));
    }

    @Test
    void issuesWhoseCodeTheJourneyRanSayWhatTheyCostThere() throws IOException {
        analyseSample();
        context.settings()
                .setProperty(
                        JourneyMeasurement.BENCHMARK,
                        MEASUREMENTS.resolve("sample-before.json").toString());

        new EcobugsSensor().execute(context);

        List<String> messages = context.allIssues().stream()
                .map(i -> i.primaryLocation().message())
                .toList();
        List<String> measured = messages.stream()
                .filter(m -> m.contains(" Measured on the journey org.ecobugs.sample.journey.SampleJourney: "))
                .toList();
        // As the command line ranks them: the pretty-printing mapper first, and 4 of the 6 findings measured.
        assertThat(measured).hasSize(4);
        assertThat(measured)
                .anyMatch(m -> m.startsWith(EB201_MESSAGE_START) && m.contains(": 1 of 4 findings by energy, "))
                .allMatch(m -> m.matches(".* [0-9.]+ (m|µ)?J \\(IT .* CPU samples, data .*, step \".*"));
        assertThat(messages).hasSize(6);
        assertThat(context.measure(context.project().key(), "ecobugs_journey_estimate_change"))
                .isNull();
    }

    @Test
    void aJourneyFileThatCannotBeReadIsLoggedAndTheIssuesAreSavedWithoutIt() throws IOException {
        javaFile("src/main/java/demo/PatientDao.java", DAO, InputFile.Type.MAIN);
        Files.writeString(baseDir.resolve("journey.json"), "{\"schemaVersion\": 1}");
        context.settings()
                .setProperty(JourneyMeasurement.BENCHMARK, "journey.json")
                .setProperty(JourneyMeasurement.BASELINE, "missing.json");

        new EcobugsSensor().execute(context);

        assertThat(context.allIssues()).hasSize(2);
        assertThat(context.allIssues())
                .extracting(i -> i.primaryLocation().message())
                .noneMatch(m -> m.contains("Measured on the journey"));
        assertThat(context.measure(context.project().key(), "ecobugs_journey_estimate"))
                .isNull();
        assertThat(logs.logs(Level.WARN))
                .anyMatch(l -> l.startsWith("ecobugs could not read the journey measurement ")
                        && l.contains("journey.json (sonar.ecobugs.benchmark)"));
    }

    @Test
    void withTheScannersCacheTheEngineFindsItsResultsOfThePreviousAnalysis() throws IOException {
        InMemoryScannerCache first = firstAnalysisOfTheDaoWithTheScannersCache();

        byte[] stored = first.written.get(ScannerCache.KEY);
        assertThat(stored).isNotNull();
        assertThat(zipEntries(stored))
                .singleElement()
                .satisfies(name -> assertThat(name).startsWith("results-").endsWith(".bin"));

        // The next analysis gets it back in the engine's cache directory, byte for byte, and stores what it rewrote.
        newAnalysisOfTheDao();
        AtomicReference<AnalysisRequest> seen = new AtomicReference<>();
        List<byte[]> restored = new ArrayList<>();
        InMemoryScannerCache second = new InMemoryScannerCache(Map.of(ScannerCache.KEY, stored));
        useScannerCache(second);
        new EcobugsSensor(request -> {
                    seen.set(request);
                    try (var files = Files.list(request.cacheDirectory())) {
                        for (Path file : files.toList()) {
                            restored.add(Files.readAllBytes(file));
                        }
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return Analysis.run(request);
                })
                .execute(context);

        assertThat(restored)
                .singleElement()
                .satisfies(bytes -> assertThat(zipEntryBytes(stored)).isEqualTo(bytes));
        assertThat(zipEntries(second.written.get(ScannerCache.KEY))).isEqualTo(zipEntries(stored));
        assertThat(context.allIssues()).hasSize(2);
        // The temporary directory is gone once the cache is stored.
        assertThat(seen.get().cacheDirectory()).doesNotExist();
    }

    @Test
    void aFileAddedSinceThePreviousAnalysisIsAnalysedAndTheOthersComeFromTheCache() throws IOException {
        InMemoryScannerCache first = firstAnalysisOfTheDaoWithTheScannersCache();

        newAnalysisOfTheDao();
        javaFile("src/main/java/demo/Clean.java", "package demo;\n\nclass Clean {}\n", InputFile.Type.MAIN);
        InMemoryScannerCache second = new InMemoryScannerCache(first.written);
        useScannerCache(second);
        AtomicReference<AnalysisResult> result = new AtomicReference<>();
        new EcobugsSensor(request -> {
                    result.set(Analysis.run(request));
                    return result.get();
                })
                .execute(context);

        Phase cache =
                result.get().timings().phase(Phase.Kind.WRITE_RESULT_CACHE).orElseThrow();
        assertThat(cache.count(Phase.Count.UNCHANGED_FILES)).isEqualTo(1);
        assertThat(cache.count(Phase.Count.FILES)).isEqualTo(2);
        assertThat(context.allIssues()).hasSize(2);
    }

    @Test
    void aCacheEntryThatIsNotAZipOfPlainFilesIsIgnoredAndEveryFileIsAnalysed() throws IOException {
        java.io.ByteArrayOutputStream escaping = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(escaping)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("../outside.bin"));
            zip.write(1);
        }
        for (byte[] entry : List.of(escaping.toByteArray(), "not a zip".getBytes(StandardCharsets.UTF_8))) {
            newAnalysisOfTheDao();
            InMemoryScannerCache cache = new InMemoryScannerCache(Map.of(ScannerCache.KEY, entry));
            useScannerCache(cache);
            AtomicReference<AnalysisRequest> seen = new AtomicReference<>();
            List<String> inCache = new ArrayList<>();
            new EcobugsSensor(request -> {
                        seen.set(request);
                        try (var files = Files.list(request.cacheDirectory())) {
                            files.forEach(f -> inCache.add(f.getFileName().toString()));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        return Analysis.run(request);
                    })
                    .execute(context);
            assertThat(inCache).isEmpty();
            assertThat(seen.get().cacheDirectory().resolveSibling("outside.bin"))
                    .doesNotExist();
            assertThat(cache.written).containsKey(ScannerCache.KEY);
            assertThat(context.allIssues()).hasSize(2);
        }
        assertThat(logs.logs(Level.WARN))
                .contains("ecobugs ignored '../outside.bin' in its result cache of the previous analysis: not a file it"
                        + " writes");
    }

    @Test
    void withoutTheScannersCacheTheEngineHasNone() throws IOException {
        javaFile("src/main/java/demo/PatientDao.java", DAO, InputFile.Type.MAIN);
        AtomicReference<AnalysisRequest> seen = new AtomicReference<>();
        new EcobugsSensor(capture(seen)).execute(context);
        assertThat(seen.get().cacheDirectory()).isNull();
    }

    @Test
    void countsNonBlankLinesWhateverTheLineEndings() throws IOException {
        assertThat(EcobugsSensor.nonBlankLines(javaFile("A.java", "a\n\n  \t\nb\r\nc\rd", InputFile.Type.MAIN)))
                .isEqualTo(4);
        assertThat(EcobugsSensor.nonBlankLines(javaFile("B.java", "", InputFile.Type.MAIN)))
                .isZero();
        assertThat(EcobugsSensor.nonBlankLines(javaFile("C.java", "// comment\n\n", InputFile.Type.MAIN)))
                .isEqualTo(1);
    }

    /** A context on the sample health app, its main Java files indexed and the rules of its snapshot active. */
    private void analyseSample() throws IOException {
        Path sample = REPO.resolve("test-fixtures/sample-health-app");
        context = SensorContextTester.create(sample);
        activate("EB101", "EB102", "EB201", "EB301", "EB302", "EB604");
        try (java.util.stream.Stream<Path> files = Files.walk(sample.resolve("src/main/java"))) {
            for (Path path : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String contents = Files.readString(path);
                context.fileSystem()
                        .add(TestInputFileBuilder.create("module", sample.toFile(), path.toFile())
                                .setLanguage("java")
                                .setType(InputFile.Type.MAIN)
                                .setCharset(StandardCharsets.UTF_8)
                                .initMetadata(contents)
                                .setContents(contents)
                                .build());
            }
        }
    }

    private Object projectMeasure(String metric) {
        return context.measure(context.project().key(), metric).value();
    }

    /** An analysis of the DAO with the scanner's cache on and empty; returns what it stored. */
    private InMemoryScannerCache firstAnalysisOfTheDaoWithTheScannersCache() throws IOException {
        javaFile("src/main/java/demo/PatientDao.java", DAO, InputFile.Type.MAIN);
        InMemoryScannerCache cache = new InMemoryScannerCache(Map.of());
        useScannerCache(cache);
        new EcobugsSensor().execute(context);
        return cache;
    }

    /** The scanner's cache on: the previous analysis's entries, and where this one writes. */
    private void useScannerCache(InMemoryScannerCache cache) {
        context.setCacheEnabled(true);
        context.setPreviousCache(cache);
        context.setNextCache(cache);
    }

    /** A new scanner context on the same module, as the next analysis gets. */
    private void newAnalysisOfTheDao() throws IOException {
        context = SensorContextTester.create(baseDir);
        activate("EB101", "EB102", "EB604");
        javaFile("src/main/java/demo/PatientDao.java", DAO, InputFile.Type.MAIN);
    }

    private static List<String> zipEntries(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (java.util.zip.ZipInputStream in =
                new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    private static byte[] zipEntryBytes(byte[] zip) throws IOException {
        try (java.util.zip.ZipInputStream in =
                new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            in.getNextEntry();
            return in.readAllBytes();
        }
    }

    private void activate(String... keys) {
        ActiveRulesBuilder rules = new ActiveRulesBuilder();
        for (String key : keys) {
            rules.addRule(rule(key).build());
        }
        context.setActiveRules(rules.build());
    }

    private static NewActiveRule.Builder rule(String key) {
        return new NewActiveRule.Builder()
                .setRuleKey(RuleKey.of("ecobugs", key))
                .setLanguage("java");
    }

    private DefaultInputFile javaFile(String relativePath, String contents, InputFile.Type type) throws IOException {
        return file(relativePath, contents, "java", type);
    }

    private DefaultInputFile file(String relativePath, String contents, String language, InputFile.Type type)
            throws IOException {
        Path path = baseDir.resolve(relativePath);
        Files.createDirectories(path.getParent());
        Files.writeString(path, contents);
        DefaultInputFile file = TestInputFileBuilder.create("module", baseDir.toFile(), path.toFile())
                .setLanguage(language)
                .setType(type)
                .setCharset(StandardCharsets.UTF_8)
                .initMetadata(contents)
                .setContents(contents)
                .build();
        context.fileSystem().add(file);
        return file;
    }

    private Object measure(InputFile file, String metric) {
        return context.measure(file.key(), metric).value();
    }

    private List<Integer> range(Issue issue) {
        TextRange range = issue.primaryLocation().textRange();
        return List.of(
                range.start().line(),
                range.start().lineOffset(),
                range.end().line(),
                range.end().lineOffset());
    }

    private static String lines(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            text.append("// line ").append(i).append('\n');
        }
        return text.toString();
    }

    private static Finding finding(String rule, Path file, int line, int column, int endLine, int endColumn) {
        return new Finding(rule, file, line, column, endLine, endColumn, "message of " + rule, Finding.Origin.SOURCE);
    }

    private static AnalysisResult result(List<Finding> findings, List<ProcessingError> errors) {
        List<Finding> sorted = new ArrayList<>(findings);
        java.util.Collections.sort(sorted);
        return new AnalysisResult(
                sorted, errors, List.of(), 1, 0, new AnalysisResult.Timings(Duration.ofMillis(5), List.of(), Map.of()));
    }

    private static Function<AnalysisRequest, AnalysisResult> capture(AtomicReference<AnalysisRequest> seen) {
        return request -> {
            seen.set(request);
            return result(List.of(), List.of());
        };
    }
}
