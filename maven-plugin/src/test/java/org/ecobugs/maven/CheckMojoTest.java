package org.ecobugs.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check goal, configured through its plugin descriptor by the plugin-testing harness (parameters, defaults and
 * expressions as Maven sets them), on the EB101 fixtures.
 */
@MojoTest
@MojoParameter(name = "rules", value = "EB101")
class CheckMojoTest {

    @TempDir
    static Path work;

    private final MavenProject project = TestProjects.fixturesPackage("eb101", work);

    @Provides
    MavenProject project() {
        return project;
    }

    @Test
    @InjectMojo(goal = "check")
    void failsWhenFindingsExceedTheMaximumAndSaysWhere(CheckMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("ecobugs: ")
                .hasMessageContaining("energy bugs at MINOR or above (EB101: ")
                .hasMessageContaining("more than the 0 allowed (ecobugs.maxFindings); see ")
                .hasMessageEndingWith("ecobugs.html");
        assertThat(Path.of(project.getBuild().getDirectory(), "ecobugs", "ecobugs.json"))
                .isRegularFile();
    }

    @Test
    @InjectMojo(goal = "check")
    @MojoParameter(name = "maxFindings", value = "100")
    void passesWithinTheMaximum(CheckMojo mojo) throws Exception {
        mojo.execute();
    }

    @Test
    @InjectMojo(goal = "check")
    @MojoParameter(name = "failOnSeverity", value = "critical")
    void countsOnlyFindingsAtTheSeverityOrAbove(CheckMojo mojo) throws Exception {
        mojo.execute(); // EB101 is major
    }

    @Test
    @InjectMojo(goal = "check")
    @MojoParameter(name = "failOnViolation", value = "false")
    void reportsWithoutFailingWhenFailOnViolationIsOff(CheckMojo mojo) throws Exception {
        mojo.execute();
        assertThat(Files.readString(Path.of(project.getBuild().getDirectory(), "ecobugs", "ecobugs.txt")))
                .contains("[EB101]");
    }

    @Test
    @InjectMojo(goal = "check")
    @MojoParameter(name = "failOnSeverity", value = "SEVERE")
    void rejectsAnUnknownSeverity(CheckMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("ecobugs.failOnSeverity must be INFO, MINOR, MAJOR, CRITICAL or BLOCKER, not 'SEVERE'");
    }

    @Test
    @InjectMojo(goal = "check")
    @MojoParameter(name = "skip", value = "true")
    void skipDoesNothing(CheckMojo mojo) throws Exception {
        mojo.execute();
        assertThat(Path.of(project.getBuild().getDirectory(), "ecobugs")).doesNotExist();
    }
}
