package org.ecobugs.rules.engine.dependencies;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.ecobugs.rules.ProcessingError;
import org.ecobugs.rules.engine.limits.InputLimits;

/**
 * What the dependency analysis needs to know about one dependency's file (a jar, or the classes directory of a module
 * of the same build): its classes, its packages, the services it provides, whether it declares an annotation
 * processor or Spring Boot auto-configuration, and the references of each of its classes, read on demand.
 *
 * <p>Indexes are cached for the life of the JVM, keyed by path, size and modification time, since a build analyses
 * many modules against the same jars; the cache holds them softly, so memory pressure clears it.
 *
 * <p>A jar's entries are read within the {@link InputLimits}: an entry past them is left out of the index and named
 * in its {@link #problems()}, and the rest of the jar is still indexed.
 */
final class JarIndex {

    /** Where a jar lists the providers of services, one file per service. */
    static final String SERVICES = "META-INF/services/";

    private static final Map<String, SoftReference<JarIndex>> CACHE = new ConcurrentHashMap<>();

    private final Path file;
    private final boolean directory;
    private final long bytes;
    private final Set<String> classes;
    private final Set<String> packages;
    private final Map<String, List<String>> services;
    private final boolean processor;
    private final List<String> autoConfigurations;
    private final Map<String, List<String>> lookups;
    private final List<ProcessingError> problems;
    private final Map<String, LibraryClass> references = new ConcurrentHashMap<>();

    JarIndex(
            Path file,
            boolean directory,
            long bytes,
            Set<String> classes,
            Map<String, List<String>> services,
            boolean processor,
            List<String> autoConfigurations,
            Map<String, List<String>> lookups,
            List<ProcessingError> problems) {
        this.file = file;
        this.problems = List.copyOf(problems);
        this.directory = directory;
        this.bytes = bytes;
        this.classes = classes;
        this.services = services;
        this.processor = processor;
        this.autoConfigurations = autoConfigurations;
        this.lookups = lookups;
        Set<String> packageNames = new HashSet<>();
        for (String name : classes) {
            int slash = name.lastIndexOf('/');
            packageNames.add(slash < 0 ? "" : name.substring(0, slash));
        }
        this.packages = packageNames;
    }

    /** The index of a jar or classes directory, from the cache when the file has not changed. */
    static JarIndex of(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        String key = file.toAbsolutePath().normalize() + "|" + attributes.size() + "|"
                + attributes.lastModifiedTime().toMillis();
        SoftReference<JarIndex> cached = CACHE.get(key);
        JarIndex index = cached == null ? null : cached.get();
        if (index == null) {
            index = attributes.isDirectory() ? JarReading.directory(file) : JarReading.jar(file, attributes.size());
            CACHE.put(key, new SoftReference<>(index));
        }
        return index;
    }

    Path file() {
        return file;
    }

    long bytes() {
        return bytes;
    }

    Set<String> classes() {
        return classes;
    }

    Set<String> packages() {
        return packages;
    }

    /** Service interface (binary name) → provider classes (binary names), annotation processors excepted. */
    Map<String, List<String>> services() {
        return services;
    }

    boolean processor() {
        return processor;
    }

    /**
     * The classes it registers with Spring's loaders (binary names): every value of {@code META-INF/spring.factories}
     * (auto-configurations, listeners, logging systems, property source loaders…) and of {@code
     * META-INF/spring/*.imports}, except those of Spring's test support. Spring instantiates them by name once its
     * loader runs.
     */
    List<String> autoConfigurations() {
        return autoConfigurations;
    }

    /**
     * Classes a framework looks up by name in files of its own under {@code META-INF/services/<package path>/} (Camel's
     * {@code org/apache/camel/component/http} holds {@code class=…HttpComponent}): the directory under {@code
     * META-INF/services} → the binary names those files list. The framework's code reads them when a route, a URI or a
     * configuration names the component, which bytecode does not show.
     */
    Map<String, List<String>> lookups() {
        return lookups;
    }

    /** The entries left out of the index because they hold more than the limits allow. */
    List<ProcessingError> problems() {
        return problems;
    }

    /** The references of one of its classes, read once. */
    LibraryClass references(String internalName, Opener opener) throws IOException, InputLimits.TooLarge {
        LibraryClass known = references.get(internalName);
        if (known == null) {
            known = LibraryClass.read(opener.read(this, internalName + ".class"));
            references.put(internalName, known);
        }
        return known;
    }

    /** Reads entries of indexed files, keeping each jar open for the time of one analysis. */
    static final class Opener implements AutoCloseable {
        private final Map<Path, ZipFile> open = new ConcurrentHashMap<>();

        /**
         * Thread-safe: a {@link ZipFile} reads entries concurrently. A class is read on demand, alone, so only the
         * limit of one class applies, not the archive's.
         */
        byte[] read(JarIndex index, String entry) throws IOException, InputLimits.TooLarge {
            if (index.directory) {
                return InputLimits.readFile(
                        index.file.resolve(entry), InputLimits.DEFAULT.classBytes(), "one class file");
            }
            ZipFile zip;
            try {
                zip = open.computeIfAbsent(index.file, file -> {
                    try {
                        return new ZipFile(file.toFile());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
            ZipEntry zipEntry = zip.getEntry(entry);
            if (zipEntry == null) {
                throw new IOException("No entry " + entry);
            }
            try (InputStream in = zip.getInputStream(zipEntry)) {
                return InputLimits.DEFAULT.archiveBudget().readClass(in);
            }
        }

        @Override
        public void close() {
            for (ZipFile zip : open.values()) {
                try {
                    zip.close();
                } catch (IOException e) {
                    // Read-only use: nothing is lost when closing fails.
                }
            }
            open.clear();
        }
    }
}
