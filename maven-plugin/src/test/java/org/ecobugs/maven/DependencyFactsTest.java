package org.ecobugs.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.InputLocation;
import org.apache.maven.model.InputSource;
import org.apache.maven.model.Parent;
import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;
import org.ecobugs.rules.deps.DependencyGraph;
import org.ecobugs.rules.deps.PomLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Maven's model and resolved artifacts become the engine's dependency facts. */
class DependencyFactsTest {

    @TempDir
    Path work;

    @Test
    void describesOriginDepthViaLocationAndTheModulesOfTheBuild() throws IOException {
        Path parentPom = work.resolve("pom.xml");
        Path modulePom = work.resolve("service/pom.xml");
        Files.createDirectories(modulePom.getParent());
        Files.writeString(
                parentPom, "<project>\n  <dependencies>\n    <dependency>\n", java.nio.charset.StandardCharsets.UTF_8);
        Files.writeString(
                modulePom,
                "<project>\n  <parent>\n  </parent>\n  <dependencies>\n      <dependency>\n",
                java.nio.charset.StandardCharsets.UTF_8);
        MavenProject project = TestProjects.fixturesPackage("eb101", work);
        project.setFile(modulePom.toFile());
        project.getModel().setGroupId("org.example");
        project.getModel().setArtifactId("service");
        project.getModel().setVersion("1.0");
        project.getModel().setParent(new Parent());
        Resource resources = new Resource();
        resources.setDirectory(work.resolve("service/src/main/resources").toString());
        project.getBuild().addResource(resources);
        project.addTestCompileSourceRoot(work.resolve("service/src/test/java").toString());

        project.getModel().addDependency(declared("org.example", "core", "org.example:service:1.0", modulePom, 5));
        project.getModel().addDependency(declared("com.acme", "lib", "org.example:parent:1.0", parentPom, 3));
        Artifact core = artifact(
                "org.example", "core", "compile", List.of("org.example:service:jar:1.0", "org.example:core:jar:1.0"));
        Artifact lib =
                artifact("com.acme", "lib", "runtime", List.of("org.example:service:jar:1.0", "com.acme:lib:jar:1.0"));
        Artifact deep = artifact(
                "com.acme",
                "deep",
                "runtime",
                List.of("org.example:service:jar:1.0", "com.acme:lib:jar:1.0", "com.acme:deep:jar:1.0"));
        project.setArtifacts(new LinkedHashSet<>(List.of(core, lib, deep)));

        DependencyGraph graph = new DependencyFacts(project, null, null, Set.of("org.example:core"))
                .build(List.of("com.acme:*"))
                .graph();

        org.ecobugs.rules.deps.Dependency coreFacts =
                graph.find("org.example:core").orElseThrow();
        assertThat(coreFacts.origin()).isEqualTo(org.ecobugs.rules.deps.Dependency.Origin.DECLARED);
        assertThat(coreFacts.depth()).isEqualTo(1);
        assertThat(coreFacts.sameBuild()).isTrue();
        assertThat(coreFacts.pomLocation()).isEqualTo(new PomLocation(modulePom.toAbsolutePath(), 5, 7));

        org.ecobugs.rules.deps.Dependency libFacts = graph.find("com.acme:lib").orElseThrow();
        assertThat(libFacts.origin()).isEqualTo(org.ecobugs.rules.deps.Dependency.Origin.INHERITED);
        assertThat(libFacts.scope()).isEqualTo("runtime");
        assertThat(libFacts.sameBuild()).isFalse();
        assertThat(libFacts.pomLocation()).isEqualTo(new PomLocation(parentPom.toAbsolutePath(), 3, 5));

        org.ecobugs.rules.deps.Dependency deepFacts =
                graph.find("com.acme:deep").orElseThrow();
        assertThat(deepFacts.origin()).isEqualTo(org.ecobugs.rules.deps.Dependency.Origin.TRANSITIVE);
        assertThat(deepFacts.depth()).isEqualTo(2);
        assertThat(deepFacts.via()).isEqualTo("com.acme:lib");
        // Without a repository session the requirement edges come from Maven's trails.
        assertThat(deepFacts.requiredBy()).containsExactly("com.acme:lib");
        assertThat(deepFacts.pomLocation()).isNull();

        assertThat(graph.pomFile()).isEqualTo(modulePom.toAbsolutePath());
        assertThat(graph.resourceRoots()).containsExactly(work.resolve("service/src/main/resources"));
        assertThat(graph.testSourceRoots()).contains(work.resolve("service/src/test/java"));
        assertThat(graph.assumedUsed(libFacts)).isTrue();
        assertThat(graph.assumedUsed(coreFacts)).isFalse();
    }

    @Test
    void aDependencyInheritedFromARepositoryParentPointsAtTheParentElement() throws IOException {
        Path modulePom = work.resolve("pom.xml");
        Files.writeString(modulePom, "<project>\n  <parent>\n", java.nio.charset.StandardCharsets.UTF_8);
        MavenProject project = TestProjects.fixturesPackage("eb101", work);
        project.setFile(modulePom.toFile());
        Parent parent = new Parent();
        parent.setLocation("", new InputLocation(2, 11, new InputSource()));
        project.getModel().setParent(parent);
        Path remoteParent = work.resolve("elsewhere/corporate-parent-7.pom");
        project.getModel().addDependency(declared("com.acme", "lib", "com.acme:corporate-parent:7", remoteParent, 40));
        project.setArtifacts(new LinkedHashSet<>(List.of(artifact(
                "com.acme",
                "lib",
                "compile",
                List.of("org.ecobugs.test:fixtures-eb101:jar:1.0", "com.acme:lib:jar:1.0")))));

        DependencyGraph graph = new DependencyFacts(project, null, null, Set.of())
                .build(List.of())
                .graph();

        assertThat(graph.find("com.acme:lib").orElseThrow().pomLocation())
                .isEqualTo(new PomLocation(modulePom.toAbsolutePath(), 2, 3));
    }

    @Test
    void readsKeysFromTrails() {
        assertThat(DependencyFacts.trailKey("org.x:lib:jar:1.0")).isEqualTo("org.x:lib");
        assertThat(DependencyFacts.trailKey("org.x:lib:jar:tests:1.0")).isEqualTo("org.x:lib:tests");
    }

    private static Dependency declared(String group, String artifact, String modelId, Path pom, int line) {
        Dependency dependency = new Dependency();
        dependency.setGroupId(group);
        dependency.setArtifactId(artifact);
        dependency.setVersion("1.0");
        InputSource source = new InputSource();
        source.setModelId(modelId);
        source.setLocation(pom.toString());
        dependency.setLocation("", new InputLocation(line, 19, source));
        return dependency;
    }

    private Artifact artifact(String group, String name, String scope, List<String> trail) throws IOException {
        Artifact artifact =
                new DefaultArtifact(group, name, "1.0", scope, "jar", "", new DefaultArtifactHandler("jar"));
        Path jar = work.resolve(name + ".jar");
        Files.write(jar, new byte[0]);
        artifact.setFile(jar.toFile());
        artifact.setDependencyTrail(trail);
        return artifact;
    }
}
