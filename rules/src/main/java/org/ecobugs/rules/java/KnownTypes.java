package org.ecobugs.rules.java;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Which fully qualified type names exist: the JDK's, and those of the analysis classpath. Used to resolve on-demand
 * imports ({@code import java.util.concurrent.*;}). The classpath is indexed once, on first use, from the archives'
 * directories only.
 */
public final class KnownTypes {

    private static final ClassLoader JDK = ClassLoader.getPlatformClassLoader();
    private static final ConcurrentHashMap<String, Boolean> JDK_CACHE = new ConcurrentHashMap<>();

    private final List<Path> classpath;
    private volatile Set<String> classpathIndex;
    private volatile Boolean targetsAndroid;

    public KnownTypes(List<Path> classpath) {
        this.classpath = List.copyOf(classpath);
    }

    /** Knows the JDK only. */
    public static KnownTypes jdkOnly() {
        return new KnownTypes(List.of());
    }

    /**
     * Whether the code is built for Android: its classpath holds the platform ({@code android.jar}, Robolectric's
     * {@code android-all}, an {@code android.content.Context} class) or Android archives ({@code .aar}).
     */
    public boolean targetsAndroid() {
        Boolean android = targetsAndroid;
        if (android == null) {
            android = classpath.stream()
                            .map(entry -> String.valueOf(entry.getFileName()))
                            .anyMatch(name -> name.equals("android.jar")
                                    || name.startsWith("android-all")
                                    || name.endsWith(".aar"))
                    || classpathIndex().contains("android/content/Context");
            targetsAndroid = android;
        }
        return android;
    }

    /** Whether {@code qualifiedName} ({@code java.util.Map} or {@code java.util.Map.Entry}) names a known type. */
    public boolean exists(String qualifiedName) {
        String binary = qualifiedName.replace('.', '/');
        return existsInJdk(binary) || classpathIndex().contains(binary);
    }

    private static boolean existsInJdk(String binaryName) {
        return JDK_CACHE.computeIfAbsent(binaryName, KnownTypes::findInJdk);
    }

    /** Tries {@code a/Outer/Inner} as {@code a/Outer$Inner} too, while the part before a slash names a type. */
    private static boolean findInJdk(String name) {
        String candidate = name;
        while (JDK.getResource(candidate + ".class") == null) {
            int slash = candidate.lastIndexOf('/');
            if (slash < 0 || !Character.isUpperCase(candidate.charAt(candidate.lastIndexOf('/', slash - 1) + 1))) {
                return false;
            }
            candidate = candidate.substring(0, slash) + '$' + candidate.substring(slash + 1);
        }
        return true;
    }

    private Set<String> classpathIndex() {
        Set<String> index = classpathIndex;
        if (index == null) {
            synchronized (this) {
                index = classpathIndex;
                if (index == null) {
                    index = buildIndex();
                    classpathIndex = index;
                }
            }
        }
        return index;
    }

    /** Class names in their source spelling with slashes: nested classes as {@code a/Outer/Inner}. */
    private Set<String> buildIndex() {
        Set<String> names = new HashSet<>();
        for (Path entry : classpath) {
            if (Files.isDirectory(entry)) {
                indexDirectory(entry, names);
            } else if (Files.isRegularFile(entry)) {
                indexArchive(entry, names);
            }
        }
        return Set.copyOf(names);
    }

    private static void indexDirectory(Path root, Set<String> names) {
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".class"))
                    .forEach(f -> addClassName(root.relativize(f).toString().replace('\\', '/'), names));
        } catch (IOException | UncheckedIOException e) {
            // An unreadable classpath entry only makes resolution less precise; the analysis does not depend on it.
        }
    }

    private static void indexArchive(Path archive, Set<String> names) {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
                    addClassName(name, names);
                }
            }
        } catch (IOException e) {
            // As above: a broken library jar degrades name resolution, nothing else.
        }
    }

    private static void addClassName(String path, Set<String> names) {
        names.add(path.substring(0, path.length() - ".class".length()).replace('$', '/'));
    }
}
