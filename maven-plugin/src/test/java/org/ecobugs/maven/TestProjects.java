package org.ecobugs.maven;

import java.nio.file.Path;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;

/** Maven projects over the compiled fixtures of the test-fixtures module, writing into a directory of the test. */
final class TestProjects {

    private TestProjects() {}

    static Path fixturesModule() {
        return Path.of(System.getProperty("ecobugs.fixtures.dir"))
                .toAbsolutePath()
                .normalize();
    }

    /** A project whose sources and classes are one fixture package ({@code eb101}); its target is under {@code work}. */
    static MavenProject fixturesPackage(String fixturePackage, Path work) {
        Path module = fixturesModule();
        Model model = new Model();
        model.setGroupId("org.ecobugs.test");
        model.setArtifactId("fixtures-" + fixturePackage);
        model.setVersion("1.0");
        model.setPackaging("jar");
        model.setBuild(new Build());
        MavenProject project = new MavenProject(model);
        project.setFile(module.resolve("pom.xml").toFile());
        project.setArtifact(new DefaultArtifact(
                "org.ecobugs.test",
                model.getArtifactId(),
                "1.0",
                "compile",
                "jar",
                "",
                new DefaultArtifactHandler("jar")));
        Path target = work.resolve(fixturePackage + "-" + System.nanoTime());
        project.getBuild().setDirectory(target.toString());
        project.getBuild()
                .setOutputDirectory(module.resolve("target/classes/org/ecobugs/fixtures/" + fixturePackage)
                        .toString());
        project.getBuild().setTestOutputDirectory(target.resolve("test-classes").toString());
        project.addCompileSourceRoot(module.resolve("src/main/java/org/ecobugs/fixtures/" + fixturePackage)
                .toString());
        return project;
    }
}
