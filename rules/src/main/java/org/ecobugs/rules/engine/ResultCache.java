package org.ecobugs.rules.engine;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.Fix;
import org.ecobugs.rules.ProcessingError;
import org.ecobugs.rules.SecondaryLocation;
import org.ecobugs.rules.java.ProjectConstantIndex;
import org.ecobugs.rules.project.DeferredFinding;
import org.ecobugs.rules.project.FileSummary;

/**
 * What earlier analyses found in each file, keyed by the file's path and the SHA-256 of its content, so that a file
 * that did not change is not analysed again. The whole cache belongs to one configuration (its {@code fingerprint}:
 * the engine build, the rules with their parameters, the language level, the encoding, the classpath); a cache of
 * another configuration is ignored and replaced.
 *
 * <p>Only what a file alone decides is kept: a file's findings, its processing errors, and the names it uses, which
 * the dependency rules aggregate over the whole project on every run. What depends on other files is recomputed: the
 * source file a class's findings go to, and which findings of both walkers are the same.
 *
 * <p>One file per analysed set of roots (or per name a host gives) under the cache directory, read once at the start
 * and written once at the end (to a temporary file, then moved into place), holding the entries this run used; {@link
 * ResultCacheKeys} makes the keys and {@link ResultCacheCodec} the bytes. A cache that cannot be read or written is a
 * processing error of kind {@link ProcessingError.Kind#UNUSABLE_CACHE}, and the analysis runs without it.
 */
final class ResultCache {

    private static final String ELSEWHERE = "\u0000";

    /** Stands for the finding's own file, which its entry does not repeat, until the entry is placed on it. */
    private static final Path SAME_FILE = Path.of("");

    /**
     * A finding of a source file, without the file.
     *
     * @param secondaries its secondary locations; those in its own file do not name it
     */
    record SourceFinding(
            String ruleKey,
            int line,
            int column,
            int endLine,
            int endColumn,
            String message,
            List<Fix> fixes,
            int coverFirstLine,
            int coverLastLine,
            List<SecondaryLocation> secondaries) {

        SourceFinding {
            fixes = List.copyOf(fixes);
            secondaries = List.copyOf(secondaries);
        }
    }

    /** A secondary location of a bytecode finding: a line of the same source file. */
    record LineNote(int line, String message) {}

    /** A finding of a class, with what places it in a source file. */
    record ClassFinding(
            String ruleKey, String className, String sourceFile, int line, String message, List<LineNote> notes) {

        ClassFinding {
            notes = List.copyOf(notes);
        }

        /** The finding on the source file its class was compiled from. */
        Finding on(Path source) {
            return new Finding(
                    ruleKey,
                    source,
                    line,
                    0,
                    0,
                    0,
                    message,
                    Finding.Origin.BYTECODE,
                    List.of(),
                    notes.stream()
                            .map(note -> new SecondaryLocation(source, note.line(), 0, 0, 0, note.message()))
                            .toList());
        }
    }

    /**
     * A processing error of the file, or of an input inside it.
     *
     * @param inputSuffix what follows the file's path in the error's input ({@code !/a/B.class} in an archive)
     */
    record CachedError(String inputSuffix, String ruleKey, ProcessingError.Kind kind, String message) {}

