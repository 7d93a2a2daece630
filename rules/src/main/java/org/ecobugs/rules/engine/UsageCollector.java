package org.ecobugs.rules.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ecobugs.rules.deps.DependencyGraph;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;

/**
 * Collects, while the walkers read the project once, what its code refers to outside itself: for main and test code
 * apart, the classes its bytecode refers to, the names its sources import or spell out, and the string constants that
 * look like class names. Shared by all worker threads.
 */
final class UsageCollector {

    /** What one side (main or test) of the project refers to; each name maps to the first place seen. */
    static final class Side {
        /** Internal names referenced in bytecode → the referring class. */
        final Map<String, String> types = new ConcurrentHashMap<>();
        /** Types named only by CLASS-retention annotations: needed to compile, ignored by the JVM. */
        final Map<String, String> compileOnlyTypes = new ConcurrentHashMap<>();
        /** Dotted names imported or written in sources ({@code a.b.C}, {@code a.b.C.CONSTANT}, {@code a.b.*}). */
        final Map<String, String> sourceNames = new ConcurrentHashMap<>();
        /** String constants shaped like a class name → the class holding them. */
        final Map<String, String> classNameStrings = new ConcurrentHashMap<>();
        /** {@code owner.member} of calls and field accesses on the classes some library loads by name from. */
        final Map<String, String> members = new ConcurrentHashMap<>();
        /** Types referenced by classes that use {@code ServiceLoader}: the services they may load. */
        final Map<String, String> serviceCandidates = new ConcurrentHashMap<>();
        /**
         * Packages (internal names, {@code ""} for all) that a component scan of the project covers, with their
         * subpackages → the annotated class: Spring instantiates what it finds there without a reference in code.
         */
        final Map<String, String> scannedPackages = new ConcurrentHashMap<>();
        /** The project's own classes, which are never a dependency's. */
        final Set<String> ownClasses = ConcurrentHashMap.newKeySet();
    }

    static final String SERVICE_LOADER = "java/util/ServiceLoader";

    private final Side main = new Side();
    private final Side test = new Side();
    private final List<Path> testRoots;

    UsageCollector(DependencyGraph graph) {
        this.testRoots = java.util.stream.Stream.concat(
                        graph.testClassInputs().stream(), graph.testSourceRoots().stream())
                .map(p -> p.toAbsolutePath().normalize())
                .toList();
    }

    Side main() {
        return main;
    }

    Side test() {
        return test;
    }

    /** The side an analysed input belongs to: test when it lies under a test root of the graph. */
    Side sideOf(Path input) {
        Path normalized = input.toAbsolutePath().normalize();
        for (Path root : testRoots) {
            if (normalized.startsWith(root)) {
                return test;
            }
        }
        return main;
    }

    /** The side of a class input given as {@code file} or {@code archive!/entry}. */
    Side sideOf(String input) {
        int entry = input.indexOf("!/");
        return sideOf(Path.of(entry < 0 ? input : input.substring(0, entry)));
    }

    /** Records the names a source file imports or writes out. */
    void recordSourceNames(Path file, Set<String> names) {
        Side side = sideOf(file);
        String where = String.valueOf(file.getFileName());
        for (String name : names) {
            side.sourceNames.putIfAbsent(name, where);
        }
    }

    /**
     * A visitor that records what one class refers to and passes every event on to {@code delegate} (which may be
     * {@code null}), so that the rules' tree and the usage come from the same read. It also reads the class entries of
     * the constant pool directly, as they hold every class the code refers to.
     */
    ClassVisitor visitor(Side side, ClassReader reader, ClassVisitor delegate) {
        UsageClassVisitor visitor = new UsageClassVisitor(side, delegate);
        visitor.recordConstantPoolClasses(reader);
        return visitor;
    }
}
