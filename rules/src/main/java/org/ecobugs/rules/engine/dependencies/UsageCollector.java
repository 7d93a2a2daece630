package org.ecobugs.rules.engine.dependencies;

import com.github.javaparser.ast.CompilationUnit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.ecobugs.rules.deps.DependencyGraph;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;

/**
 * Collects, while the walkers read the project once, what its code refers to outside itself: for main and test code
 * apart, the classes its bytecode refers to, the names its sources import or spell out, and the string constants that
 * look like class names. Shared by all worker threads.
 */
final class UsageCollector implements UsageRecorder {

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
    private Side sideOf(Path input) {
        Path normalized = input.toAbsolutePath().normalize();
        for (Path root : testRoots) {
            if (normalized.startsWith(root)) {
                return test;
            }
        }
        return main;
    }

    /** The side of a class input given as {@code file} or {@code archive!/entry}. */
    private Side sideOf(String input) {
        int entry = input.indexOf("!/");
        return sideOf(Path.of(entry < 0 ? input : input.substring(0, entry)));
    }

    /** Every name each side uses, sorted, without where each was first seen. */
    void describeNames(StringBuilder text) {
        for (Side side : List.of(main, test)) {
            text.append("side\n");
            for (Map<String, String> names : List.of(
                    side.types,
                    side.compileOnlyTypes,
                    side.sourceNames,
                    side.classNameStrings,
                    side.members,
                    side.serviceCandidates,
                    side.scannedPackages)) {
                text.append(new TreeSet<>(names.keySet())).append('\n');
            }
            text.append(new TreeSet<>(side.ownClasses)).append('\n');
        }
    }

    @Override
    public boolean isRecording() {
        return true;
    }

    @Override
    public Set<String> sourceParsed(Path file, CompilationUnit unit) {
        Set<String> names = SourceNames.of(unit);
        recordSourceNames(file, names);
        return names;
    }

    @Override
    public Set<String> sourceNotParsed(Path file, String text) {
        Set<String> names = SourceNames.lexical(text);
        recordSourceNames(file, names);
        return names;
    }

    @Override
    public void sourceFromCache(Path file, Set<String> names) {
        if (names != null) {
            recordSourceNames(file, names);
        }
    }

    @Override
    public void sourceImports(Path file, String text) {
        recordSourceNames(file, SourceNames.importsOf(text));
    }

    /** Records the names a source file imports or writes out. */
    private void recordSourceNames(Path file, Set<String> names) {
        Side side = sideOf(file);
        String where = String.valueOf(file.getFileName());
        for (String name : names) {
            side.sourceNames.putIfAbsent(name, where);
        }
    }

    /** Also reads the class entries of the constant pool directly, as they hold every class the code refers to. */
    @Override
    public ClassVisitor classVisitor(String input, ClassReader reader, ClassVisitor delegate) {
        UsageClassVisitor visitor = new UsageClassVisitor(sideOf(input), delegate);
        visitor.recordConstantPoolClasses(reader);
        return visitor;
    }

    @Override
    public void classNotVisited(String input, ClassReader reader) {
        reader.accept(classVisitor(input, reader, null), ClassReader.SKIP_FRAMES);
    }

    @Override
    public void classFromCache(String input, byte[] bytes) {
        try {
            classNotVisited(input, new ClassReader(bytes));
        } catch (RuntimeException e) {
            // Not a readable class: its processing error came from the cache with its findings.
        }
    }
}
