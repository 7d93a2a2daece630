package org.ecobugs.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.ecobugs.rules.Analysis;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.Phase;
import org.ecobugs.rules.ProcessingError;
import org.ecobugs.rules.SecondaryLocation;
import org.ecobugs.rules.project.FileSummary;
import org.ecobugs.rules.project.MethodSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project-wide step: a loop's call reaches a FHIR read two classes away, through a class that holds neither a loop
 * nor FHIR code (so that no rule wants it), and the finding follows changes of any file of the chain, with or
 * without the result cache, and with the other files' summaries given by the host.
 */
class ProjectPassTest {

    @TempDir
    Path temp;

    private Path sources;
    private Path cache;

    @BeforeEach
    void writeAProject() throws IOException {
        sources = Files.createDirectories(temp.resolve("src/app"));
        cache = temp.resolve("cache");
        Files.writeString(sources.resolve("Ward.java"), """
                package app;

                import java.util.List;

                class Ward {
                    private final Beds beds = new Beds();

                    void round(List<String> ids) {
                        for (String id : ids) {
                            beds.occupant(id);
                        }
                    }
                }
                """);
        Files.writeString(sources.resolve("Beds.java"), """
                package app;

                class Beds {
                    private final Registry registry = new Registry();

                    String occupant(String bed) {
                        return registry.patient(bed);
                    }
                }
                """);
        writeRegistry(true);
    }

    private void writeRegistry(boolean remote) throws IOException {
        String read =
                remote ? "return client.read().resource(Patient.class).withId(id).execute().getId();" : "return id;";
        Files.writeString(sources.resolve("Registry.java"), """
                package app;

                import ca.uhn.fhir.rest.client.api.IGenericClient;
                import org.hl7.fhir.r4.model.Patient;

                class Registry {
                    private IGenericClient client;

                    String patient(String id) {
                        %s
                    }
                }
                """.formatted(read));
    }

