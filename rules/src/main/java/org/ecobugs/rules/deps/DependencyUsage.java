package org.ecobugs.rules.deps;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;

/**
 * What the project uses of each of its dependencies, computed once per analysis by the engine for the dependency
 * rules: from the project's bytecode (constant pool, descriptors, signatures, annotations of every retention, type
 * annotations, {@code invokedynamic}, method handles and class constants), its sources' imports and qualified names,
 * string constants and resources that name classes, and the dependencies' own bytecode and service files.
 */
public interface DependencyUsage {

    DependencyGraph graph();

    /** The usage of one dependency of {@link #graph()}. */
    Usage of(Dependency dependency);

    /**
     * The shipped dependencies that the build would no longer package after a fix: direct dependencies in {@code
     * removed} are no longer declared (they stay when another shipped dependency requires them), transitive ones are
     * excluded wherever they come from, and dependencies in {@code kept} are declared directly (the fix of "used only
     * through another dependency"). The result holds what goes: removed dependencies and what only they brought in.
     */
    Set<Dependency> shippedOnlyThrough(Set<Dependency> removed, Set<Dependency> kept);

    /** The sum of the sizes of the dependencies' files, in bytes. */
    long bytes(Set<Dependency> dependencies);

    /** The direct dependencies through which the build brings in a transitive dependency, in graph order. */
    List<Dependency> directAncestors(Dependency transitive);

    /** The configuration keys set in the project's main resources ({@code .properties} and YAML files). */
    Set<String> configurationKeys();

    /**
     * What the project uses of one dependency.
     *
     * @param main why the project's main code needs it at run time or to compile, if it does
     * @param test why its test code needs it, if it does
     * @param binding why it cannot be proved unused although no code refers to it (a service it provides is loaded, a
     *     JDBC driver, a logging back-end, Spring auto-configuration, code of a used library that refers to it)
     * @param mainReferencesAtRuntime whether main code needs it at run time: bytecode references, reflective names,
     *     resources; false when only sources refer to it (inlined constants, source-retention annotations)
     * @param referencedClasses its classes that the project's main code refers to directly, as internal names
     * @param classCount how many classes its file holds
     * @param annotationProcessor whether it declares an annotation processor
     * @param springAutoConfiguration whether it registers Spring Boot auto-configuration
     * @param boundByCode whether library code that the project's main code reaches refers to it or loads it as a
     *     service, without Spring Boot auto-configuration (which refers to every starter's payload), and not only as a
     *     provider the JDK or a logging API picks up by itself
     */
    record Usage(
            Optional<Evidence> main,
            Optional<Evidence> test,
            Optional<Evidence> binding,
            boolean mainReferencesAtRuntime,
            SortedSet<String> referencedClasses,
            int classCount,
            boolean annotationProcessor,
            boolean springAutoConfiguration,
            boolean boundByCode) {

        /** Whether main code needs it, or it cannot be proved unused at run time. */
        public boolean usedByMain() {
            return main.isPresent() || binding.isPresent();
        }
    }
}
