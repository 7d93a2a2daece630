package org.ecobugs.rules.engine.dependencies;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
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

    static final String SERVICES = "META-INF/services/";
    static final String PROCESSOR_SERVICE = "javax.annotation.processing.Processor";
    /** Spring's class lists: auto-configurations and other {@code META-INF/spring/*.imports}. */
    static final String SPRING_IMPORTS = "META-INF/spring/";

    static final String SPRING_FACTORIES = "META-INF/spring.factories";

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

    private JarIndex(
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
            index = attributes.isDirectory() ? readDirectory(file) : readJar(file, attributes.size());
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

    private static JarIndex readJar(Path file, long size) throws IOException {
        Set<String> classes = new HashSet<>();
        Map<String, List<String>> services = new LinkedHashMap<>();
        Map<String, List<String>> lookups = new LinkedHashMap<>();
        List<String> autoConfigurations = new ArrayList<>();
        boolean processor = false;
        Texts texts = new Texts(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.endsWith(".class")) {
                    // Multi-release variants repeat base classes; module descriptors hold no code.
                    if (!name.startsWith("META-INF/") && !name.endsWith("module-info.class")) {
                        classes.add(name.substring(0, name.length() - ".class".length()));
                    }
                } else if (name.startsWith(SERVICES) && !entry.isDirectory()) {
                    String service = name.substring(SERVICES.length());
                    if (service.equals(PROCESSOR_SERVICE)) {
                        processor = true;
                    } else if (!service.contains("/")) {
                        texts.read(zip, entry).ifPresent(text -> services.put(service, providers(text)));
                    } else {
                        texts.read(zip, entry).ifPresent(text -> lookup(lookups, service, text));
                    }
                } else if (isSpringImports(name)) {
                    texts.read(zip, entry).ifPresent(text -> autoConfigurations.addAll(providers(text)));
                } else if (name.equals(SPRING_FACTORIES)) {
                    Optional<String> text = texts.read(zip, entry);
                    if (text.isPresent()) {
                        autoConfigurations.addAll(factories(text.get()));
                    }
                }
            }
        }
        return new JarIndex(
                file, false, size, classes, services, processor, autoConfigurations, lookups, texts.problems);
    }

    private static JarIndex readDirectory(Path root) throws IOException {
        Set<String> classes = new HashSet<>();
        Map<String, List<String>> services = new LinkedHashMap<>();
        Map<String, List<String>> lookups = new LinkedHashMap<>();
        List<String> autoConfigurations = new ArrayList<>();
        boolean processor = false;
        long size = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path path : files.filter(Files::isRegularFile).toList()) {
                size += Files.size(path);
                String name = root.relativize(path).toString().replace('\\', '/');
                if (name.endsWith(".class")) {
                    if (!name.startsWith("META-INF/") && !name.endsWith("module-info.class")) {
                        classes.add(name.substring(0, name.length() - ".class".length()));
                    }
                } else if (name.startsWith(SERVICES)) {
                    String service = name.substring(SERVICES.length());
                    if (service.equals(PROCESSOR_SERVICE)) {
                        processor = true;
                    } else if (!service.contains("/")) {
                        services.put(service, providers(Files.readString(path, StandardCharsets.UTF_8)));
                    } else {
                        lookup(lookups, service, Files.readString(path, StandardCharsets.UTF_8));
                    }
                } else if (isSpringImports(name)) {
                    autoConfigurations.addAll(providers(Files.readString(path, StandardCharsets.UTF_8)));
                } else if (name.equals(SPRING_FACTORIES)) {
                    autoConfigurations.addAll(factories(Files.readString(path, StandardCharsets.UTF_8)));
                }
            }
        }
        return new JarIndex(root, true, size, classes, services, processor, autoConfigurations, lookups, List.of());
    }

    /** Reads a jar's text entries within the limits, and keeps the names of those past them. */
    private static final class Texts {
        private final Path jar;
        private final InputLimits.Budget budget = InputLimits.DEFAULT.archiveBudget();
        private final List<ProcessingError> problems = new ArrayList<>();
        private boolean spent;

        Texts(Path jar) {
            this.jar = jar;
        }

        /** The entry's text, or nothing when it is past a limit (or the jar's limit was reached before it). */
        Optional<String> read(ZipFile zip, ZipEntry entry) throws IOException {
            if (spent) {
                return Optional.empty();
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return Optional.of(new String(budget.readText(in), StandardCharsets.UTF_8));
            } catch (InputLimits.TooLarge e) {
                spent = e.archiveSpent();
                problems.add(new ProcessingError(
                        jar + "!/" + entry.getName(),
                        null,
                        ProcessingError.Kind.CORRUPT_CLASS,
                        "Not read: " + e.getMessage()
                                + (spent
                                        ? "; nor were the text entries after it, the rest of the jar was indexed"
                                        : "; the rest of the jar was indexed")));
                return Optional.empty();
            }
        }
    }

    /**
     * Records the class names of a framework's lookup file ({@code class=a.b.C} properties, or one name per line) under
     * its directory.
     */
    private static void lookup(Map<String, List<String>> lookups, String path, String text) {
        int slash = path.lastIndexOf('/');
        Properties properties = new Properties();
        try {
            properties.load(new java.io.StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            // Not a properties file (a malformed escape): it names nothing this index can use.
            return;
        }
        List<String> names = lookups.computeIfAbsent(path.substring(0, slash), k -> new ArrayList<>());
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key).strip();
            if (ClassNames.looksLikeClassName(value)) {
                names.add(value);
            } else if (value.isEmpty() && ClassNames.looksLikeClassName(key)) {
                names.add(key);
            }
        }
    }

    /** The class names of a service file: one per line, {@code #} starts a comment. */
    static List<String> providers(String text) {
        List<String> names = new ArrayList<>();
        for (String line : text.split("\n")) {
            int comment = line.indexOf('#');
            String name = (comment < 0 ? line : line.substring(0, comment)).strip();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    private static boolean isSpringImports(String name) {
        return name.startsWith(SPRING_IMPORTS)
                && name.endsWith(".imports")
                && !isTestFramework(name.substring(SPRING_IMPORTS.length()));
    }

    /**
     * Keys and import files of Spring's test support (test execution listeners, context customizers, test slices):
     * Spring reads them only when tests run, so they do not make a library used by the product.
     */
    private static boolean isTestFramework(String name) {
        return name.startsWith("org.springframework.test.") || name.startsWith("org.springframework.boot.test.");
    }

    private static List<String> factories(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new java.io.StringReader(text));
        List<String> names = new ArrayList<>();
        for (String key : properties.stringPropertyNames()) {
            if (isTestFramework(key)) {
                continue;
            }
            for (String name : properties.getProperty(key).split(",")) {
                if (!name.isBlank()) {
                    names.add(name.strip());
                }
            }
        }
        return names;
    }
}
