package org.ecobugs.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.InputLocation;
import org.apache.maven.model.InputSource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analyze goal built by hand (fast), for what the harness tests do not cover. */
class AnalyzeMojoTest {

    @TempDir
    Path work;

    private final List<String> warnings = new ArrayList<>();
    private final List<String> infos = new ArrayList<>();

    @Test
    void analysesTheModuleAndPrintsClickableWarnings() throws Exception {
        MavenProject project = TestProjects.fixturesPackage("eb101", work);
        AnalyzeMojo mojo = mojo(new AnalyzeMojo(), project);
        mojo.rules.add("EB101");
        mojo.execute();

        Path fixture = TestProjects.fixturesModule()
                .resolve("src/main/java/org/ecobugs/fixtures/eb101/BusyWaitSpinCompiled.java");
        assertThat(warnings)
                .contains(fixture + ":12:16: [EB101] This loop spins until its condition changes and keeps"
                        + " a core busy for the whole wait; block on the event instead (a latch, a future, a queue's take() or"
                        + " a condition).");
        Path reports = Path.of(project.getBuild().getDirectory(), "ecobugs");
        assertThat(reports.resolve("ecobugs.txt")).isRegularFile();
        assertThat(reports.resolve("ecobugs.sarif")).isRegularFile();
        assertThat(reports.resolve("ecobugs.html")).isRegularFile();
        assertThat(Files.readString(reports.resolve("ecobugs.json"))).contains("\"EB101\"");
    }

    @Test
    void anUnusedDependencyIsReportedAtItsPomLine() throws Exception {
        Path pom = work.resolve("pom.xml");
        Files.writeString(
                pom,
                String.join(
                        "\n",
                        "<project>",
                        "  <dependencies>",
                        "    <dependency>",
                        "      <groupId>org.example</groupId><artifactId>unused</artifactId><version>1.0</version>",
                        "    </dependency>",
                        "  </dependencies>",
                        "</project>",
                        ""));
        MavenProject project = TestProjects.fixturesPackage("eb101", work);
        project.setFile(pom.toFile());
        Dependency declared = new Dependency();
        declared.setGroupId("org.example");
        declared.setArtifactId("unused");
        declared.setVersion("1.0");
        InputSource source = new InputSource();
        source.setModelId("org.ecobugs.test:fixtures-eb101:1.0");
        source.setLocation(pom.toString());
        // Maven records the position after the start tag; the plugin points at the tag.
        declared.setLocation("", new InputLocation(3, 17, source));
        project.getModel().addDependency(declared);
        Artifact artifact = new DefaultArtifact(
                "org.example", "unused", "1.0", "compile", "jar", "", new DefaultArtifactHandler("jar"));
        artifact.setFile(jar(work.resolve("unused-1.0.jar"), "org/example/unused/Thing.class")
                .toFile());
        artifact.setDependencyTrail(List.of("org.ecobugs.test:fixtures-eb101:jar:1.0", "org.example:unused:jar:1.0"));
        project.setArtifacts(Set.of(artifact));

        AnalyzeMojo mojo = mojo(new AnalyzeMojo(), project);
        mojo.rules.add("EB401");
        mojo.execute();

        assertThat(warnings)
                .singleElement()
                .asString()
                .startsWith(pom + ":3:5: [EB401] Remove the unused dependency org.example:unused:1.0: ");
    }

    @Test
    void checkReusesTheAnalysisOfAnalyzeWithTheSameConfiguration() throws Exception {
        MavenProject project = TestProjects.fixturesPackage("eb101", work);
        AnalyzeMojo analyze = mojo(new AnalyzeMojo(), project);
        analyze.rules.add("EB101");
        analyze.execute();
        int printed = warnings.size();

        CheckMojo check = mojo(new CheckMojo(), project);
        check.rules.add("EB101");
        check.failOnViolation = true;
        check.failOnSeverity = "MINOR";
        check.maxFindings = printed;
        check.execute();

        assertThat(infos).contains("ecobugs: reusing this build's analysis of fixtures-eb101");
        assertThat(warnings).hasSize(printed);

        CheckMojo other = mojo(new CheckMojo(), project);
        other.rules.add("EB101");
        other.rules.add("EB604");
        other.failOnSeverity = "MINOR";
        other.failOnViolation = true;
        assertThatThrownBy(other::execute).isInstanceOf(MojoFailureException.class);
        assertThat(warnings).hasSizeGreaterThan(printed);
    }

