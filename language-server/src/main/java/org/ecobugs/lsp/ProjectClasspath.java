package org.ecobugs.lsp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The project a file belongs to, Maven's or Gradle's, and that project's compiled classes and compile classpath. The
 * classpath of a Maven project is asked of Maven once per project, in the background ({@code
 * dependency:build-classpath} into {@code target/ecobugs-classpath.txt}), and used as soon as it is there; until then,
 * and in a Gradle project, whose build is not run, names resolve without it.
 */
final class ProjectClasspath {

    static final String CLASSPATH_FILE = "target/ecobugs-classpath.txt";

    private final boolean resolve;
    private final Map<Path, Boolean> requested = new ConcurrentHashMap<>();

    ProjectClasspath(boolean resolve) {
        this.resolve = resolve;
    }

    /** The files that make a directory a Maven or Gradle project's, or a Gradle build's root. */
    static final Set<String> BUILD_FILES =
            Set.of("pom.xml", "build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts");

    private static final List<String> GRADLE_SETTINGS = List.of("settings.gradle", "settings.gradle.kts");

    /**
     * The directory of the nearest build file above the file: a {@code pom.xml}, a {@code build.gradle(.kts)}, or a
     * Gradle build's {@code settings.gradle(.kts)}. Under a Gradle build's root, a folder holding a {@code src}
     * folder is a subproject even without a build file of its own, as the root's build may configure its
     * subprojects.
     */
    static Optional<Path> projectOf(Path file) {
        Path holdingSources = null;
        for (Path dir = file.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml"))) {
                return Optional.of(dir);
            }
            boolean gradleRoot = isGradleRoot(dir);
            if (gradleRoot && holdingSources != null) {
                return Optional.of(holdingSources);
            }
            if (gradleRoot
                    || Files.isRegularFile(dir.resolve("build.gradle"))
                    || Files.isRegularFile(dir.resolve("build.gradle.kts"))) {
                return Optional.of(dir);
            }
            if (holdingSources == null
                    && dir.getFileName() != null
                    && dir.getFileName().toString().equals("src")) {
                holdingSources = dir.getParent();
            }
        }
        return Optional.empty();
    }

    private static boolean isGradleRoot(Path dir) {
        return GRADLE_SETTINGS.stream().anyMatch(f -> Files.isRegularFile(dir.resolve(f)));
    }

    /** A project built by Maven; otherwise by Gradle, whose conventional layout is assumed. */
    static boolean isMaven(Path project) {
        return Files.isRegularFile(project.resolve("pom.xml"));
    }

    /**
     * The class files compiled from one source file: {@code target/classes/a/b/Name.class} (Gradle: {@code
     * build/classes/java/main/a/b/Name.class}) and its nested classes.
     */
    static List<Path> classesOf(Path project, String packagePath, String simpleName) {
        Path dir = project.resolve(isMaven(project) ? "target/classes" : "build/classes/java/main")
                .resolve(packagePath);
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

    /** A Maven project's compile classpath if Maven already gave it; asks for it (once) otherwise. */
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
        if (resolve && isMaven(project) && requested.putIfAbsent(project, Boolean.TRUE) == null) {
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
