package org.ecobugs.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.RepositoryUtils;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.InputLocation;
import org.apache.maven.model.InputSource;
import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.ArtifactTypeRegistry;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.collection.DependencyCollectionException;
import org.eclipse.aether.graph.DependencyNode;
import org.ecobugs.rules.deps.Coordinates;
import org.ecobugs.rules.deps.Dependency;
import org.ecobugs.rules.deps.DependencyGraph;
import org.ecobugs.rules.deps.PomLocation;

/**
 * Turns Maven's view of a project into the engine's dependency facts: every resolved artifact with its scope, origin
 * (declared, inherited, transitive and through which direct dependency), depth, jar and the POM location of its
 * {@code <dependency>} element, plus the requirement edges of the whole graph. No analysis happens here.
 */
final class DependencyFacts {

    /** What building the facts needed to say, for the build log. */
    record Built(DependencyGraph graph, String edgeSource) {}

    private final MavenProject project;
    private final RepositorySystem repositorySystem;
    private final RepositorySystemSession repositorySession;
    private final Set<String> buildModules;
    private final Map<Path, List<String>> pomLines = new HashMap<>();

    /**
     * @param buildModules the keys ({@code groupId:artifactId}) of the modules of the same build
     */
    DependencyFacts(
            MavenProject project,
            RepositorySystem repositorySystem,
            RepositorySystemSession repositorySession,
            Set<String> buildModules) {
        this.project = project;
        this.repositorySystem = repositorySystem;
        this.repositorySession = repositorySession;
        this.buildModules = Set.copyOf(buildModules);
    }

    Built build(List<String> usedDependencies) {
        Path pom = (project.getFile() != null
                        ? project.getFile().toPath()
                        : project.getBasedir().toPath().resolve("pom.xml"))
                .toAbsolutePath()
                .normalize();
        Map<String, org.apache.maven.model.Dependency> declared = new LinkedHashMap<>();
        for (org.apache.maven.model.Dependency dependency : project.getDependencies()) {
            declared.put(
                    key(dependency.getGroupId(), dependency.getArtifactId(), dependency.getClassifier()), dependency);
        }
        Map<String, Set<String>> requiredBy = new HashMap<>();
        long started = System.nanoTime();
        String edgeSource = collectEdges(requiredBy) + " in " + (System.nanoTime() - started) / 1_000_000 + " ms";

        DependencyGraph.Builder graph = DependencyGraph.builder(pom);
        Set<String> keys = new LinkedHashSet<>();
        for (Artifact artifact : project.getArtifacts()) {
            String key = key(artifact.getGroupId(), artifact.getArtifactId(), artifact.getClassifier());
            if (!keys.add(key)) {
                continue;
            }
            List<String> trail = artifact.getDependencyTrail() == null ? List.of() : artifact.getDependencyTrail();
            org.apache.maven.model.Dependency model = declared.get(key);
            Dependency.Origin origin;
            String via = null;
            PomLocation location = null;
            if (model != null) {
                InputLocation input = model.getLocation("");
                origin = inherited(input) ? Dependency.Origin.INHERITED : Dependency.Origin.DECLARED;
                location = location(input, pom);
            } else {
                origin = Dependency.Origin.TRANSITIVE;
                via = trail.size() > 1 ? trailKey(trail.get(1)) : null;
                if (via == null || !declared.containsKey(via)) {
                    via = declared.keySet().stream().findFirst().orElse(null);
                }
            }
            Set<String> parents = requiredBy.getOrDefault(key, new LinkedHashSet<>());
            if (parents.isEmpty() && trail.size() > 2) {
                parents = Set.of(trailKey(trail.get(trail.size() - 2)));
            }
            graph.add(new Dependency(
                    new Coordinates(
                            artifact.getGroupId(),
                            artifact.getArtifactId(),
                            artifact.getBaseVersion(),
                            artifact.getType(),
                            artifact.getClassifier()),
                    artifact.getScope() == null ? "compile" : artifact.getScope(),
                    artifact.isOptional(),
                    Math.max(1, trail.size() - 1),
                    origin,
                    origin == Dependency.Origin.TRANSITIVE ? via : null,
                    parents,
                    artifact.getFile() == null ? null : artifact.getFile().toPath(),
                    location,
                    buildModules.contains(key)));
        }
        if (project.getBuild().getTestOutputDirectory() != null) {
            graph.addTestClassInput(Path.of(project.getBuild().getTestOutputDirectory()));
        }
        for (String root : project.getTestCompileSourceRoots()) {
            graph.addTestSourceRoot(Path.of(root));
        }
        for (Resource resource : project.getResources()) {
            graph.addResourceRoot(Path.of(resource.getDirectory()));
        }
        usedDependencies.forEach(graph::assumeUsed);
        return new Built(dropDanglingVias(graph.build()), edgeSource);
    }

