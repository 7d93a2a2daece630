package org.ecobugs.cli;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ecobugs.rules.config.ConfigFile;

/**
 * Checks, before anything is analysed, that every report can be written where it is asked for: a run that analyses for
 * minutes and then fails to write its report has lost the user's time, and a report written over an analysed source
 * file has lost their code.
 */
final class ReportTargets {

    /** File systems whose files are views of the kernel, not places to keep a report. */
    private static final Set<String> SPECIAL_FILE_SYSTEMS =
            Set.of("proc", "sysfs", "devtmpfs", "devpts", "debugfs", "tracefs", "securityfs", "cgroup", "cgroup2");

    private ReportTargets() {}

    /**
     * @param reports the files the reports go to
     * @param analysed the paths given to analyse (files and directories)
     * @throws UsageException naming the first report that cannot be written, and why
     */
    static void check(List<Path> reports, List<Path> analysed) {
        for (Path report : reports) {
            Path target = report.toAbsolutePath().normalize();
            String cause = problem(target, analysed);
            if (cause != null) {
                throw new UsageException("cannot write the report to " + report + ": " + cause);
            }
        }
    }

    private static String problem(Path target, List<Path> analysed) {
        if (Files.isDirectory(target)) {
            return "it is a directory";
        }
        for (Path input : analysed) {
            Path normalized = input.toAbsolutePath().normalize();
            if (target.equals(normalized)
                    || (target.startsWith(normalized) && Files.isRegularFile(target) && isAnalysable(target))) {
                return "it is one of the analysed files";
            }
        }
        if (Files.exists(target)) {
            if (!Files.isRegularFile(target)) {
                return "it is not a regular file";
            }
            String special = specialFileSystem(target);
            if (special != null) {
                return "it is on the " + special + " file system, not a file a report can be written to";
            }
            if (!Files.isWritable(target)) {
                return "it is not writable";
            }
        }
        Path parent = target.getParent();
        if (parent == null) {
            return "it has no directory";
        }
        Path existing = parent;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            return existing + " is not a directory";
        }
        try {
            Files.createDirectories(parent);
            // Root ignores permission bits, and a read-only mount is not visible in them: try to create a file.
            Path probe = Files.createTempFile(parent, ".ecobugs-", ".probe");
            Files.delete(probe);
        } catch (IOException | RuntimeException e) {
            return "its directory " + parent + " is not writable (" + describe(e) + ")";
        }
        return null;
    }

    private static boolean isAnalysable(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".java")
                || lower.endsWith(".class")
                || lower.endsWith(".jar")
                || ConfigFile.isConfigFileName(name);
    }

    private static String specialFileSystem(Path file) {
        try {
            FileStore store = Files.getFileStore(file);
            return SPECIAL_FILE_SYSTEMS.contains(store.type()) ? store.type() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static String describe(Throwable e) {
        String simple = e.getClass().getSimpleName();
        return e.getMessage() == null ? simple : simple + ": " + e.getMessage();
    }
}
