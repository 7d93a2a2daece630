package org.ecobugs.rules.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the compiled fixtures of the {@code test-fixtures} module are. */
public final class Fixtures {

    private static final String PACKAGE_PATH = "org/ecobugs/fixtures/";

    private Fixtures() {}

    /** The root of the {@code test-fixtures} module, given by the build. */
    public static Path moduleDir() {
        String dir = System.getProperty("ecobugs.fixtures.dir");
        if (dir == null) {
            throw new IllegalStateException("System property ecobugs.fixtures.dir is not set (it is set by the build)");
        }
        return Path.of(dir).toAbsolutePath().normalize();
    }

    /** The root of the repository, given by the build. */
    public static Path repositoryDir() {
        String dir = System.getProperty("ecobugs.repo.dir");
        if (dir == null) {
            throw new IllegalStateException("System property ecobugs.repo.dir is not set (it is set by the build)");
        }
        return Path.of(dir).toAbsolutePath().normalize();
    }

    /** A fixture's source file, {@code relative} to {@code org/ecobugs/fixtures}: {@code eb101/BusyWaitSpin.java}. */
    public static Path source(String relative) {
        return moduleDir().resolve("src/main/java").resolve(PACKAGE_PATH + relative);
    }

    /** The class files compiled from a fixture: its top-level class and the nested and anonymous ones. */
    public static List<Path> classes(String relative) {
        String base = relative.substring(0, relative.length() - ".java".length());
        Path compiled = moduleDir().resolve("target/classes").resolve(PACKAGE_PATH + base + ".class");
        if (!Files.isRegularFile(compiled)) {
            throw new IllegalStateException("Fixture not compiled: " + compiled + " (build test-fixtures first)");
        }
        String simple = compiled.getFileName().toString().replace(".class", "");
        try (Stream<Path> siblings = Files.list(compiled.getParent())) {
            return siblings.filter(p -> {
                        String name = p.getFileName().toString();
                        return name.equals(simple + ".class") || name.startsWith(simple + "$");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every source file of the module: the fixtures, and the stubs of libraries that are not on Maven Central which
     * some fixtures compile against (under their real package names).
     */
    public static List<Path> allSources() {
        try (Stream<Path> files = Files.walk(moduleDir().resolve("src/main/java"))) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
