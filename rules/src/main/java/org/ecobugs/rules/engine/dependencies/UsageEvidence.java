package org.ecobugs.rules.engine.dependencies;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.ecobugs.rules.deps.Dependency;
import org.ecobugs.rules.deps.DependencyUsage;
import org.ecobugs.rules.deps.Evidence;

/**
 * What is known of how the project uses each dependency, by dependency key. Of each kind of evidence, the first reason
 * found is the one kept.
 */
final class UsageEvidence {

    /** Providers the JDK or a logging API picks up by themselves: reaching them is not the code's doing. */
    private static final Set<Evidence.Kind> SELF_LOADED =
            Set.of(Evidence.Kind.JDK_SERVICE, Evidence.Kind.JDBC_DRIVER, Evidence.Kind.LOGGING_BACKEND);

    /** What main code refers to itself. */
    private final Map<String, Evidence> main = new HashMap<>();
    /** What test code refers to, itself or through the library code it reaches. */
    private final Map<String, Evidence> test = new HashMap<>();
    /** What main code's walk reaches, and what is loaded without a reference: bound at run time. */
    private final Map<String, Evidence> bindings = new HashMap<>();
    /** The dependencies main code needs at run time by its own references. */
    private final Set<String> runtimeMain = new HashSet<>();
    /** The top-level classes of each dependency that main code refers to. */
    private final Map<String, SortedSet<String>> referencedClasses = new HashMap<>();
    /** The dependencies main code's walk reached before Spring Boot auto-configuration was followed. */
    private final Set<String> boundByCode = new HashSet<>();

    /** Records the evidence of a dependency's use, unless one is known already. */
    static void note(Map<String, Evidence> evidence, Dependency dependency, Evidence.Kind kind, String detail) {
        evidence.putIfAbsent(dependency.key(), new Evidence(kind, detail));
    }

    /** What main or test code refers to itself. */
    Map<String, Evidence> own(boolean mainCode) {
        return mainCode ? main : test;
    }

    /** What the walk from main or test code reaches. */
    Map<String, Evidence> reached(boolean mainCode) {
        return mainCode ? bindings : test;
    }

    /** Main code needs the dependency at run time, by a reference of its own. */
    void neededAtRunTime(Dependency dependency) {
        runtimeMain.add(dependency.key());
    }

    /** Main code refers to a class of the dependency, or to a member of one. */
    void referenced(Dependency owner, String type) {
        referencedClasses.computeIfAbsent(owner.key(), k -> new TreeSet<>()).add(topLevel(type));
    }

    /**
     * Takes what main code's walk has bound so far as code's doing: what it reaches without auto-configuration, which
     * refers to every starter's payload.
     */
    void bindingsSoFarAreCode() {
        bindings.forEach((key, evidence) -> {
            if (!SELF_LOADED.contains(evidence.kind())) {
                boundByCode.add(key);
            }
        });
    }

    /** What the rules read of a dependency; {@code index} is the one of its file, or null. */
    DependencyUsage.Usage of(Dependency dependency, JarIndex index) {
        String key = dependency.key();
        return new DependencyUsage.Usage(
                Optional.ofNullable(main.get(key)),
                Optional.ofNullable(test.get(key)),
                Optional.ofNullable(bindings.get(key)),
                runtimeMain.contains(key),
                Collections.unmodifiableSortedSet(referencedClasses.getOrDefault(key, new TreeSet<>())),
                index == null ? 0 : index.classes().size(),
                index != null && index.processor(),
                index != null && !index.autoConfigurations().isEmpty(),
                boundByCode.contains(key));
    }

    private static String topLevel(String type) {
        int dollar = type.indexOf('$');
        return dollar < 0 ? type : type.substring(0, dollar);
    }
}
