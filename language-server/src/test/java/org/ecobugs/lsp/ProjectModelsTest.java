package org.ecobugs.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        project = temp.resolve("ward");
        Path sources = WardProject.write(project, "pom.xml", "<project/>\n", WardProject.REQUEST);
        task = sources.resolve("ResultSync.java");
        lab = sources.resolve("LabClient.java");
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

            @Override
            public void changedOnDisk(Path project, Map<Path, Boolean> chains) {
                chains.forEach((file, changed) -> told.add(
                        "on disk " + project.relativize(file) + (changed ? " and what it does" : " places only")));
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
        analyzer.analyze(task.toUri().toString(), WardProject.TASK);
        assertThat(next()).startsWith("read ecobugs read the project model of " + project + ": 2 of 2 files in ");
        assertThat(rules(WardProject.TASK)).contains("EB104");

        analyse(lab, WardProject.CLIENT.formatted(WardProject.NO_REQUEST));
        assertThat(next()).isEqualTo("changed LabClient.java and what it does");
        assertThat(rules(WardProject.TASK)).doesNotContain("EB104");

        // Being typed, it does not parse: its last summary stands.
        analyse(lab, "class LabClient {\n    String fetchResults( {\n");
        assertThat(rules(WardProject.TASK)).doesNotContain("EB104");

        analyse(lab, WardProject.CLIENT.formatted(WardProject.REQUEST));
        assertThat(next()).isEqualTo("changed LabClient.java and what it does");
        assertThat(rules(WardProject.TASK)).contains("EB104");
        analyse(lab, "\n" + WardProject.CLIENT.formatted(WardProject.REQUEST));
        assertThat(next()).isEqualTo("changed LabClient.java places only");
        analyse(lab, "\n" + WardProject.CLIENT.formatted(WardProject.REQUEST));
        assertThat(told.poll(200, TimeUnit.MILLISECONDS))
                .as("the same text again")
                .isNull();
    }

    @Test
    void aClosedDocumentsFileIsReadAgainFromDisk() throws Exception {
        analyzer.analyze(task.toUri().toString(), WardProject.TASK);
        assertThat(next()).startsWith("read ");
        analyse(lab, WardProject.CLIENT.formatted(WardProject.NO_REQUEST));
        assertThat(next()).isEqualTo("changed LabClient.java and what it does");

        models.reread(lab);
        assertThat(next()).isEqualTo("changed LabClient.java and what it does");
        assertThat(rules(WardProject.TASK)).contains("EB104");
    }

    @Test
    void filesChangedOrDeletedOnDiskAreReadAgainAtOnce() throws Exception {
        analyzer.analyze(task.toUri().toString(), WardProject.TASK);
        assertThat(next()).startsWith("read ");
        assertThat(rules(WardProject.TASK)).contains("EB104");

        Files.writeString(lab, WardProject.CLIENT.formatted(WardProject.NO_REQUEST));
        Path test = project.resolve("src/test/java/org/example/LabClientTest.java");
        Files.createDirectories(test.getParent());
        Files.writeString(
                test, WardProject.CLIENT.formatted(WardProject.REQUEST).replace("LabClient", "LabClientTest"));
        models.rereadChangedOnDisk(List.of(lab, test));
        assertThat(next()).isEqualTo("on disk src/main/java/org/example/LabClient.java and what it does");
        assertThat(rules(WardProject.TASK)).doesNotContain("EB104");
        assertThat(models.filesUnder(project.resolve("src/test")))
                .as("test code")
                .isEmpty();

        Files.writeString(lab, "\n" + WardProject.CLIENT.formatted(WardProject.REQUEST));
        models.rereadChangedOnDisk(List.of(lab));
        assertThat(next()).isEqualTo("on disk src/main/java/org/example/LabClient.java and what it does");
        assertThat(rules(WardProject.TASK)).contains("EB104");

        // Its constants may have changed: the findings that point into it are decided again.
        models.rereadChangedOnDisk(List.of(lab));
        assertThat(next()).isEqualTo("on disk src/main/java/org/example/LabClient.java places only");

        Files.delete(lab);
        models.rereadChangedOnDisk(List.of(lab));
        assertThat(next()).isEqualTo("on disk src/main/java/org/example/LabClient.java and what it does");
        assertThat(rules(WardProject.TASK)).doesNotContain("EB104");
        assertThat(models.filesUnder(project)).containsExactly(task);
    }

    @Test
    void aGradleProjectsModelIsItsMainSourcesAndEachSubprojectHasItsOwn() throws Exception {
        Path build = Files.createDirectories(temp.resolve("clinic"));
        Files.writeString(build.resolve("settings.gradle.kts"), "include(\"ward\", \"lab\")\n");
        Files.writeString(build.resolve("build.gradle.kts"), "subprojects { apply(plugin = \"java\") }\n");
        // A subproject the root's build configures, with no build file of its own.
        Path ward = Files.createDirectories(build.resolve("ward/src/main/java/org/example"));
        Path gradleTask = Files.writeString(ward.resolve("ResultSync.java"), WardProject.TASK);
        Files.writeString(ward.resolve("LabClient.java"), WardProject.CLIENT.formatted(WardProject.REQUEST));
        Path wardTest = build.resolve("ward/src/test/java/org/example/ResultSyncTest.java");
        Files.createDirectories(wardTest.getParent());
        Files.writeString(wardTest, "");
        Files.createDirectories(build.resolve("ward/build/generated/org/example"));
        Files.writeString(build.resolve("ward/build/generated/org/example/Generated.java"), "");
        Path lab = Files.createDirectories(build.resolve("lab/src/main/java/org/example/lab"));
        Files.writeString(build.resolve("lab/build.gradle"), "plugins { id 'java' }\n");
        Path labSource = Files.writeString(lab.resolve("Analyzer.java"), "");

        Path wardProject = build.resolve("ward");
        assertThat(ProjectClasspath.projectOf(gradleTask)).contains(wardProject);
        assertThat(ProjectClasspath.projectOf(wardTest)).contains(wardProject);
        assertThat(ProjectClasspath.projectOf(labSource)).contains(build.resolve("lab"));
        assertThat(ProjectClasspath.projectOf(build.resolve("buildSrc/Plugin.java")))
                .contains(build);
        assertThat(ProjectSources.of(wardProject))
                .extracting(file -> wardProject.relativize(file).toString())
                .containsExactly(
                        "src/main/java/org/example/LabClient.java", "src/main/java/org/example/ResultSync.java");
        assertThat(ProjectSources.of(build)).as("the root's own sources: none").isEmpty();

        analyzer.analyze(gradleTask.toUri().toString(), WardProject.TASK);
        assertThat(next()).startsWith("read ecobugs read the project model of " + wardProject + ": 2 of 2 files in ");
        assertThat(analyzer.analyze(gradleTask.toUri().toString(), WardProject.TASK)
                        .findings())
                .extracting(Finding::ruleKey)
                .contains("EB104");
    }

    @Test
    void theMainSourcesOfAProjectLeaveOutTestsBuildOutputAndNestedProjects() throws IOException {
        for (String file : List.of(
                "src/test/java/org/example/ResultSyncTest.java",
                "target/generated-sources/org/example/Generated.java",
                ".git/Stash.java",
                "admin/pom.xml",
                "admin/src/main/java/org/example/admin/Console.java",
                "tools/build.gradle",
                "tools/src/main/java/org/example/tools/Tool.java",
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
