package org.ecobugs.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Analyses the module (its main sources and classes, and its dependencies against its code, tests and resources),
 * prints each finding as a warning IDEs link to the source ({@code path:line:col: [EB101] message}), and writes the
 * reports. Never fails the build because of findings: that is {@code check}'s job, which reuses this analysis when
 * both goals run in the same build. In a reactor, the last module to finish also writes the aggregate report into the
 * top-level project's {@code target/ecobugs}.
 */
@Mojo(
        name = "analyze",
        defaultPhase = LifecyclePhase.VERIFY,
        requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public class AnalyzeMojo extends AbstractEcobugsMojo {

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("ecobugs: skipped");
            Aggregate.of(session).done(project, null, formats(), getLog());
            return;
        }
        failOnProcessingErrors(analysis());
    }
}
