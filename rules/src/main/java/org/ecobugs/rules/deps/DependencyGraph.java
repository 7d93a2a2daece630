package org.ecobugs.rules.deps;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The dependency facts of one project, given by the build tool: every resolved dependency with its origin and where it
 * is declared, and the project's test code and resources, which the dependency rules read besides the analysed main
 * code. Immutable.
 *
 * <p>The request's source roots and class inputs are the project's main code; inputs under {@link #testClassInputs()}
 * or {@link #testSourceRoots()} count as test code, whether or not they are also analysed.
 *
 * @param pomFile the project's POM
 * @param dependencies every resolved dependency, direct and transitive, in any order; keys are unique
 * @param testClassInputs compiled test classes (directories or jars)
 * @param testSourceRoots test sources; their imports count as test usage
 * @param resourceRoots main resource directories; class names and configuration keys written there count as usage
 * @param usedDependencies dependencies to count as used whatever the analysis says, as {@code groupId:artifactId}
 *     patterns where {@code *} matches any characters: their findings are reported as suppressed
 */
public record DependencyGraph(
        Path pomFile,
        List<Dependency> dependencies,
        List<Path> testClassInputs,
        List<Path> testSourceRoots,
        List<Path> resourceRoots,
        Set<String> usedDependencies) {

    public DependencyGraph {
        Objects.requireNonNull(pomFile, "pomFile");
        dependencies = List.copyOf(dependencies);
        testClassInputs = List.copyOf(testClassInputs);
        testSourceRoots = List.copyOf(testSourceRoots);
        resourceRoots = List.copyOf(resourceRoots);
        usedDependencies = Set.copyOf(usedDependencies);
        Set<String> keys = new HashSet<>();
        for (Dependency dependency : dependencies) {
            if (!keys.add(dependency.key())) {
                throw new IllegalArgumentException("Two dependencies share the key " + dependency.key());
            }
        }
        for (Dependency dependency : dependencies) {
            if (dependency.via() != null && !keys.contains(dependency.via())) {
                throw new IllegalArgumentException(
                        dependency.coordinates() + " comes via " + dependency.via() + ", which is not in the graph");
            }
        }
    }

    public Optional<Dependency> find(String key) {
        return dependencies.stream().filter(d -> d.key().equals(key)).findFirst();
    }

    /** Whether a {@code groupId:artifactId} matches one of {@link #usedDependencies()}. */
    public boolean assumedUsed(Dependency dependency) {
        for (String pattern : usedDependencies) {
            if (matches(pattern.strip(), dependency.key())
                    || matches(
                            pattern.strip(),
                            dependency.coordinates().groupId()
                                    + ':'
                                    + dependency.coordinates().artifactId())) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String pattern, String key) {
        String[] parts = pattern.split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(java.util.regex.Pattern.quote(parts[i]));
        }
        return key.matches(regex.toString());
    }

    public static Builder builder(Path pomFile) {
        return new Builder(pomFile);
    }

    /** Builds a graph; only the POM is required. */
    public static final class Builder {
        private final Path pomFile;
        private final List<Dependency> dependencies = new ArrayList<>();
        private final List<Path> testClassInputs = new ArrayList<>();
        private final List<Path> testSourceRoots = new ArrayList<>();
        private final List<Path> resourceRoots = new ArrayList<>();
        private final Set<String> usedDependencies = new LinkedHashSet<>();

        private Builder(Path pomFile) {
            this.pomFile = pomFile;
        }

        public Builder add(Dependency dependency) {
            dependencies.add(dependency);
            return this;
        }

        public Builder addTestClassInput(Path path) {
            testClassInputs.add(path);
            return this;
        }

        public Builder addTestSourceRoot(Path path) {
            testSourceRoots.add(path);
            return this;
        }

        public Builder addResourceRoot(Path path) {
            resourceRoots.add(path);
            return this;
        }

        public Builder assumeUsed(String pattern) {
            usedDependencies.add(pattern);
            return this;
        }

        public DependencyGraph build() {
            return new DependencyGraph(
                    pomFile, dependencies, testClassInputs, testSourceRoots, resourceRoots, usedDependencies);
        }
    }
}
