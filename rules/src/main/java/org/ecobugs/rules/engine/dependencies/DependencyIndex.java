package org.ecobugs.rules.engine.dependencies;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.ProcessingError;
import org.ecobugs.rules.deps.Dependency;
import org.ecobugs.rules.deps.DependencyGraph;
import org.ecobugs.rules.engine.limits.InputLimits;
import org.ecobugs.rules.engine.limits.MemoryGate;

/**
 * What the dependencies' files hold: the index of each ({@link JarIndex}), and which dependencies hold a class, a
 * package or the providers of a service. Reads the references of their classes on demand, for the walk.
 */
final class DependencyIndex {

    private final Map<String, JarIndex> indexes = new LinkedHashMap<>();
    private final Map<String, List<Dependency>> classOwners = new HashMap<>();
    private final Map<String, List<Dependency>> packageOwners = new HashMap<>();
    /** Service interfaces (internal names) some dependency provides an implementation of. */
    private final Set<String> providedServices = new HashSet<>();
    /** Shared with the rest of the phase; library classes are read on several threads. */
    private final List<ProcessingError> errors;

    private DependencyIndex(List<ProcessingError> errors) {
        this.errors = errors;
    }

    /** Indexes each dependency's file; one that cannot be read is a processing error, and the others are indexed. */
    static DependencyIndex of(DependencyGraph graph, List<ProcessingError> errors) {
        DependencyIndex index = new DependencyIndex(errors);
        for (Dependency dependency : graph.dependencies()) {
            Optional<Path> file = dependency.jar();
            if (file.isPresent()) {
                index.add(dependency, file.get());
            }
        }
        return index;
    }

    private void add(Dependency dependency, Path file) {
        try {
            JarIndex index = JarIndex.of(file);
            errors.addAll(index.problems());
            indexes.put(dependency.key(), index);
            for (String type : index.classes()) {
                classOwners.computeIfAbsent(type, k -> new ArrayList<>(1)).add(dependency);
            }
            for (String pkg : index.packages()) {
                packageOwners.computeIfAbsent(pkg, k -> new ArrayList<>(1)).add(dependency);
            }
            index.services().keySet().forEach(service -> providedServices.add(ClassNames.internal(service)));
        } catch (IOException | RuntimeException e) {
            errors.add(new ProcessingError(
                    file.toString(),
                    null,
                    ProcessingError.Kind.CORRUPT_CLASS,
                    "Cannot read the dependency " + dependency.coordinates() + ": " + ProcessingError.describe(e)));
        }
    }

    /** The index of each dependency that has a readable file, by dependency key, in the graph's order. */
    Map<String, JarIndex> byKey() {
        return Collections.unmodifiableMap(indexes);
    }

    /** The index of a dependency's file, or null when it has none or it could not be read. */
    JarIndex of(String dependencyKey) {
        return indexes.get(dependencyKey);
    }

    /** Whether some dependency holds the class (internal name). */
    boolean holds(String type) {
        return classOwners.containsKey(type);
    }

    /** The dependencies that hold the class (internal name); none when no dependency does. */
    List<Dependency> owners(String type) {
        return classOwners.getOrDefault(type, List.of());
    }

    /** Every class some dependency holds (internal names). */
    Set<String> classes() {
        return classOwners.keySet();
    }

    /** The dependencies that hold classes of the package (internal name). */
    List<Dependency> packageOwners(String pkg) {
        return packageOwners.getOrDefault(pkg, List.of());
    }

    /** Whether some dependency provides an implementation of the service interface (internal name). */
    boolean providesService(String type) {
        return providedServices.contains(type);
    }

    /**
     * The indexed class a dotted name denotes: {@code a.b.C}, a nested class {@code a.b.C.D} ({@code a/b/C$D}), or a
     * member {@code a.b.C.MEMBER} of one; {@code null} when no dependency holds it.
     */
    String resolveClass(String dotted) {
        String[] segments = dotted.split("\\.");
        for (int end = segments.length; end >= 2; end--) {
            for (int classStart = end - 1; classStart >= 1; classStart--) {
                StringBuilder name = new StringBuilder();
                for (int i = 0; i < classStart; i++) {
                    name.append(segments[i]).append('/');
                }
                for (int i = classStart; i < end; i++) {
                    name.append(segments[i]);
                    if (i < end - 1) {
                        name.append('$');
                    }
                }
                if (classOwners.containsKey(name.toString())) {
                    return name.toString();
                }
            }
        }
        return null;
    }

    /**
     * What a class some dependency holds refers to, from the first of its owners that reads; {@code null} when none
     * does, each failure being a processing error.
     */
    LibraryClass references(String type, JarIndex.Opener opener) {
        for (Dependency owner : classOwners.get(type)) {
            JarIndex index = indexes.get(owner.key());
            String input = index.file() + "!/" + type + ".class";
            try {
                return index.references(type, opener);
            } catch (InputLimits.TooLarge e) {
                errors.add(new ProcessingError(
                        input,
                        null,
                        ProcessingError.Kind.CORRUPT_CLASS,
                        "Not read: " + e.getMessage() + "; the rest of the dependency was read"));
            } catch (IOException | RuntimeException e) {
                errors.add(new ProcessingError(
                        input,
                        null,
                        ProcessingError.Kind.CORRUPT_CLASS,
                        "Not a readable class file: " + ProcessingError.describe(e)));
            } catch (OutOfMemoryError e) {
                // Its bytes went with the frames just left; the walk goes on without what it refers to.
                errors.add(MemoryGate.outOfMemory(input, ProcessingError.Kind.CORRUPT_CLASS));
            }
        }
        return null;
    }
}
