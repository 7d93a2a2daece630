package org.ecobugs.rules.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.ProductInfo;
import org.ecobugs.rules.engine.dependencies.DependencyAnalysis;

/**
 * What keys the result cache: the configuration a whole cache belongs to, the content of each file, and the facts the
 * dependency analysis judges. A file, a jar or a class directory is described by path, size and modification time,
 * which is cheap and changes whenever a build rewrites it.
 */
final class ResultCacheKeys {

    /** The engine's own build: its jar by size and time, or its class files when it runs from a directory. */
    private static final String CODE = describeCode();

    private ResultCacheKeys() {}

    /**
     * The configuration the entries belong to: the engine build, the rules that run with their parameters, the
     * language level, the encoding, whether the names each file uses are collected, which files are summarised for the
     * project model, and every classpath entry by path, size and modification time (a directory by those of its class
     * files).
     */
    static String fingerprint(
            AnalysisRequest request, Map<String, Map<String, String>> ruleParameters, boolean collectsNames) {
        StringBuilder text = new StringBuilder();
        text.append("engine ")
                .append(ProductInfo.version())
                .append(' ')
                .append(CODE)
                .append('\n');
        new TreeMap<>(ruleParameters)
                .forEach((rule, parameters) -> text.append("rule ")
                        .append(rule)
                        .append(' ')
                        .append(new TreeMap<>(parameters))
                        .append('\n'));
        text.append("java ").append(request.javaVersion()).append('\n');
        text.append("encoding ").append(request.sourceEncoding().name()).append('\n');
        text.append("names ").append(collectsNames).append('\n');
        text.append("summaries ").append(request.summaries()).append('\n');
        for (Path entry : request.classpath()) {
            text.append("classpath ").append(entry.toAbsolutePath().normalize()).append(' ');
            describe(entry, text);
            text.append('\n');
        }
        return base64(sha256(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The key of the dependency analysis's entry: the facts it judges, and each file and directory it reads by path,
     * size and modification time (a directory by those of its files).
     */
    static String dependencyKey(DependencyAnalysis.Fingerprint fingerprint) {
        StringBuilder text = new StringBuilder(fingerprint.facts());
        for (Path file : fingerprint.files()) {
            text.append("file ").append(file).append(' ');
            describe(file, text);
            text.append('\n');
        }
        for (Path directory : fingerprint.directories()) {
            text.append("files under ").append(directory).append(' ');
            describeFiles(directory, text);
            text.append('\n');
        }
        return "dependencies " + base64(sha256(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The key of a file's entry: its path and the SHA-256 of its content. */
    static String key(String path, byte[] content) {
        return path + '\u0000' + base64(sha256(content));
    }

    /**
     * The same key, for a file read in pieces as it is hashed: an archive, which may be larger than the heap, and
     * whose content the analysis reads entry by entry anyway.
     */
    static String key(String path, Path file) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return path + '\u0000' + base64(digest.digest());
    }

    /** A short name for a long one, fit for a file name. */
    static String shortHash(String text) {
        return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)), 0, 8);
    }

    /** Every file under a directory by path, size and time. */
    private static void describeFiles(Path root, StringBuilder text) {
        if (!Files.isDirectory(root)) {
            describe(root, text);
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).sorted().forEach(f -> {
                text.append(root.relativize(f)).append(':');
                describe(f, text);
                text.append(';');
            });
        } catch (IOException | UncheckedIOException e) {
            text.append("unreadable");
        }
    }

    private static String describeCode() {
        StringBuilder text = new StringBuilder();
        try {
            CodeSource source = ResultCacheKeys.class.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null) {
                describe(Path.of(source.getLocation().toURI()), text);
            }
        } catch (URISyntaxException | RuntimeException e) {
            text.append("unknown");
        }
        return text.toString();
    }

    private static void describe(Path entry, StringBuilder text) {
        try {
            if (Files.isRegularFile(entry)) {
                text.append(Files.size(entry))
                        .append('@')
                        .append(Files.getLastModifiedTime(entry).toMillis());
            } else if (Files.isDirectory(entry)) {
                try (Stream<Path> files = Files.walk(entry)) {
                    files.filter(f -> f.toString().endsWith(".class")).sorted().forEach(f -> {
                        text.append(entry.relativize(f)).append(':');
                        try {
                            text.append(Files.size(f))
                                    .append('@')
                                    .append(Files.getLastModifiedTime(f).toMillis());
                        } catch (IOException e) {
                            text.append('?');
                        }
                        text.append(';');
                    });
                }
            } else {
                text.append("absent");
            }
        } catch (IOException | UncheckedIOException e) {
            text.append("unreadable");
        }
    }

    private static String base64(byte[] hash) {
        return Base64.getEncoder().withoutPadding().encodeToString(hash);
    }

    private static byte[] sha256(byte[] content) {
        return sha256().digest(content);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
