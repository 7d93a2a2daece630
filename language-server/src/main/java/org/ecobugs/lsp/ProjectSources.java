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
 * The main source files of a project: every {@code .java} file under its directory ({@code src/main/java} in Maven's
 * layout, the module folders of a project laid out otherwise), except test code ({@code src/test}), build output (a
 * {@code target} or {@code build} folder beside a build file), hidden folders and other projects nested in it (a
 * folder with a {@code pom.xml} of its own, whose documents get a model of their own).
 */
final class ProjectSources {

    private static final Set<String> BUILD_FILES = Set.of("pom.xml", "build.gradle", "build.gradle.kts", "build.xml");
    private static final Set<String> BUILD_OUTPUT = Set.of("target", "build");

    private ProjectSources() {}

    static List<Path> of(Path project) {
        Path root = project.toAbsolutePath().normalize();
        List<Path> sources = new ArrayList<>();
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

    private static boolean isLeftOut(Path dir) {
        String name = dir.getFileName().toString();
        Path parent = dir.getParent();
        return name.startsWith(".")
                || name.equals("node_modules")
                || (name.equals("test") && parent.getFileName().toString().equals("src"))
                || (BUILD_OUTPUT.contains(name)
                        && BUILD_FILES.stream().anyMatch(f -> Files.isRegularFile(parent.resolve(f))))
                || Files.isRegularFile(dir.resolve("pom.xml"));
    }
}