    /**
     * The requirement edges of the whole graph, collected again without conflict resolution so that a dependency
     * required by several others keeps every parent; Maven's resolved trail keeps only one. Falls back to the trails
     * (and says so) when the collection fails, for instance offline with an incomplete local repository.
     */
    private String collectEdges(Map<String, Set<String>> requiredBy) {
        if (repositorySystem == null || repositorySession == null) {
            return "dependency trails";
        }
        try {
            ArtifactTypeRegistry types = repositorySession.getArtifactTypeRegistry();
            CollectRequest request = new CollectRequest();
            request.setRootArtifact(RepositoryUtils.toArtifact(project.getArtifact()));
            request.setRepositories(project.getRemoteProjectRepositories());
            for (org.apache.maven.model.Dependency dependency : project.getDependencies()) {
                request.addDependency(RepositoryUtils.toDependency(dependency, types));
            }
            if (project.getDependencyManagement() != null) {
                for (org.apache.maven.model.Dependency managed :
                        project.getDependencyManagement().getDependencies()) {
                    request.addManagedDependency(RepositoryUtils.toDependency(managed, types));
                }
            }
            DefaultRepositorySystemSession raw = new DefaultRepositorySystemSession(repositorySession);
            // Without the conflict resolver the graph keeps every path, hence every parent of a dependency.
            raw.setDependencyGraphTransformer(null);
            DependencyNode root =
                    repositorySystem.collectDependencies(raw, request).getRoot();
            Map<DependencyNode, Boolean> seen = new IdentityHashMap<>();
            for (DependencyNode child : root.getChildren()) {
                edges(child, seen, requiredBy);
            }
            return "the full dependency graph";
        } catch (DependencyCollectionException | RuntimeException e) {
            requiredBy.clear();
            return "dependency trails (the full graph could not be collected: " + e.getMessage() + ")";
        }
    }

    private static void edges(DependencyNode node, Map<DependencyNode, Boolean> seen, Map<String, Set<String>> edges) {
        if (seen.put(node, Boolean.TRUE) != null || node.getArtifact() == null) {
            return;
        }
        String parent = key(
                node.getArtifact().getGroupId(),
                node.getArtifact().getArtifactId(),
                node.getArtifact().getClassifier());
        for (DependencyNode child : node.getChildren()) {
            if (child.getArtifact() != null) {
                String key = key(
                        child.getArtifact().getGroupId(),
                        child.getArtifact().getArtifactId(),
                        child.getArtifact().getClassifier());
                if (!key.equals(parent)) {
                    edges.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(parent);
                }
            }
            edges(child, seen, edges);
        }
    }

    /**
     * A dependency declared in a parent POM: its location's model is not this project's. The source's file settles it
     * when known; otherwise its model id, by artifact id only, since a model id spells the version as written
     * ({@code ${revision}}, {@code ${project.parent.version}-x}) and may take the group from the parent.
     */
    private boolean inherited(InputLocation location) {
        if (location == null || location.getSource() == null) {
            return false;
        }
        InputSource source = location.getSource();
        if (source.getLocation() != null && project.getFile() != null) {
            Path declaredIn = Path.of(source.getLocation()).toAbsolutePath().normalize();
            return !declaredIn.equals(
                    project.getFile().toPath().toAbsolutePath().normalize());
        }
        if (source.getModelId() == null) {
            return false;
        }
        String[] id = source.getModelId().split(":");
        return id.length < 2 || !id[1].equals(project.getArtifactId());
    }