    /**
     * What one file yielded.
     *
     * @param parsed whether the source rules saw all of a source file
     * @param names for a source file, the names it uses (for the dependency rules), or null when not collected
     * @param classes for a class input, how many classes it held
     * @param lookups for a source file, what it asked of the project's other files and configuration, and the answers:
     *     the entry stands while they are the same
     */
    record Entry(
            boolean parsed,
            List<SourceFinding> sourceFindings,
            List<ClassFinding> classFindings,
            List<CachedError> errors,
            Set<String> names,
            int classes,
            FileSummary summary,
            List<DeferredFinding> deferred,
            List<ProjectConstantIndex.Lookup> lookups) {

        Entry {
            sourceFindings = List.copyOf(sourceFindings);
            classFindings = List.copyOf(classFindings);
            errors = List.copyOf(errors);
            deferred = deferred == null ? List.of() : List.copyOf(deferred);
            lookups = lookups == null ? List.of() : List.copyOf(lookups);
        }

        /** The same entry with the file's summary for the project model, made after the rules' pass. */
        Entry withSummary(FileSummary fileSummary) {
            return new Entry(
                    parsed, sourceFindings, classFindings, errors, names, classes, fileSummary, deferred, lookups);
        }

        /** A class file's or archive's entry: nothing of the project model. */
        Entry(
                boolean parsed,
                List<SourceFinding> sourceFindings,
                List<ClassFinding> classFindings,
                List<CachedError> errors,
                Set<String> names,
                int classes) {
            this(parsed, sourceFindings, classFindings, errors, names, classes, null, List.of(), List.of());
        }
    }

    /** What the dependency analysis of the whole project found, for the same facts. */
    record DependencyEntry(List<Finding> findings, List<Finding> suppressed, List<ProcessingError> errors) {

        DependencyEntry {
            findings = List.copyOf(findings);
            suppressed = List.copyOf(suppressed);
            errors = List.copyOf(errors);
        }
    }

    private final Path file;
    private final String fingerprint;
    private final Map<String, Entry> previous = new ConcurrentHashMap<>();
    private final Map<String, Entry> current = new ConcurrentHashMap<>();
    private ResultCacheCodec.Dependencies previousDependencies;
    private ResultCacheCodec.Dependencies currentDependencies;
    /** Whether the file held results of this configuration, which {@link #previous} now holds. */
    private boolean loaded;

    private volatile boolean added;
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();
    private final List<ProcessingError> problems = new ArrayList<>();

    private ResultCache(Path file, String fingerprint) {
        this.file = file;
        this.fingerprint = fingerprint;
    }

    /**
     * Opens the cache of one analysis: the file of that name (its roots, or the name the host gave) under {@code
     * directory}, if it holds entries of the same configuration. Never fails: a cache it cannot read is reported in
     * {@link #problems()} and ignored.
     */
    static ResultCache open(Path directory, String name, String fingerprint) {
        Path file = directory.resolve("results-" + ResultCacheKeys.shortHash(name) + ".bin");
        ResultCache cache = new ResultCache(file, fingerprint);
        try {
            if (Files.exists(file)) {
                if (Files.size(file) > ResultCacheCodec.MAX_FILE_BYTES) {
                    throw new IOException("larger than any cache written");
                }
                ResultCacheCodec.decode(Files.readAllBytes(file), fingerprint).ifPresent(cache::keep);
            }
        } catch (NoSuchFileException e) {
            // A first run, or another run's cache went away meanwhile.
        } catch (IOException | RuntimeException e) {
            cache.problems.add(new ProcessingError(
                    file.toString(),
                    null,
                    ProcessingError.Kind.UNUSABLE_CACHE,
                    "Cannot read the result cache (" + ProcessingError.describe(e)
                            + "); every file was analysed again and the cache rewritten"));
        }
        return cache;
    }

    private void keep(ResultCacheCodec.Contents contents) {
        contents.files().forEach(file -> previous.put(file.key(), file.entry()));
        previousDependencies = contents.dependencies();
        loaded = true;
    }

    /** The entry of an unchanged file, kept for the next run. */
    Optional<Entry> get(String key) {
        return get(key, entry -> true);
    }

    /** The entry of an unchanged file, if it is still {@code valid}, kept for the next run. */
    Optional<Entry> get(String key, java.util.function.Predicate<Entry> valid) {
        Entry entry = previous.get(key);
        if (entry == null || !valid.test(entry)) {
            misses.incrementAndGet();
            return Optional.empty();
        }
        hits.incrementAndGet();
        current.put(key, entry);
        return Optional.of(entry);
    }

    /**
     * The entry this run keeps for a file the rules' pass went through, without counting a hit or a miss: the project
     * model asks again for files it summarises after that pass.
     */
    Optional<Entry> kept(String key) {
        return Optional.ofNullable(current.get(key));
    }

