package org.ecobugs.rules.deps;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One resolved dependency of the analysed project, as the build tool resolved it.
 *
 * @param coordinates its coordinates, with the version the build resolved
 * @param scope {@code compile}, {@code runtime}, {@code provided}, {@code test} or {@code system}
 * @param optional whether it is declared optional
 * @param depth 1 for a dependency the project declares (here or in a parent), 2 for one of their dependencies, …
 * @param origin where it comes from
 * @param via for a transitive dependency, the key ({@code groupId:artifactId}) of the direct dependency through which
 *     the build resolved it; {@code null} for a direct one
 * @param requiredBy the keys of every dependency of the graph whose own POM declares this one, whichever version or
 *     path the build kept; empty when only the project declares it. A dependency that a shipped dependency requires
 *     stays shipped when the project stops declaring it.
 * @param file its jar (or classes directory for a module of the same build); {@code null} when it has none, such as a
 *     {@code pom} aggregator
 * @param pomLocation where the dependency is declared: the project's or a parent's {@code <dependency>} element, or
 *     for a transitive dependency the element of the direct dependency it comes through; {@code null} when unknown
 * @param sameBuild whether the same build produces it (a module of the reactor): its own analysis judges what it
 *     brings in
 */
public record Dependency(
        Coordinates coordinates,
        String scope,
        boolean optional,
        int depth,
        Origin origin,
        String via,
        Set<String> requiredBy,
        Path file,
        PomLocation pomLocation,
        boolean sameBuild) {

    /** Where a dependency comes from. */
    public enum Origin {
        /** Declared in the project's own POM. */
        DECLARED,
        /** Declared in a parent POM and inherited. */
        INHERITED,
        /** Brought in by another dependency. */
        TRANSITIVE
    }

    public Dependency {
        Objects.requireNonNull(coordinates, "coordinates");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(origin, "origin");
        requiredBy = Set.copyOf(requiredBy);
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be >= 1: " + depth);
        }
        if ((origin == Origin.TRANSITIVE) != (via != null)) {
            throw new IllegalArgumentException("A transitive dependency names its direct dependency, a direct one does"
                    + " not: " + coordinates + " is " + origin + " via " + via);
        }
    }

    /** A dependency from outside the build. */
    public Dependency(
            Coordinates coordinates,
            String scope,
            boolean optional,
            int depth,
            Origin origin,
            String via,
            Set<String> requiredBy,
            Path file,
            PomLocation pomLocation) {
        this(coordinates, scope, optional, depth, origin, via, requiredBy, file, pomLocation, false);
    }

    /** {@code groupId:artifactId} (plus classifier): see {@link Coordinates#key()}. */
    public String key() {
        return coordinates.key();
    }

    /** Whether the project declares it, in its own POM or a parent's. */
    public boolean direct() {
        return origin != Origin.TRANSITIVE;
    }

    /** Whether the build packages it with the product: compile, runtime and system scopes. */
    public boolean shipped() {
        return scope.equals("compile") || scope.equals("runtime") || scope.equals("system");
    }

    public Optional<Path> jar() {
        return Optional.ofNullable(file);
    }

    public Optional<PomLocation> location() {
        return Optional.ofNullable(pomLocation);
    }
}