    @Test
    void rulesSelectAndExclude() {
        AbstractEcobugsMojo.RuleSelection selection =
                AbstractEcobugsMojo.RuleSelection.parse(List.of("EB101, -EB402", "!EB604"));
        assertThat(selection.included()).containsExactly("EB101");
        assertThat(selection.excluded()).containsExactly("EB402", "EB604");
        org.ecobugs.rules.meta.RuleCatalog catalog = org.ecobugs.rules.meta.RuleCatalog.builtIn();
        assertThat(selection.runsDependencyRules(catalog)).isFalse();
        assertThat(AbstractEcobugsMojo.RuleSelection.parse(List.of("-EB402")).runsDependencyRules(catalog))
                .isTrue();
        assertThat(AbstractEcobugsMojo.RuleSelection.parse(List.of("-EB401", "-EB402", "-EB403", "-EB404"))
                        .runsDependencyRules(catalog))
                .isFalse();
        assertThat(selection.mayRunDependencyRules()).isFalse();
        assertThat(AbstractEcobugsMojo.RuleSelection.parse(List.of("EB101", "EB405"))
                        .mayRunDependencyRules())
                .isTrue();
        assertThat(AbstractEcobugsMojo.RuleSelection.parse(List.of()).mayRunDependencyRules())
                .isTrue();
    }

    @Test
    void parametersAreKeyDotNameEqualsValue() throws Exception {
        AnalyzeMojo mojo = mojo(new AnalyzeMojo(), TestProjects.fixturesPackage("eb101", work));
        mojo.params = List.of("EB102.maxPollIntervalMs=500,EB405.minBytes = 10");
        assertThat(mojo.parameters())
                .isEqualTo(Map.of("EB102", Map.of("maxPollIntervalMs", "500"), "EB405", Map.of("minBytes", "10")));
        mojo.params = List.of("EB102=500");
        assertThatThrownBy(mojo::parameters)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("ecobugs.params: 'EB102=500' is not KEY.name=value (e.g. EB102.maxPollIntervalMs=500)");
    }