    void put(String key, Entry entry) {
        current.put(key, entry);
        added = true;
    }

    /** The dependency analysis's result for the same facts, kept for the next run. */
    Optional<DependencyEntry> dependencies(String key) {
        if (previousDependencies == null || !key.equals(previousDependencies.key())) {
            return Optional.empty();
        }
        currentDependencies = previousDependencies;
        return Optional.of(previousDependencies.entry());
    }

    void putDependencies(String key, DependencyEntry entry) {
        currentDependencies = new ResultCacheCodec.Dependencies(key, entry);
    }

    int hits() {
        return hits.get();
    }

    int misses() {
        return misses.get();
    }

    Path file() {
        return file;
    }

    /** Problems with the cache itself, as processing errors. */
    List<ProcessingError> problems() {
        return List.copyOf(problems);
    }

    /**
     * Writes the entries this run used or produced, unless the file holds just those already; a failure is added to
     * {@link #problems()}.
     */
    void save() {
        if (loaded && !added && current.size() == previous.size() && currentDependencies == previousDependencies) {
            try {
                // The file already holds exactly these results. Hosts tell the caches a run used by their time: the
                // SonarQube sensor stores only those for its next analysis.
                Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
                return;
            } catch (IOException | RuntimeException e) {
                // Written again below, which reports what fails.
            }
        }
        Path temporary = null;
        try {
            Files.createDirectories(file.getParent());
            temporary =
                    Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            // Sorted: the same results make the same file, and deflate a tenth smaller.
            List<ResultCacheCodec.FileEntry> files = new ArrayList<>(current.size());
            for (Map.Entry<String, Entry> e : new TreeMap<>(current).entrySet()) {
                files.add(new ResultCacheCodec.FileEntry(e.getKey(), e.getValue()));
            }
            Files.write(
                    temporary,
                    ResultCacheCodec.encode(fingerprint, new ResultCacheCodec.Contents(files, currentDependencies)));
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            problems.add(new ProcessingError(
                    file.toString(),
                    null,
                    ProcessingError.Kind.UNUSABLE_CACHE,
                    "Cannot write the result cache: " + ProcessingError.describe(e)));
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // Nothing more can be done; the next run overwrites it.
                }
            }
        }
    }

    /** A finding of a source file, kept without the file. */
    static SourceFinding of(RawFinding raw) {
        Finding f = raw.finding();
        return new SourceFinding(
                f.ruleKey(),
                f.line(),
                f.column(),
                f.endLine(),
                f.endColumn(),
                f.message(),
                f.fixes(),
                raw.coverFirstLine(),
                raw.coverLastLine(),
                f.secondaryLocations().stream()
                        .map(s -> s.file().equals(f.file()) ? s.inFile(SAME_FILE) : s)
                        .toList());
    }

    /** The finding back on its file. */
    static RawFinding toRaw(SourceFinding f, Path file) {
        Finding finding = new Finding(
                f.ruleKey(),
                file,
                f.line(),
                f.column(),
                f.endLine(),
                f.endColumn(),
                f.message(),
                Finding.Origin.SOURCE,
                f.fixes(),
                f.secondaries().stream()
                        .map(s -> s.file().equals(SAME_FILE) ? s.inFile(file) : s)
                        .toList());
        return new RawFinding(finding, f.coverFirstLine(), f.coverLastLine());
    }

    /** An error of an input kept relative to the file whose entry holds it (an input elsewhere is kept whole). */
    static CachedError of(ProcessingError error, String path) {
        String input = error.input();
        String suffix = input.startsWith(path) ? input.substring(path.length()) : ELSEWHERE + input;
        return new CachedError(suffix, error.ruleKey(), error.kind(), error.message());
    }

    static ProcessingError toError(CachedError e, String path) {
        String suffix = e.inputSuffix();
        String input = suffix.startsWith(ELSEWHERE) ? suffix.substring(1) : path + suffix;
        return new ProcessingError(input, e.ruleKey(), e.kind(), e.message());
    }
}
