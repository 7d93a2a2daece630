package org.ecobugs.lsp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The Maven project a file belongs to, and that project's compiled classes and compile classpath. The classpath is
 * asked of Maven once per project, in the background ({@code dependency:build-classpath} into
 * {@code target/ecobugs-classpath.txt}), and used as soon as it is there; until then names resolve without it.
 */
final class ProjectClasspath {

    static final String CLASSPATH_FILE = "target/ecobugs-classpath.txt";

    private final boolean resolve;
    private final Map<Path, Boolean> requested = new ConcurrentHashMap<>();

    ProjectClasspath(boolean resolve) {
        this.resolve = resolve;
    }

    /** The directory of the nearest {@code pom.xml} above the file. */
    static Optional<Path> projectOf(Path file) {
        for (Path dir = file.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /** The class files compiled from one source file: {@code target/classes/a/b/Name.class} and its nested classes. */
    static List<Path> classesOf(Path project, String packagePath, String simpleName) {
        Path dir = project.resolve("target/classes").resolve(packagePath);
        List<Path> classes = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return classes;
        }
        try (var files = Files.list(dir)) {
            files.filter(f -> {
                        String name = f.getFileName().toString();
                        return name.equals(simpleName + ".class") || name.startsWith(simpleName + "$");
                    })
                    .sorted()
                    .forEach(classes::add);
        } catch (IOException e) {
            // Without classes the analysis runs on the source alone.
        }
        return classes;
    }

    /** The project's compile classpath if Maven already gave it; asks for it (once) otherwise. */
    List<Path> libraries(Path project) {
        Path file = project.resolve(CLASSPATH_FILE);
        if (Files.isRegularFile(file)) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8).strip();
                List<Path> entries = new ArrayList<>();
                for (String entry : text.split(java.io.File.pathSeparator)) {
                    if (!entry.isBlank()) {
                        entries.add(Path.of(entry));
                    }
                }
                return entries;
            } catch (IOException e) {
                return List.of();
            }
        }
        if (resolve && requested.putIfAbsent(project, Boolean.TRUE) == null) {
            requestFromMaven(project);
        }
        return List.of();
    }

    private static void requestFromMaven(Path project) {
        Path wrapper = project.resolve("mvnw");
        String maven = Files.isExecutable(wrapper) ? wrapper.toString() : "mvn";
        ProcessBuilder builder = new ProcessBuilder(
                        maven, "-B", "-q", "-o", "dependency:build-classpath", "-Dmdep.outputFile=" + CLASSPATH_FILE)
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Thread resolver = new Thread(
                () -> {
                    try {
                        Process process = builder.start();
                        process.waitFor(5, TimeUnit.MINUTES);
                    } catch (IOException e) {
                        // No Maven on the path: names resolve through imports alone.
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "ecobugs-classpath-" + project.getFileName());
        resolver.setDaemon(true);
        resolver.start();
    }
}
