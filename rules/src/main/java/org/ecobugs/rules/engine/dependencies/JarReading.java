package org.ecobugs.rules.engine.dependencies;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.ecobugs.rules.ProcessingError;
import org.ecobugs.rules.engine.limits.InputLimits;

/**
 * Reads a jar or a classes directory into a {@link JarIndex}: the names of its classes, and what its {@code META-INF}
 * files declare (service providers, annotation processors, Spring's factories and imports, framework lookups). A jar's
 * text entries are read within the {@link InputLimits}.
 */
final class JarReading {

    private static final String PROCESSOR_SERVICE = "javax.annotation.processing.Processor";
    /** Spring's class lists: auto-configurations and other {@code META-INF/spring/*.imports}. */
    private static final String SPRING_IMPORTS = "META-INF/spring/";

    private static final String SPRING_FACTORIES = "META-INF/spring.factories";

    private JarReading() {}

    /** Indexes a jar of {@code size} bytes. */
    static JarIndex jar(Path file, long size) throws IOException {
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
                } else if (name.startsWith(JarIndex.SERVICES) && !entry.isDirectory()) {
                    String service = name.substring(JarIndex.SERVICES.length());
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

    /** Indexes a classes directory. */
    static JarIndex directory(Path root) throws IOException {
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
                } else if (name.startsWith(JarIndex.SERVICES)) {
                    String service = name.substring(JarIndex.SERVICES.length());
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
    private static List<String> providers(String text) {
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
