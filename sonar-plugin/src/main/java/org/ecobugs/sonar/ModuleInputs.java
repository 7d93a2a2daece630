package org.ecobugs.sonar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.sonar.api.config.Configuration;

/**
 * Reads what the Java analysers of SonarQube already take from a module's configuration: where its compiled classes
 * and its libraries are, and its Java level. The SonarScanner for Maven and for Gradle set these properties.
 */
final class ModuleInputs {

    static final String BINARIES = "sonar.java.binaries";
    static final String LIBRARIES = "sonar.java.libraries";
    static final String JAVA_SOURCE = "sonar.java.source";

    private final Configuration config;
    private final Path baseDir;
    private final List<String> missing = new ArrayList<>();

    ModuleInputs(Configuration config, Path baseDir) {
        this.config = config;
        this.baseDir = baseDir;
    }

    /** Class directories and jars from {@code sonar.java.binaries}. */
    List<Path> binaries() {
        return paths(BINARIES);
    }

    /** Jars and class directories from {@code sonar.java.libraries}. */
    List<Path> libraries() {
        return paths(LIBRARIES);
    }

    /** The file a single-path property names, relative to the module's base directory or absolute; empty when unset. */
    Optional<Path> file(String key) {
        return config.get(key)
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .map(v -> baseDir.resolve(v).normalize());
    }

    /** Entries of the path properties that matched nothing, as written. */
    List<String> missing() {
        return List.copyOf(missing);
    }

    /**
     * The language level of {@code sonar.java.source} ({@code 17}, {@code 1.8}), or empty when it is unset or not a
     * number. Levels above what the parser knows are lowered to the newest it knows by the caller.
     */
    OptionalInt javaVersion() {
        String value = config.get(JAVA_SOURCE).map(String::strip).orElse("");
        String digits = value.startsWith("1.") ? value.substring(2) : value;
        try {
            return OptionalInt.of(Integer.parseInt(digits));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * Paths of a comma-separated property, relative to the module's base directory or absolute. Like the Java
     * analyser, an entry may hold wildcards ({@code lib/*.jar}, {@code target/**}{@code /*.jar}).
     */
    private List<Path> paths(String key) {
        List<Path> paths = new ArrayList<>();
        for (String entry : config.getStringArray(key)) {
            String value = entry.strip();
            if (value.isEmpty()) {
                continue;
            }
            List<Path> matched = value.contains("*") || value.contains("?") ? glob(value) : single(value);
            if (matched.isEmpty()) {
                missing.add(value);
            }
            paths.addAll(matched);
        }
        return paths;
    }

    private List<Path> single(String value) {
        Path path = baseDir.resolve(value).normalize();
        return Files.exists(path) ? List.of(path) : List.of();
    }

    private List<Path> glob(String pattern) {
        String normalized = pattern.replace('\\', '/');
        int split = wildcardSegmentStart(normalized);
        Path root = baseDir.resolve(normalized.substring(0, split)).normalize();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        Pattern matcher = globToRegex(normalized.substring(split));
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> !p.equals(root))
                    .filter(p -> matcher.matcher(root.relativize(p).toString().replace('\\', '/'))
                            .matches())
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    /** {@code **} crosses directories, {@code *} and {@code ?} stay within one path segment. */
    static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean slashAfter = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                regex.append(slashAfter ? "(?:.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** Where the first path segment holding a wildcard starts. */
    private static int wildcardSegmentStart(String pattern) {
        int wildcard = indexOfWildcard(pattern);
        int slash = pattern.lastIndexOf('/', wildcard);
        return slash < 0 ? 0 : slash + 1;
    }

    private static int indexOfWildcard(String pattern) {
        int star = pattern.indexOf('*');
        int question = pattern.indexOf('?');
        if (star < 0) {
            return question;
        }
        return question < 0 ? star : Math.min(star, question);
    }
}
