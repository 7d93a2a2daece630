package org.ecobugs.rules.engine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.Fix;
import org.ecobugs.rules.ProcessingError;
import org.ecobugs.rules.ProductInfo;
import org.ecobugs.rules.SecondaryLocation;
import org.ecobugs.rules.deps.Dependency;
import org.ecobugs.rules.deps.DependencyGraph;

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
 * <p>One file per analysed set of roots (or per name a host gives) under the cache directory, read once at the start and written once at the end
 * (to a temporary file, then moved into place), holding the entries this run used. A cache that cannot be read is a
 * processing error of kind {@link ProcessingError.Kind#UNUSABLE_CACHE}, and the analysis runs without it.
 */
final class ResultCache {

    private static final String MAGIC = "ecobugs result cache";
    private static final int FORMAT = 3;
    private static final String ELSEWHERE = "\u0000";

    /**
     * A finding of a source file, without the file.
     *
     * @param secondaries its secondary locations, all in the same file (kept with the file of the finding, which is
     *     not written)
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
            List<SecondaryLocation> secondaries) {}

    /** A secondary location of a bytecode finding: a line of the same source file. */
    record LineNote(int line, String message) {}

    /** A finding of a class, with what places it in a source file. */
    record ClassFinding(
            String ruleKey, String className, String sourceFile, int line, String message, List<LineNote> notes) {

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
     */
    record Entry(
            boolean parsed,
            List<SourceFinding> sourceFindings,
            List<ClassFinding> classFindings,
            List<CachedError> errors,
            Set<String> names,
            int classes) {}

    /** What the dependency analysis of the whole project found, for the same facts. */
    record DependencyEntry(List<Finding> findings, List<Finding> suppressed, List<ProcessingError> errors) {}

    private final Path file;
    private final String fingerprint;
    private final Map<String, Entry> previous;
    private final Map<String, Entry> current = new ConcurrentHashMap<>();
    private DependencyEntry previousDependencies;
    private String previousDependencyKey;
    private DependencyEntry currentDependencies;
    private String currentDependencyKey;
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();
    private final List<ProcessingError> problems = new ArrayList<>();

    private ResultCache(Path file, String fingerprint, Map<String, Entry> previous) {
        this.file = file;
        this.fingerprint = fingerprint;
        this.previous = previous;
    }

    /**
     * Opens the cache of one analysis: the file of that name (its roots, or the name the host gave) under {@code
     * directory}, if it holds entries of the same configuration. Never fails: a cache it cannot read is reported in
     * {@link #problems()} and ignored.
     */
    static ResultCache open(Path directory, String name, String fingerprint) {
        Path file = directory.resolve("results-" + shortHash(name) + ".bin");
        List<ProcessingError> problems = new ArrayList<>();
        Map<String, Entry> previous = new ConcurrentHashMap<>();
        Object[] dependencies = new Object[2];
        try {
            if (Files.exists(file)) {
                read(file, fingerprint, previous, dependencies);
            }
        } catch (NoSuchFileException e) {
            // A first run, or another run's cache went away meanwhile.
        } catch (IOException | RuntimeException e) {
            previous.clear();
            dependencies[0] = null;
            dependencies[1] = null;
            problems.add(new ProcessingError(
                    file.toString(),
                    null,
                    ProcessingError.Kind.UNUSABLE_CACHE,
                    "Cannot read the result cache (" + ProcessingError.describe(e)
                            + "); every file was analysed again and the cache rewritten"));
        }
        ResultCache cache = new ResultCache(file, fingerprint, previous);
        cache.previousDependencyKey = (String) dependencies[0];
        cache.previousDependencies = (DependencyEntry) dependencies[1];
        cache.problems.addAll(problems);
        return cache;
    }

    /**
     * The configuration the entries belong to: the engine build, the rules that run with their parameters, the
     * language level, the encoding, whether the names each file uses are collected, and every classpath entry by
     * path, size and modification time (a directory by those of its class files).
     */
    static String fingerprint(
            AnalysisRequest request, Map<String, Map<String, String>> ruleParameters, boolean collectsNames) {
        StringBuilder text = new StringBuilder();
        text.append("format ").append(FORMAT).append('\n');
        text.append("engine ")
                .append(ProductInfo.version())
                .append(' ')
                .append(CODE)
                .append('\n');
        new java.util.TreeMap<>(ruleParameters)
                .forEach((rule, parameters) -> text.append("rule ")
                        .append(rule)
                        .append(' ')
                        .append(new java.util.TreeMap<>(parameters))
                        .append('\n'));
        text.append("java ").append(request.javaVersion()).append('\n');
        text.append("encoding ").append(request.sourceEncoding().name()).append('\n');
        text.append("names ").append(collectsNames).append('\n');
        for (Path entry : request.classpath()) {
            text.append("classpath ").append(entry.toAbsolutePath().normalize()).append(' ');
            describe(entry, text);
            text.append('\n');
        }
        return Base64.getEncoder()
                .withoutPadding()
                .encodeToString(sha256(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The facts the dependency analysis judges: the dependency graph (each dependency with its jar's size and time,
     * the test and resource roots with their files' sizes and times) and the names main and test code use. Only the
     * names count, not where each was first seen, which depends on the order threads ran in.
     */
    static String dependencyKey(DependencyGraph graph, UsageCollector usage) {
        StringBuilder text = new StringBuilder();
        text.append("pom ").append(graph.pomFile()).append(' ');
        describe(graph.pomFile(), text);
        text.append('\n');
        for (Dependency d : graph.dependencies()) {
            text.append("dependency ")
                    .append(d.coordinates())
                    .append(' ')
                    .append(d.scope())
                    .append(' ')
                    .append(d.optional())
                    .append(' ')
                    .append(d.depth())
                    .append(' ')
                    .append(d.origin())
                    .append(' ')
                    .append(d.via())
                    .append(' ')
                    .append(new java.util.TreeSet<>(d.requiredBy()))
                    .append(' ')
                    .append(d.pomLocation())
                    .append(' ')
                    .append(d.sameBuild())
                    .append(' ')
                    .append(d.file())
                    .append(' ');
            if (d.file() != null) {
                describe(d.file(), text);
            }
            text.append('\n');
        }
        text.append("used ")
                .append(new java.util.TreeSet<>(graph.usedDependencies()))
                .append('\n');
        for (List<Path> roots : List.of(graph.testClassInputs(), graph.testSourceRoots(), graph.resourceRoots())) {
            text.append("roots ").append(roots).append('\n');
            for (Path root : roots) {
                describeFiles(root, text);
            }
        }
        for (UsageCollector.Side side : List.of(usage.main(), usage.test())) {
            text.append("side\n");
            for (Map<String, String> names : List.of(
                    side.types,
                    side.compileOnlyTypes,
                    side.sourceNames,
                    side.classNameStrings,
                    side.members,
                    side.serviceCandidates,
                    side.scannedPackages)) {
                text.append(new java.util.TreeSet<>(names.keySet())).append('\n');
            }
            text.append(new java.util.TreeSet<>(side.ownClasses)).append('\n');
        }
        return "dependencies "
                + Base64.getEncoder()
                        .withoutPadding()
                        .encodeToString(sha256(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Every file under a directory by path, size and time. */
    private static void describeFiles(Path root, StringBuilder text) {
        if (!Files.isDirectory(root)) {
            describe(root, text);
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).sorted().forEach(f -> {
                text.append(root.relativize(f)).append(':');
                describe(f, text);
                text.append(';');
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            text.append("unreadable");
        }
    }

    /** The engine's own build: its jar by size and time, or its class files when it runs from a directory. */
    private static final String CODE = describeCode();

    private static String describeCode() {
        StringBuilder text = new StringBuilder();
        try {
            java.security.CodeSource source =
                    ResultCache.class.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null) {
                describe(Path.of(source.getLocation().toURI()), text);
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
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
                try (java.util.stream.Stream<Path> files = Files.walk(entry)) {
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
        } catch (IOException | java.io.UncheckedIOException e) {
            text.append("unreadable");
        }
    }

    /** The key of a file's entry: its path and the SHA-256 of its content. */
    static String key(String path, byte[] content) {
        return path + '\u0000' + Base64.getEncoder().withoutPadding().encodeToString(sha256(content));
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
        return path + '\u0000' + Base64.getEncoder().withoutPadding().encodeToString(digest.digest());
    }

    /** The entry of an unchanged file, kept for the next run. */
    Optional<Entry> get(String key) {
        Entry entry = previous.get(key);
        if (entry == null) {
            misses.incrementAndGet();
            return Optional.empty();
        }
        hits.incrementAndGet();
        current.put(key, entry);
        return Optional.of(entry);
    }

    void put(String key, Entry entry) {
        current.put(key, entry);
    }

    /** The dependency analysis's result for the same facts, kept for the next run. */
    Optional<DependencyEntry> dependencies(String key) {
        if (previousDependencies == null || !key.equals(previousDependencyKey)) {
            return Optional.empty();
        }
        putDependencies(key, previousDependencies);
        return Optional.of(previousDependencies);
    }

    void putDependencies(String key, DependencyEntry entry) {
        currentDependencyKey = key;
        currentDependencies = entry;
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

    /** Writes the entries this run used or produced; a failure is added to {@link #problems()}. */
    void save() {
        Path temporary = null;
        try {
            Files.createDirectories(file.getParent());
            temporary =
                    Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                write(out);
            }
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

    // ---- format: header, entries, CRC-32 of all that precedes it ----

    private void write(OutputStream target) throws IOException {
        CRC32 crc = new CRC32();
        DataOutputStream out = new DataOutputStream(new CheckedOutputStream(new BufferedOutputStream(target), crc));
        writeString(out, MAGIC);
        out.writeInt(FORMAT);
        writeString(out, fingerprint);
        out.writeInt(current.size());
        for (Map.Entry<String, Entry> e : current.entrySet()) {
            writeString(out, e.getKey());
            writeEntry(out, e.getValue());
        }
        out.writeBoolean(currentDependencies != null);
        if (currentDependencies != null) {
            writeString(out, currentDependencyKey);
            writeFindings(out, currentDependencies.findings());
            writeFindings(out, currentDependencies.suppressed());
            out.writeInt(currentDependencies.errors().size());
            for (ProcessingError e : currentDependencies.errors()) {
                writeString(out, e.input());
                writeNullable(out, e.ruleKey());
                writeString(out, e.kind().name());
                writeString(out, e.message());
            }
        }
        out.flush();
        long checksum = crc.getValue();
        out.writeLong(checksum);
        out.flush();
    }

    private static void read(Path file, String fingerprint, Map<String, Entry> into, Object[] dependencies)
            throws IOException {
        long size = Files.size(file);
        CRC32 crc = new CRC32();
        try (InputStream raw = Files.newInputStream(file)) {
            Reader in = new Reader(new CheckedInputStream(new BufferedInputStream(raw), crc), size);
            if (!MAGIC.equals(in.string()) || in.data.readInt() != FORMAT) {
                throw new IOException("not a result cache of this version");
            }
            if (!fingerprint.equals(in.string())) {
                // Another engine, rule set, parameters or classpath: nothing in it applies.
                return;
            }
            int count = in.count();
            Map<String, Entry> entries = new java.util.HashMap<>();
            for (int i = 0; i < count; i++) {
                String key = in.string();
                entries.put(key, readEntry(in));
            }
            String dependencyKey = null;
            DependencyEntry dependencyEntry = null;
            if (in.data.readBoolean()) {
                dependencyKey = in.string();
                List<Finding> findings = readFindings(in);
                List<Finding> suppressed = readFindings(in);
                int errorCount = in.count();
                List<ProcessingError> errors = new ArrayList<>(errorCount);
                for (int i = 0; i < errorCount; i++) {
                    String input = in.string();
                    String rule = in.nullable();
                    ProcessingError.Kind kind = ProcessingError.Kind.valueOf(in.string());
                    errors.add(new ProcessingError(input, rule, kind, in.string()));
                }
                dependencyEntry = new DependencyEntry(findings, suppressed, List.copyOf(errors));
            }
            long expected = crc.getValue();
            if (in.data.readLong() != expected) {
                throw new IOException("checksum mismatch");
            }
            if (in.data.read() != -1) {
                throw new IOException("trailing bytes");
            }
            into.putAll(entries);
            dependencies[0] = dependencyKey;
            dependencies[1] = dependencyEntry;
        }
    }

    private static void writeEntry(DataOutputStream out, Entry entry) throws IOException {
        out.writeBoolean(entry.parsed());
        out.writeInt(entry.classes());
        out.writeInt(entry.sourceFindings().size());
        for (SourceFinding f : entry.sourceFindings()) {
            writeString(out, f.ruleKey());
            out.writeInt(f.line());
            out.writeInt(f.column());
            out.writeInt(f.endLine());
            out.writeInt(f.endColumn());
            writeString(out, f.message());
            out.writeInt(f.coverFirstLine());
            out.writeInt(f.coverLastLine());
            writeFixes(out, f.fixes());
            writeSecondaries(out, f.secondaries(), false);
        }
        out.writeInt(entry.classFindings().size());
        for (ClassFinding f : entry.classFindings()) {
            writeString(out, f.ruleKey());
            writeString(out, f.className());
            writeNullable(out, f.sourceFile());
            out.writeInt(f.line());
            writeString(out, f.message());
            out.writeInt(f.notes().size());
            for (LineNote note : f.notes()) {
                out.writeInt(note.line());
                writeString(out, note.message());
            }
        }
        out.writeInt(entry.errors().size());
        for (CachedError e : entry.errors()) {
            writeString(out, e.inputSuffix());
            writeNullable(out, e.ruleKey());
            writeString(out, e.kind().name());
            writeString(out, e.message());
        }
        out.writeBoolean(entry.names() != null);
        if (entry.names() != null) {
            out.writeInt(entry.names().size());
            for (String name : entry.names()) {
                writeString(out, name);
            }
        }
    }

    private static Entry readEntry(Reader in) throws IOException {
        boolean parsed = in.data.readBoolean();
        int classes = in.data.readInt();
        int sourceCount = in.count();
        List<SourceFinding> sourceFindings = new ArrayList<>(sourceCount);
        for (int i = 0; i < sourceCount; i++) {
            String rule = in.string();
            int line = in.data.readInt();
            int column = in.data.readInt();
            int endLine = in.data.readInt();
            int endColumn = in.data.readInt();
            String message = in.string();
            int coverFirst = in.data.readInt();
            int coverLast = in.data.readInt();
            List<Fix> fixes = readFixes(in);
            List<SecondaryLocation> secondaries = readSecondaries(in, SAME_FILE);
            sourceFindings.add(new SourceFinding(
                    rule, line, column, endLine, endColumn, message, fixes, coverFirst, coverLast, secondaries));
        }
        int classCount = in.count();
        List<ClassFinding> classFindings = new ArrayList<>(classCount);
        for (int i = 0; i < classCount; i++) {
            String rule = in.string();
            String className = in.string();
            String sourceFile = in.nullable();
            int line = in.data.readInt();
            String message = in.string();
            int noteCount = in.count();
            List<LineNote> notes = new ArrayList<>(noteCount);
            for (int j = 0; j < noteCount; j++) {
                notes.add(new LineNote(in.data.readInt(), in.string()));
            }
            classFindings.add(new ClassFinding(rule, className, sourceFile, line, message, List.copyOf(notes)));
        }
        int errorCount = in.count();
        List<CachedError> errors = new ArrayList<>(errorCount);
        for (int i = 0; i < errorCount; i++) {
            String suffix = in.string();
            String rule = in.nullable();
            ProcessingError.Kind kind = ProcessingError.Kind.valueOf(in.string());
            errors.add(new CachedError(suffix, rule, kind, in.string()));
        }
        Set<String> names = null;
        if (in.data.readBoolean()) {
            int nameCount = in.count();
            names = new LinkedHashSet<>();
            for (int i = 0; i < nameCount; i++) {
                names.add(in.string());
            }
            names = java.util.Collections.unmodifiableSet(names);
        }
        return new Entry(
                parsed, List.copyOf(sourceFindings), List.copyOf(classFindings), List.copyOf(errors), names, classes);
    }

    /** Whole findings, with their file: the dependency findings, on build files. */
    private static void writeFindings(DataOutputStream out, List<Finding> findings) throws IOException {
        out.writeInt(findings.size());
        for (Finding f : findings) {
            writeString(out, f.ruleKey());
            writeString(out, f.file().toString());
            out.writeInt(f.line());
            out.writeInt(f.column());
            out.writeInt(f.endLine());
            out.writeInt(f.endColumn());
            writeString(out, f.message());
            writeString(out, f.origin().name());
            writeFixes(out, f.fixes());
            writeSecondaries(out, f.secondaryLocations(), true);
        }
    }

    /**
     * Secondary locations, each with its file when {@code withFile}; a source finding's are in its own file, which the
     * entry does not write either.
     */
    private static void writeSecondaries(DataOutputStream out, List<SecondaryLocation> secondaries, boolean withFile)
            throws IOException {
        out.writeInt(secondaries.size());
        for (SecondaryLocation s : secondaries) {
            if (withFile) {
                writeString(out, s.file().toString());
            }
            out.writeInt(s.line());
            out.writeInt(s.column());
            out.writeInt(s.endLine());
            out.writeInt(s.endColumn());
            writeString(out, s.message());
        }
    }

    /** Stands for the finding's own file until the entry is placed on it. */
    private static final Path SAME_FILE = Path.of("");

    /** @param file the file of every location read, or null when each was written with its own */
    private static List<SecondaryLocation> readSecondaries(Reader in, Path file) throws IOException {
        int count = in.count();
        List<SecondaryLocation> secondaries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Path at = file != null ? file : Path.of(in.string());
            secondaries.add(new SecondaryLocation(
                    at, in.data.readInt(), in.data.readInt(), in.data.readInt(), in.data.readInt(), in.string()));
        }
        return List.copyOf(secondaries);
    }

    private static List<Finding> readFindings(Reader in) throws IOException {
        int count = in.count();
        List<Finding> findings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String rule = in.string();
            Path path = Path.of(in.string());
            int line = in.data.readInt();
            int column = in.data.readInt();
            int endLine = in.data.readInt();
            int endColumn = in.data.readInt();
            String message = in.string();
            Finding.Origin origin = Finding.Origin.valueOf(in.string());
            List<Fix> fixes = readFixes(in);
            findings.add(new Finding(
                    rule, path, line, column, endLine, endColumn, message, origin, fixes, readSecondaries(in, null)));
        }
        return List.copyOf(findings);
    }

    private static void writeFixes(DataOutputStream out, List<Fix> fixes) throws IOException {
        out.writeInt(fixes.size());
        for (Fix fix : fixes) {
            writeString(out, fix.description());
            out.writeInt(fix.edits().size());
            for (Fix.Edit edit : fix.edits()) {
                out.writeInt(edit.line());
                out.writeInt(edit.column());
                out.writeInt(edit.endLine());
                out.writeInt(edit.endColumn());
                writeString(out, edit.replacement());
            }
        }
    }

    private static List<Fix> readFixes(Reader in) throws IOException {
        int fixCount = in.count();
        List<Fix> fixes = new ArrayList<>(fixCount);
        for (int j = 0; j < fixCount; j++) {
            String description = in.string();
            int editCount = in.count();
            List<Fix.Edit> edits = new ArrayList<>(editCount);
            for (int k = 0; k < editCount; k++) {
                edits.add(new Fix.Edit(
                        in.data.readInt(), in.data.readInt(), in.data.readInt(), in.data.readInt(), in.string()));
            }
            fixes.add(new Fix(description, edits));
        }
        return List.copyOf(fixes);
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            writeString(out, value);
        }
    }

    /** Reads with every count and length checked against the size of the file, so that no garbage allocates much. */
    private static final class Reader {
        final DataInputStream data;
        final long size;

        Reader(InputStream in, long size) {
            this.data = new DataInputStream(in);
            this.size = size;
        }

        int count() throws IOException {
            int count = data.readInt();
            if (count < 0 || count > size) {
                throw new IOException("corrupt count " + count);
            }
            return count;
        }

        String string() throws IOException {
            int length = count();
            byte[] bytes = new byte[length];
            try {
                data.readFully(bytes);
            } catch (EOFException e) {
                throw new IOException("truncated", e);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }

        String nullable() throws IOException {
            return data.readBoolean() ? string() : null;
        }
    }

    static byte[] sha256(byte[] content) {
        return sha256().digest(content);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String shortHash(String text) {
        byte[] hash = sha256(text.getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            hex.append(String.format(java.util.Locale.ROOT, "%02x", hash[i]));
        }
        return hex.toString();
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
                f.secondaryLocations());
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
                f.secondaries().stream().map(s -> s.inFile(file)).toList());
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