    /**
     * Where a {@code <dependency>} element is written: its POM when that is a file of the build (this POM or a parent
     * in the checkout); for a parent from a repository, this POM's {@code <parent>} element, which is where a user can
     * act. The column is the element's {@code <}, found on its line (Maven records the position after the tag).
     */
    private PomLocation location(InputLocation input, Path pom) {
        if (input == null || input.getLineNumber() < 1) {
            return null;
        }
        InputSource source = input.getSource();
        Path file = pom;
        int line = input.getLineNumber();
        if (source != null && source.getLocation() != null) {
            Path declaredIn = Path.of(source.getLocation()).toAbsolutePath().normalize();
            if (!declaredIn.equals(pom)) {
                if (Files.isRegularFile(declaredIn) && !inLocalRepository(declaredIn)) {
                    file = declaredIn;
                } else {
                    InputLocation parent = project.getModel().getParent() == null
                            ? null
                            : project.getModel().getParent().getLocation("");
                    if (parent == null || parent.getLineNumber() < 1) {
                        return new PomLocation(pom, 1, 0);
                    }
                    return new PomLocation(pom, parent.getLineNumber(), column(pom, parent.getLineNumber(), "<parent"));
                }
            }
        }
        return new PomLocation(file, line, column(file, line, "<dependency"));
    }

    private boolean inLocalRepository(Path file) {
        if (repositorySession == null || repositorySession.getLocalRepository() == null) {
            return false;
        }
        Path repository = repositorySession
                .getLocalRepository()
                .getBasedir()
                .toPath()
                .toAbsolutePath()
                .normalize();
        return file.startsWith(repository);
    }

    private int column(Path file, int line, String tag) {
        List<String> lines = pomLines.computeIfAbsent(file, f -> {
            try {
                return Files.readAllLines(f, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        });
        if (line > lines.size()) {
            return 0;
        }
        return Math.max(0, lines.get(line - 1).indexOf(tag) + 1);
    }

    /** Keeps every transitive dependency's {@code via} pointing at a dependency of the graph. */
    private static DependencyGraph dropDanglingVias(DependencyGraph graph) {
        Set<String> keys = new LinkedHashSet<>();
        graph.dependencies().forEach(d -> keys.add(d.key()));
        List<Dependency> fixed = new ArrayList<>();
        for (Dependency dependency : graph.dependencies()) {
            if (dependency.via() == null || keys.contains(dependency.via())) {
                fixed.add(dependency);
            } else {
                // A transitive dependency whose direct one is not resolved (a pom import, a relocation): keep it
                // reportable at the project's POM.
                String anyDirect = graph.dependencies().stream()
                        .filter(Dependency::direct)
                        .map(Dependency::key)
                        .findFirst()
                        .orElse(null);
                if (anyDirect == null) {
                    continue;
                }
                fixed.add(new Dependency(
                        dependency.coordinates(),
                        dependency.scope(),
                        dependency.optional(),
                        dependency.depth(),
                        dependency.origin(),
                        anyDirect,
                        dependency.requiredBy(),
                        dependency.file(),
                        dependency.pomLocation(),
                        dependency.sameBuild()));
            }
        }
        return new DependencyGraph(
                graph.pomFile(),
                Collections.unmodifiableList(fixed),
                graph.testClassInputs(),
                graph.testSourceRoots(),
                graph.resourceRoots(),
                graph.usedDependencies());
    }

    static String key(String groupId, String artifactId, String classifier) {
        return classifier == null || classifier.isEmpty()
                ? groupId + ':' + artifactId
                : groupId + ':' + artifactId + ':' + classifier;
    }

    /** {@code groupId:artifactId:type[:classifier]:version} → its key. */
    static String trailKey(String trailEntry) {
        String[] parts = trailEntry.split(":");
        if (parts.length >= 5) {
            return key(parts[0], parts[1], parts[3]);
        }
        return parts.length >= 2 ? key(parts[0], parts[1], null) : trailEntry;
    }
}