    @Test
    void aSourceFileOverTheSizeLimitIsAWarningAndItsClassesAreStillAnalysed() throws Exception {
        AnalyzeMojo mojo = mojo(new AnalyzeMojo(), TestProjects.fixturesPackage("eb101", work));
        mojo.rules.add("EB101");
        mojo.maxSourceFileBytes = 100;
        mojo.execute();

        assertThat(warnings)
                .filteredOn(w -> w.startsWith("ecobugs could not process "))
                .isNotEmpty()
                .allSatisfy(w -> assertThat(w)
                        .contains("over the limit of 100 bytes for one source file")
                        .contains("ecobugs.maxSourceFileBytes"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("[EB101]"));
        mojo.maxSourceFileBytes = 0;
        assertThatThrownBy(() -> mojo.request(org.ecobugs.rules.settings.ProjectSettings.NONE))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("ecobugs.maxSourceFileBytes: the largest source file must be at least 1 byte, not 0");
    }

    @Test
    void anUnknownRuleOrFormatIsAConfigurationError() {
        AnalyzeMojo mojo = mojo(new AnalyzeMojo(), TestProjects.fixturesPackage("eb101", work));
        mojo.rules.add("EB000");
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("ecobugs configuration: Unknown rule key 'EB000'");
        AnalyzeMojo formats = mojo(new AnalyzeMojo(), TestProjects.fixturesPackage("eb101", work));
        formats.formats = List.of("text,pdf");
        assertThatThrownBy(formats::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("ecobugs.formats: Unknown report format 'pdf'; use text, json, sarif or html");
    }

    @Test
    void processingErrorsFailTheBuildOnlyWhenAskedTo() throws Exception {
        MavenProject project = TestProjects.fixturesPackage("eb101", work);
        Path resources = Files.createDirectories(work.resolve("resources"));
        Files.writeString(resources.resolve("application.yml"), "server:\n  port: 8080\n\tcompression: true\n");
        addResources(project, resources);

        AnalyzeMojo tolerant = mojo(new AnalyzeMojo(), project);
        tolerant.rules.add("EB203");
        tolerant.execute();
        assertThat(warnings).anyMatch(warning -> warning.contains("application.yml: Cannot parse: line 3, column 1"));

        AnalyzeMojo strict = mojo(new AnalyzeMojo(), TestProjects.fixturesPackage("eb101", work));
        addResources(strict.project, resources);
        strict.rules.add("EB203");
        strict.failOnProcessingErrors = true;
        assertThatThrownBy(strict::execute)
                .isInstanceOf(org.apache.maven.plugin.MojoFailureException.class)
                .hasMessageStartingWith("ecobugs could not process 1 input of ");
    }

    @Test
    void springBootConfigurationAmongTheResourcesIsAnalysed() throws Exception {
        MavenProject project = TestProjects.fixturesPackage("eb101", work);
        Path resources = Files.createDirectories(work.resolve("resources"));
        Path properties =
                Files.writeString(resources.resolve("application.properties"), "spring.gson.pretty-printing=true\n");
        addResources(project, resources);
        AnalyzeMojo mojo = mojo(new AnalyzeMojo(), project);
        mojo.rules.add("EB201");
        mojo.execute();

        assertThat(warnings).anyMatch(warning -> warning.startsWith(properties + ":1:") && warning.contains("[EB201]"));
    }

    @Test
    void keepsTheResultCacheInTheBuildDirectoryAndReusesIt() throws Exception {
        MavenProject project = TestProjects.fixturesPackage("eb101", work);
        AnalyzeMojo first = mojo(new AnalyzeMojo(), project);
        first.rules.add("EB101");
        first.execute();
        Path cache = Path.of(project.getBuild().getDirectory(), "ecobugs-cache");
        try (var files = Files.list(cache)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .singleElement()
                    .asString()
                    .startsWith("results-");
        }
        List<String> firstWarnings = List.copyOf(warnings);
        warnings.clear();

        AnalyzeMojo second = mojo(new AnalyzeMojo(), TestProjects.fixturesPackage("eb101", work));
        second.rules.add("EB101");
        second.execute();
        assertThat(warnings).isEqualTo(firstWarnings).isNotEmpty();
    }

    @Test
    void skipDoesNothing() throws Exception {
        MavenProject project = TestProjects.fixturesPackage("eb101", work);
        AnalyzeMojo mojo = mojo(new AnalyzeMojo(), project);
        mojo.skip = true;
        mojo.execute();
        assertThat(Path.of(project.getBuild().getDirectory())).doesNotExist();
        assertThat(infos).containsExactly("ecobugs: skipped");
    }

    private <T extends AbstractEcobugsMojo> T mojo(T mojo, MavenProject project) {
        mojo.project = project;
        mojo.outputDirectory =
                Path.of(project.getBuild().getDirectory(), "ecobugs").toFile();
        mojo.cacheDirectory =
                Path.of(project.getBuild().getDirectory(), "ecobugs-cache").toFile();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void warn(CharSequence content) {
                warnings.add(content.toString());
            }

            @Override
            public void info(CharSequence content) {
                infos.add(content.toString());
            }
        });
        return mojo;
    }

    private static Path jar(Path file, String entry) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
            zip.closeEntry();
        }
        return file;
    }

    private static void addResources(MavenProject project, Path directory) {
        org.apache.maven.model.Resource resource = new org.apache.maven.model.Resource();
        resource.setDirectory(directory.toString());
        project.getBuild().addResource(resource);
    }
}
