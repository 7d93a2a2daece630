package org.ecobugs.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.ecobugs.rules.Finding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project model kept between analyses: read once, each analysed document's summary in place of its file's, and
 * the server told when what other documents' findings follow changed.
 */
class ProjectModelsTest {

    private static final String TASK = """
            package org.example;

            import org.springframework.scheduling.annotation.Scheduled;

            class ResultSync {
                private final LabClient lab = new LabClient();

                @Scheduled(fixedDelay = 10_000)
                void pollResults() {
                    lab.fetchResults();
                }
            }
            """;
    private static final String CLIENT = """
            package org.example;

            import org.springframework.web.client.RestTemplate;

            class LabClient {
                private final RestTemplate rest = new RestTemplate();

                String fetchResults() {
                    return %s;
                }
            }
            """;
    private static final String REQUEST = "rest.getForObject(\"https://lab.example/results\", String.class)";

    @TempDir
    Path temp;

    private final BlockingQueue<String> told = new LinkedBlockingQueue<>();
    private Path project;
    private Path task;
    private Path lab;
    private ProjectModels models;
    private DocumentAnalyzer analyzer;

    @BeforeEach
    void writeAProject() throws IOException {
        project = Files.createDirectories(temp.resolve("ward"));
        Files.writeString(project.resolve("pom.xml"), "<project/>\n");
        Path sources = Files.createDirectories(project.resolve("src/main/java/org/example"));
        task = Files.writeString(sources.resolve("ResultSync.java"), TASK);
        lab = Files.writeString(sources.resolve("LabClient.java"), CLIENT.formatted(REQUEST));
        ProjectClasspath classpath = new ProjectClasspath(false);
        models = new ProjectModels(classpath, new ProjectModels.Listener() {
            @Override
            public void read(Path project, String outcome) {
                told.add("read " + outcome);
            }

            @Override
            public void changed(Path project, Path file, boolean chains) {
                told.add("changed " + file.getFileName() + (chains ? " and what it does" : " places only"));
            }
        });
        analyzer = new DocumentAnalyzer(classpath, models);
    }

    @AfterEach
    void close() {
        models.close();
    }

    @Test
    void eachAnalysisIsHandedTheOtherFilesAndReplacesItsOwn() throws Exception {
        analyzer.analyze(task.toUri().toString(), TASK);
        assertThat(next()).startsWith("read ecobugs read the project model of " + project + ": 2 of 2 files in ");
        assertThat(rules(TASK)).contains("EB104");

        analyse(lab, CLIENT.formatted("\"none\""));
        assertThat(next()).isEqualTo("changed LabClient.java and what it does");
        assertThat(rules(TASK)).doesNotContain("EB104");

        // Being typed, it does not parse: its last summary stands.
        analyse(lab, "class LabClient {\n    String fetchResults( {\n");
        assertThat(rules(TASK)).doesNotContain("EB104");

        analyse(lab, CLIENT.formatted(REQUEST));
        assertThat(next()).isEqualTo("changed LabClient.java and what it does");
        assertThat(rules(TASK)).contains("EB104");
        analyse(lab, "\n" + CLIENT.formatted(REQUEST));
        assertThat(next()).isEqualTo("changed LabClient.java places only");
        analyse(lab, "\n" + CLIENT.formatted(REQUEST));
        assertThat(told.poll(200, TimeUnit.MILLISECONDS))
                .as("the same text again")
                .isNull();
    }

    @Test
    void aClosedDocumentsFileIsReadAgainFromDisk() throws Exception {
        analyzer.analyze(task.toUri().toString(), TASK);
        assertThat(next()).startsWith("read ");
        analyse(lab, CLIENT.formatted("\"none\""));
        assertThat(next()).isEqualTo("changed LabClient.java and what it does");

        models.reread(lab);
        assertThat(next()).isEqualTo("changed LabClient.java and what it does");
        assertThat(rules(TASK)).contains("EB104");
    }

    @Test
    void theMainSourcesOfAProjectLeaveOutTestsBuildOutputAndNestedProjects() throws IOException {
        for (String file : List.of(
                "src/test/java/org/example/ResultSyncTest.java",
                "target/generated-sources/org/example/Generated.java",
                ".git/Stash.java",
                "admin/pom.xml",
                "admin/src/main/java/org/example/admin/Console.java",
                "src/main/java/org/example/build/Builder.java")) {
            Files.createDirectories(project.resolve(file).getParent());
            Files.writeString(project.resolve(file), "");
        }

        assertThat(ProjectSources.of(project))
                .extracting(file -> project.relativize(file).toString())
                .containsExactly(
                        "src/main/java/org/example/LabClient.java",
                        "src/main/java/org/example/ResultSync.java",
                        "src/main/java/org/example/build/Builder.java");
    }

    private void analyse(Path file, String text) {
        analyzer.analyze(file.toUri().toString(), text);
    }

    private List<String> rules(String text) {
        return analyzer.analyze(task.toUri().toString(), text).findings().stream()
                .map(Finding::ruleKey)
                .toList();
    }

    private String next() throws InterruptedException {
        String message = told.poll(30, TimeUnit.SECONDS);
        assertThat(message).as("told within 30 s").isNotNull();
        return message;
    }
}
