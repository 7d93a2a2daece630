package org.ecobugs.sonar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sonar.api.batch.sensor.SensorContext;
import org.sonar.api.batch.sensor.cache.ReadCache;

/**
 * The engine's result cache kept in the scanner's analysis cache, which SonarQube hands from one analysis of a branch
 * to the next: restored into a temporary directory before the analysis, the engine reads and rewrites it there as it
 * does on the command line, and it is stored back after, the files the engine wrote as one zip under {@value #KEY}.
 * Nothing happens when the scanner has no cache; a cache that cannot be read is logged and the analysis runs without it.
 */
final class ScannerCache {

    static final String KEY = "ecobugs:result-cache";
    /**
     * The name of the module's results in the engine's cache: the directory holds one analysis, and the engine's
     * default, a name from the roots, would start a new cache whenever a file is added or removed (the sensor passes
     * each indexed file as a root).
     */
    static final String NAME = "sonar module";

    private static final FileTime NOT_WRITTEN = FileTime.fromMillis(0);

    private static final Logger LOG = LoggerFactory.getLogger(ScannerCache.class);

    private ScannerCache() {}

    /** A directory holding what the previous analysis stored, or empty when the scanner has no cache. */
    static Optional<Path> restore(SensorContext context) {
        if (!context.isCacheEnabled()) {
            return Optional.empty();
        }
        Path directory;
        try {
            directory = Files.createTempDirectory("ecobugs-sonar-cache");
        } catch (IOException e) {
            LOG.warn("ecobugs: no temporary directory for the result cache, analysing every file: {}", e.getMessage());
            return Optional.empty();
        }
        ReadCache previous = context.previousCache();
        if (previous.contains(KEY)) {
            try (ZipInputStream zip = new ZipInputStream(previous.read(KEY))) {
                int files = 0;
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    String name = entry.getName();
                    // Only plain file names: an entry must not reach outside the directory.
                    if (entry.isDirectory()
                            || name.equals(".")
                            || name.equals("..")
                            || !Path.of(name).getFileName().toString().equals(name)) {
                        LOG.warn(
                                "ecobugs ignored '{}' in its result cache of the previous analysis: not a file it"
                                        + " writes",
                                name);
                        continue;
                    }
                    Path file = directory.resolve(name);
                    Files.copy(zip, file);
                    // Marked as not written by this analysis: a file the engine does not rewrite (one an earlier
                    // version named otherwise) is not stored again, so stale caches do not pile up.
                    Files.setLastModifiedTime(file, NOT_WRITTEN);
                    files++;
                }
                LOG.debug("ecobugs: result cache of the previous analysis restored ({} files)", files);
            } catch (IOException | RuntimeException e) {
                LOG.warn(
                        "ecobugs could not read its result cache from the previous analysis, analysing every file: {}",
                        e.getMessage());
                clear(directory);
            }
        }
        return Optional.of(directory);
    }

    /** Stores the directory's files for the next analysis, then deletes the directory. */
    static void store(SensorContext context, Path directory) {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                for (Path file : files(directory)) {
                    if (Files.getLastModifiedTime(file).equals(NOT_WRITTEN)) {
                        continue;
                    }
                    zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
                    Files.copy(file, zip);
                    zip.closeEntry();
                }
            }
            context.nextCache().write(KEY, bytes.toByteArray());
        } catch (IOException | RuntimeException e) {
            LOG.warn("ecobugs could not store its result cache for the next analysis: {}", e.getMessage());
        } finally {
            clear(directory);
            try {
                Files.deleteIfExists(directory);
            } catch (IOException e) {
                LOG.debug("ecobugs: could not delete {}: {}", directory, e.getMessage());
            }
        }
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .sorted(Comparator.naturalOrder())
                    .toList();
        }
    }

    private static void clear(Path directory) {
        try {
            for (Path file : files(directory)) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("ecobugs: could not empty {}: {}", directory, e.getMessage());
        }
    }
}
