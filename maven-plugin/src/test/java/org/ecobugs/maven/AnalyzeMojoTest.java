package org.ecobugs.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeMojoTest {

    @TempDir
    Path output;

    private final List<String> warnings = new ArrayList<>();

    @Test
    void analysesTheModuleAndPrintsClickableWarnings() throws Exception {
        AnalyzeMojo mojo = mojoOn(fixturesModule());
        mojo.rules.add("EB101");
        mojo.execute();

        Path fixture = fixturesModule().resolve("src/main/java/org/ecobugs/fixtures/eb101/BusyWaitSpinCompiled.java");
        assertThat(warnings)
                .contains(fixture + ":12:16: [EB101] This loop spins until its condition changes and keeps"
                        + " a core busy for the whole wait; block on the event instead (a latch, a future, a queue's take() or"
                        + " a condition).");
        assertThat(output.resolve("ecobugs.txt")).isRegularFile();
        assertThat(output.resolve("ecobugs.sarif")).isRegularFile();
        assertThat(Files.readString(output.resolve("ecobugs.json"))).contains("\"EB101\"");
    }

    @Test
    void anUnknownRuleIsAConfigurationError() {
        AnalyzeMojo mojo = mojoOn(fixturesModule());
        mojo.rules.add("EB000");
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("ecobugs configuration: Unknown rule key 'EB000'");
    }

    @Test
    void skipDoesNothing() throws Exception {
        AnalyzeMojo mojo = mojoOn(fixturesModule());
        mojo.skip = true;
        mojo.execute();
        assertThat(output).isEmptyDirectory();
    }

    private AnalyzeMojo mojoOn(Path module) {
        Model model = new Model();
        model.setBuild(new Build());
        MavenProject project = new MavenProject(model);
        project.setFile(module.resolve("pom.xml").toFile());
        project.getBuild().setOutputDirectory(module.resolve("target/classes").toString());
        project.addCompileSourceRoot(module.resolve("src/main/java").toString());
        AnalyzeMojo mojo = new AnalyzeMojo();
        mojo.project = project;
        mojo.outputDirectory = output.toFile();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void warn(CharSequence content) {
                warnings.add(content.toString());
            }
        });
        return mojo;
    }

    private static Path fixturesModule() {
        return Path.of(System.getProperty("ecobugs.fixtures.dir"))
                .toAbsolutePath()
                .normalize();
    }
}
