package org.ecobugs.rules.engine.dependencies;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ecobugs.rules.ProcessingError;

/**
 * What the project's main resources say about its dependencies: class names written in configuration (a JDBC
 * driver's class, a logging appender, a Spring bean class in XML) and the configuration keys set in {@code
 * .properties} and YAML files (a starter configured by its properties is in use).
 */
final class ResourceScan {

    private static final long MAX_BYTES = 2L * 1024 * 1024;
    private static final Set<String> TEXT_EXTENSIONS =
            Set.of("properties", "yml", "yaml", "xml", "json", "conf", "txt", "factories", "imports", "xsd", "ini");
    private static final Pattern DOTTED_NAME =
            Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(?:\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)+");

    /** Dotted names written in resources → the first file that writes them (relative to its root). */
    final Map<String, String> names = new LinkedHashMap<>();
    /** Configuration keys of {@code .properties} and YAML files, dotted. */
    final Set<String> keys = new LinkedHashSet<>();

    final List<ProcessingError> errors = new ArrayList<>();

    static ResourceScan of(List<Path> roots) {
        ResourceScan scan = new ResourceScan();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    scan.read(root, file);
                }
            } catch (IOException e) {
                scan.errors.add(new ProcessingError(
                        root.toString(), null, ProcessingError.Kind.UNREADABLE_INPUT, ProcessingError.describe(e)));
            }
        }
        return scan;
    }

    private void read(Path root, Path file) {
        String name = file.getFileName().toString();
        String relative = root.relativize(file).toString().replace('\\', '/');
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        boolean serviceFile = relative.startsWith(JarIndex.SERVICES);
        if (!serviceFile && !TEXT_EXTENSIONS.contains(extension)) {
            return;
        }
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                return;
            }
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            errors.add(new ProcessingError(
                    file.toString(), null, ProcessingError.Kind.UNREADABLE_INPUT, ProcessingError.describe(e)));
            return;
        }
        if (serviceFile) {
            names.putIfAbsent(relative.substring(JarIndex.SERVICES.length()), relative);
        }
        Matcher matcher = DOTTED_NAME.matcher(text);
        while (matcher.find()) {
            names.putIfAbsent(matcher.group(), relative);
        }
        if (extension.equals("properties")) {
            Properties properties = new Properties();
            try {
                properties.load(new StringReader(text));
                properties.stringPropertyNames().forEach(keys::add);
            } catch (IOException | IllegalArgumentException e) {
                // A malformed properties file still had its class names read above.
            }
        } else if (extension.equals("yml") || extension.equals("yaml")) {
            keys.addAll(yamlKeys(text));
        }
    }

    /** The dotted keys of a YAML document's mappings ({@code spring:\n  datasource:\n    url: x} → three keys). */
    static Set<String> yamlKeys(String text) {
        Set<String> found = new LinkedHashSet<>();
        List<Integer> indents = new ArrayList<>();
        List<String> path = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.replace("\t", "  ");
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#") || content.startsWith("---") || content.startsWith("-")) {
                continue;
            }
            int colon = content.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            while (!indents.isEmpty() && indents.get(indents.size() - 1) >= indent) {
                indents.remove(indents.size() - 1);
                path.remove(path.size() - 1);
            }
            String key = content.substring(0, colon).strip().replace("\"", "").replace("'", "");
            indents.add(indent);
            path.add(key);
            found.add(String.join(".", path));
        }
        return found;
    }
}