    @Test
    void findsTheReadThroughAClassNoRuleWanted() {
        AnalysisResult result = run(false);

        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.ruleKey()).isEqualTo("EB209");
            assertThat(finding.file().getFileName()).hasToString("Ward.java");
            assertThat(finding.line()).isEqualTo(10);
            assertThat(finding.message())
                    .startsWith("This loop calls Beds.occupant(), which reads a FHIR Patient through"
                            + " Registry.patient(), once per element;");
            assertThat(finding.secondaryLocations())
                    .extracting(s -> s.file().getFileName() + ":" + s.line())
                    .containsExactly("Ward.java:9", "Beds.java:7", "Registry.java:10");
        });
        Phase model = result.timings().phase(Phase.Kind.PROJECT_MODEL).orElseThrow();
        assertThat(model.count(Phase.Count.FILES_PARSED_FOR_MODEL))
                .as("Beds.java (no loop, no FHIR code) and Registry.java (no loop), which the chain leads to")
                .isEqualTo(2);
        assertThat(model.count(Phase.Count.TYPES)).isEqualTo(3);
    }

    @Test
    void theCacheGivesTheSameFindingsAndAChangeDownTheChainIsSeen() throws IOException {
        AnalysisResult first = run(true);
        AnalysisResult second = run(true);
        assertThat(second.findings()).isEqualTo(first.findings()).hasSize(1);
        assertThat(second.timings()
                        .phase(Phase.Kind.WRITE_RESULT_CACHE)
                        .orElseThrow()
                        .count(Phase.Count.UNCHANGED_FILES))
                .isEqualTo(3);

        writeRegistry(false);
        assertThat(run(true).findings()).as("the registry no longer reads").isEmpty();

        writeRegistry(true);
        assertThat(run(true).findings()).isEqualTo(first.findings());
    }

    @Test
    void withoutARuleThatFollowsCallsNothingIsSummarised() {
        AnalysisResult result = Analysis.run(AnalysisRequest.builder()
                .addSourceRoot(sources.getParent())
                .includeRules(Set.of("EB101"))
                .threads(1)
                .build());

        assertThat(result.timings().phase(Phase.Kind.PROJECT_MODEL)).isEmpty();
        assertThat(result.findings()).extracting(Finding::ruleKey).isEmpty();
    }

    @Test
    void byDefaultTheLoopRulesDoNotFollowCallsIntoOtherClasses() {
        AnalysisResult result = Analysis.run(AnalysisRequest.builder()
                .addSourceRoot(sources.getParent())
                .includeRules(Set.of("EB209"))
                .threads(1)
                .build());

        assertThat(result.findings()).isEmpty();
        assertThat(result.timings().phase(Phase.Kind.PROJECT_MODEL)).isEmpty();
    }

    @Test
    void aSummaryOnlyRequestSummarisesEveryFileThatParsesAndRunsNoRule() throws IOException {
        Files.writeString(sources.resolve("Broken.java"), "package app;\nclass Broken {\n    void m( {\n}\n");
        AnalysisResult result = Analysis.run(AnalysisRequest.builder()
                .addSourceRoot(sources.getParent())
                .summaries(AnalysisRequest.Summaries.ONLY)
                .threads(1)
                .build());

        assertThat(result.findings()).isEmpty();
        assertThat(result.rulesRun()).isEmpty();
        assertThat(result.summaries().keySet())
                .extracting(file -> file.getFileName().toString())
                .containsExactlyInAnyOrder("Ward.java", "Beds.java", "Registry.java");
        assertThat(result.summaries().get(sources.resolve("Beds.java")).methods())
                .extracting(MethodSummary::displayName)
                .as("a file no rule wants")
                .containsExactly("Beds.occupant()");
        assertThat(result.errors())
                .extracting(ProcessingError::input)
                .containsExactly(sources.resolve("Broken.java").toString());
        assertThat(result.timings().phase(Phase.Kind.PROJECT_MODEL)).isEmpty();
    }

    @Test
    void theOtherFilesSummariesGivenByTheHostCarryAFindingThroughThem() throws IOException {
        Map<Path, FileSummary> project = summariesOnly();
        Path ward = sources.resolve("Ward.java");

        AnalysisResult alone = runOn(ward, Files.readString(ward), Map.of());
        assertThat(alone.findings())
                .as("without the others, the call reaches nothing")
                .isEmpty();

        AnalysisResult withModel = runOn(ward, Files.readString(ward), project);
        assertThat(withModel.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.ruleKey()).isEqualTo("EB209");
            assertThat(finding.file()).isEqualTo(ward);
            assertThat(finding.secondaryLocations())
                    .extracting(s -> s.file().getFileName() + ":" + s.line())
                    .containsExactly("Ward.java:9", "Beds.java:7", "Registry.java:10");
        });
        assertThat(withModel.summaries()).containsOnlyKeys(ward);
        assertThat(withModel.summaries().get(ward)).isEqualTo(project.get(ward));
    }

    @Test
    void aFileOfTheRequestIsSummarisedAfreshNotTakenFromTheHost() throws IOException {
        Map<Path, FileSummary> project = summariesOnly();
        Path registry = sources.resolve("Registry.java");
        writeRegistry(false);

        AnalysisResult result = Analysis.run(request()
                .addSourceText(sources.resolve("Ward.java"), Files.readString(sources.resolve("Ward.java")))
                .addSourceText(registry, Files.readString(registry))
                .knownSummaries(project)
                .summaries(AnalysisRequest.Summaries.EVERY_FILE)
                .build());

        assertThat(result.findings()).as("the registry no longer reads").isEmpty();
        assertThat(result.summaries().get(registry)).isNotEqualTo(project.get(registry));
    }

    @Test
    void everyFilesSummaryIsReturnedBesideTheFindingsWhenAsked() {
        AnalysisResult result = Analysis.run(request()
                .addSourceRoot(sources.getParent())
                .summaries(AnalysisRequest.Summaries.EVERY_FILE)
                .build());

        assertThat(result.findings()).extracting(Finding::ruleKey).containsExactly("EB209");
        assertThat(result.summaries()).isEqualTo(summariesOnly());
        assertThat(run(false).summaries()).as("not asked for").isEmpty();
    }

    private Map<Path, FileSummary> summariesOnly() {
        return Analysis.run(AnalysisRequest.builder()
                        .addSourceRoot(sources.getParent())
                        .summaries(AnalysisRequest.Summaries.ONLY)
                        .threads(1)
                        .build())
                .summaries();
    }

    private AnalysisResult runOn(Path file, String text, Map<Path, FileSummary> known) {
        return Analysis.run(request()
                .addSourceText(file, text)
                .knownSummaries(known)
                .summaries(AnalysisRequest.Summaries.EVERY_FILE)
                .build());
    }

    private static AnalysisRequest.Builder request() {
        return AnalysisRequest.builder()
                .includeRules(Set.of("EB209"))
                .ruleParameter("EB209", "followProjectCalls", "true")
                .threads(1);
    }

    private AnalysisResult run(boolean cached) {
        AnalysisRequest.Builder request = AnalysisRequest.builder()
                .addSourceRoot(sources.getParent())
                .includeRules(Set.of("EB209"))
                .ruleParameter("EB209", "followProjectCalls", "true")
                .threads(2);
        if (cached) {
            request.cacheDirectory(cache);
        }
        AnalysisResult result = Analysis.run(request.build());
        assertThat(result.errors()).isEmpty();
        result.findings().stream()
                .flatMap(f -> f.secondaryLocations().stream())
                .map(SecondaryLocation::file)
                .forEach(file -> assertThat(file).exists());
        return result;
    }
}
