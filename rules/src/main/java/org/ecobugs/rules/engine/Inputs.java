package org.ecobugs.rules.engine;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.ecobugs.rules.ProcessingError;
import org.ecobugs.rules.config.ConfigFile;

/**
 * The files an analysis reads: {@code .java} files under the source roots, {@code .class} files and {@code .jar}
 * archives under the class inputs, Spring Boot configuration files ({@code application*.properties|yml|yaml}) under
 * the resource roots. Paths that do not exist or cannot be listed become processing errors.
 */
final class Inputs {

    private final List<Path> sourceFiles;
    private final List<Path> classFiles;
    private final List<Path> archives;
    private final List<ProcessingError> errors;
    private final List<Path> configFiles;
    private final Map<String, List<Path>> sourcesByFileName = new HashMap<>();

    /**
     * Directories below a resource root whose configuration files are not the project's own: build output (copies
     * of the sources' files) and test configuration.
     */
    private static final Set<String> NOT_PROJECT_CONFIGURATION = Set.of("target", "build", "test", "node_modules");

    private Inputs(
            List<Path> sourceFiles,
            List<Path> classFiles,
            List<Path> archives,
            List<Path> configFiles,
            List<ProcessingError> errors) {
        this(sourceFiles, classFiles, archives, configFiles, errors, sourceFiles);
    }

    private Inputs(
            List<Path> sourceFiles,
            List<Path> classFiles,
            List<Path> archives,
            List<Path> configFiles,
            List<ProcessingError> errors,
            List<Path> knownSources) {
        this.sourceFiles = sourceFiles;
        this.classFiles = classFiles;
        this.archives = archives;
        this.configFiles = configFiles;
        this.errors = errors;
        for (Path source : knownSources) {
            sourcesByFileName
                    .computeIfAbsent(source.getFileName().toString(), k -> new ArrayList<>())
                    .add(source);
        }
    }

    static Inputs collect(List<Path> sourceRoots, List<Path> classInputs) {
        return collect(sourceRoots, classInputs, List.of());
    }

    static Inputs collect(List<Path> sourceRoots, List<Path> classInputs, List<Path> resourceRoots) {
        List<ProcessingError> errors = new ArrayList<>();
        TreeSet<Path> sources = new TreeSet<>();
        TreeSet<Path> classes = new TreeSet<>();
        TreeSet<Path> jars = new TreeSet<>();
        for (Path root : sourceRoots) {
            walk(root, errors, file -> {
                if (file.toString().endsWith(".java")) {
                    sources.add(file);
                }
            });
        }
        for (Path root : classInputs) {
            walk(root, errors, file -> {
                String name = file.toString();
                if (name.endsWith(".class")) {
                    classes.add(file);
                } else if (name.endsWith(".jar")) {
                    jars.add(file);
                }
            });
        }
        TreeSet<Path> configs = new TreeSet<>();
        for (Path root : resourceRoots) {
            Path start = root.toAbsolutePath().normalize();
            walk(root, errors, file -> {
                if (ConfigFile.isConfigFileName(file.getFileName().toString()) && isProjectConfiguration(start, file)) {
                    configs.add(file);
                }
            });
        }
        return new Inputs(List.copyOf(sources), List.copyOf(classes), List.copyOf(jars), List.copyOf(configs), errors);
    }

    private static boolean isProjectConfiguration(Path root, Path file) {
        if (!file.startsWith(root) || file.equals(root)) {
            return true;
        }
        Path relative = root.relativize(file);
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            if (NOT_PROJECT_CONFIGURATION.contains(relative.getName(i).toString())) {
                return false;
            }
        }
        return true;
    }

    private static void walk(Path root, List<ProcessingError> errors, java.util.function.Consumer<Path> sink) {
        Path start = root.toAbsolutePath().normalize();
        if (!Files.exists(start)) {
            errors.add(new ProcessingError(
                    root.toString(), null, ProcessingError.Kind.UNREADABLE_INPUT, "No such file or directory"));
            return;
        }
        if (Files.isRegularFile(start)) {
            sink.accept(start);
            return;
        }
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name =
                            dir.getFileName() == null ? "" : dir.getFileName().toString();
                    // Version-control and tool folders hold no code of the project.
                    return !dir.equals(start) && name.startsWith(".")
                            ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        sink.accept(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    errors.add(new ProcessingError(
                            file.toString(), null, ProcessingError.Kind.UNREADABLE_INPUT, ProcessingError.describe(e)));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            errors.add(new ProcessingError(
                    root.toString(), null, ProcessingError.Kind.UNREADABLE_INPUT, ProcessingError.describe(e)));
        }
    }

    /** These inputs with sources given by their text, which no root holds. */
    Inputs withSources(java.util.Collection<Path> given) {
        if (given.isEmpty()) {
            return this;
        }
        TreeSet<Path> sources = new TreeSet<>(sourceFiles);
        sources.addAll(given);
        return new Inputs(List.copyOf(sources), classFiles, archives, configFiles, errors);
    }

    /**
     * These inputs without the files a configuration leaves out. A class compiled from a left-out source still maps to
     * it, so that its bytecode findings are left out too.
     */
    Inputs excluding(org.ecobugs.rules.PathExclusions.Matcher excluded) {
        if (excluded.isEmpty()) {
            return this;
        }
        return new Inputs(
                kept(sourceFiles, excluded),
                kept(classFiles, excluded),
                kept(archives, excluded),
                kept(configFiles, excluded),
                errors,
                sourceFiles);
    }

    private static List<Path> kept(List<Path> files, org.ecobugs.rules.PathExclusions.Matcher excluded) {
        return files.stream().filter(file -> !excluded.excludes(file)).toList();
    }

    List<Path> sourceFiles() {
        return sourceFiles;
    }

    List<Path> classFiles() {
        return classFiles;
    }

    List<Path> archives() {
        return archives;
    }

    List<ProcessingError> errors() {
        return errors;
    }

    List<Path> configFiles() {
        return configFiles;
    }

    /**
     * The analysed source file a class was compiled from, found by its package path and {@code SourceFile}
     * attribute; when it is not among the inputs, that package-relative path itself.
     */
    Path sourceOf(String internalClassName, String sourceFileAttribute) {
        int slash = internalClassName.lastIndexOf('/');
        String packagePath = slash < 0 ? "" : internalClassName.substring(0, slash + 1);
        String fileName = sourceFileAttribute != null
                ? sourceFileAttribute
                : internalClassName.substring(slash + 1).replaceFirst("\\$.*", "") + ".java";
        String relative = packagePath + fileName;
        Optional<Path> analysed = sourcesByFileName.getOrDefault(fileName, List.of()).stream()
                .filter(p -> p.toString().replace('\\', '/').endsWith("/" + relative)
                        || p.toString().equals(relative))
                .findFirst();
        return analysed.orElse(Path.of(relative));
    }
}
