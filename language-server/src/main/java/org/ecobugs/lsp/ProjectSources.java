package org.ecobugs.lsp;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The main source files of a project. Of a Maven project, every {@code .java} file under its directory ({@code
 * src/main/java} in Maven's layout, the module folders of a project laid out otherwise), except test code ({@code
 * src/test}), build output (a {@code target} or {@code build} folder beside a build file), hidden folders and other
 * projects nested in it (a folder with a build file of its own, whose documents get a model of their own). Of a
 * Gradle project, those under {@code src/main/java}, Gradle's convention: its build is not run, so source sets it
 * configures otherwise are not known.
 */
final class ProjectSources {

    private static final Set<String> BUILD_OUTPUT_BESIDE =
            Set.of("pom.xml", "build.gradle", "build.gradle.kts", "build.xml");
    private static final Set<String> BUILD_OUTPUT = Set.of("target", "build");
    private static final String GRADLE_MAIN_SOURCES = "src/main/java";

    private ProjectSources() {}

    /** Whether the file is one of the project's main source files, as {@link #of} would find it. */
    static boolean includes(Path project, Path file) {
        Path root = rootOf(project);
        Path path = file.toAbsolutePath().normalize();
        if (!path.startsWith(root)
                || path.equals(root)
                || !path.getFileName().toString().endsWith(".java")) {
            return false;
        }
        for (Path dir = path.getParent(); !dir.equals(root); dir = dir.getParent()) {
            if (isLeftOut(dir)) {
                return false;
            }
        }
        return true;
    }

    static List<Path> of(Path project) {
        Path root = rootOf(project);
        List<Path> sources = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return sources;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return dir.equals(root) || !isLeftOut(dir)
                            ? FileVisitResult.CONTINUE
                            : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()
                            && file.getFileName().toString().endsWith(".java")) {
                        sources.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // A folder that cannot be read leaves its files out of the model, not the others.
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // The walk reports its failures per file; this is the root itself going away.
        }
        sources.sort(null);
        return sources;
    }

    private static Path rootOf(Path project) {
        Path directory = project.toAbsolutePath().normalize();
        return ProjectClasspath.isMaven(directory) ? directory : directory.resolve(GRADLE_MAIN_SOURCES);
    }

    private static boolean isLeftOut(Path dir) {
        String name = dir.getFileName().toString();
        Path parent = dir.getParent();
        return name.startsWith(".")
                || name.equals("node_modules")
                || (name.equals("test") && parent.getFileName().toString().equals("src"))
                || (BUILD_OUTPUT.contains(name)
                        && BUILD_OUTPUT_BESIDE.stream().anyMatch(f -> Files.isRegularFile(parent.resolve(f))))
                || ProjectClasspath.BUILD_FILES.stream().anyMatch(f -> Files.isRegularFile(dir.resolve(f)));
    }
}
