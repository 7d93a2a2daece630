package org.ecobugs.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.ecobugs.rules.Analysis;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.Phase;
import org.ecobugs.rules.ProcessingError;
import org.ecobugs.rules.deps.Coordinates;
import org.ecobugs.rules.deps.Dependency;
import org.ecobugs.rules.deps.DependencyGraph;
import org.ecobugs.rules.deps.PomLocation;
import org.ecobugs.rules.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/** The result cache reuses what did not change and nothing else, and never stops an analysis. */
class ResultCacheTest {

    private static final String SPIN = "eb101/BusyWaitSpinCompiled.java";
    private static final String PAYLOAD = "eb201/PrettyPrintedPayloadCompiled.java";

    @TempDir
    Path temp;

    private Path sources;
    private Path classes;
    private Path cache;

    @BeforeEach
    void copyAProject() throws IOException {
        sources = Files.createDirectories(temp.resolve("src"));
        classes = Files.createDirectories(temp.resolve("classes"));
        cache = temp.resolve("cache");
        for (String fixture : List.of(SPIN, PAYLOAD)) {
            Path source = Fixtures.source(fixture);
            Files.copy(source, sources.resolve(source.getFileName()));
            for (Path compiled : Fixtures.classes(fixture)) {
                Files.copy(compiled, classes.resolve(compiled.getFileName()));
            }
        }
    }

    @Test
    void anUnchangedProjectIsTakenFromTheCacheWithTheSameFindings() {
        AnalysisResult first = run(b -> b);
        AnalysisResult second = run(b -> b);

        assertThat(first.findings()).isNotEmpty();
        assertThat(second.findings()).isEqualTo(first.findings());
        assertThat(second.errors()).isEqualTo(first.errors()).isEmpty();
        assertThat(unchanged(first)).isZero();
        assertThat(unchanged(second)).isEqualTo(inputCount()).isPositive();
        // Nothing was parsed or visited the second time.
        assertThat(second.timings().phase(Phase.Kind.PARSE).orElseThrow().time())
                .isZero();
        assertThat(second.timings().rules().values()).allMatch(java.time.Duration::isZero);
    }

    @Test
    void aChangedFileIsAnalysedAgainAndTheOthersAreNot() throws IOException {
        AnalysisResult first = run(b -> b);
        Path spin = sources.resolve("BusyWaitSpinCompiled.java");
        String text = Files.readString(spin, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('}');
        Files.writeString(
                spin,
                text.substring(0, end)
                        + "    private volatile boolean late;\n    void waitLate() {\n        while (!late) {}\n    }\n}\n",
                StandardCharsets.UTF_8);

        AnalysisResult second = run(b -> b);

        assertThat(unchanged(second)).isEqualTo(inputCount() - 1);
        assertThat(second.findings()).hasSize(first.findings().size() + 1).containsAll(first.findings());
        assertThat(second.findings())
                .anySatisfy(f -> assertThat(f.file().getFileName().toString()).isEqualTo("BusyWaitSpinCompiled.java"));
    }

    @Test
    void aChangedClasspathAnalysesEverythingAgain() throws IOException {
        Path library = library("lib", "g/lib/C");
        run(b -> b.addClasspath(List.of(library)));
        assertThat(unchanged(run(b -> b.addClasspath(List.of(library))))).isEqualTo(inputCount());

        // The same jar, rebuilt: another size or time is another library.
        Files.setLastModifiedTime(
                library, FileTime.fromMillis(Files.getLastModifiedTime(library).toMillis() + 5_000));
        assertThat(unchanged(run(b -> b.addClasspath(List.of(library))))).isZero();

        Path other = library("other", "g/other/D");
        assertThat(unchanged(run(b -> b.addClasspath(List.of(library, other))))).isZero();
    }

    @Test
    void aChangedRuleSetOrParameterAnalysesEverythingAgain() {
        AnalysisResult all = run(b -> b);
        assertThat(all.findings()).extracting(Finding::ruleKey).contains("EB101", "EB201");

        AnalysisResult fewer = run(b -> b.excludeRules(Set.of("EB101")));
        assertThat(unchanged(fewer)).isZero();
        assertThat(fewer.findings()).extracting(Finding::ruleKey).doesNotContain("EB101");

        AnalysisResult tuned =
                run(b -> b.excludeRules(Set.of("EB101")).ruleParameter("EB102", "maxPollIntervalMs", "7"));
        assertThat(unchanged(tuned)).isZero();

        assertThat(unchanged(
                        run(b -> b.excludeRules(Set.of("EB101")).ruleParameter("EB102", "maxPollIntervalMs", "7"))))
                .isEqualTo(inputCount());
        assertThat(run(b -> b).findings()).isEqualTo(all.findings());
    }

    @Test
    void aCorruptCacheIsAWarningAndEverythingIsAnalysedAgain() throws IOException {
        AnalysisResult first = run(b -> b);
        Path file = cacheFile();
        byte[] good = Files.readAllBytes(file);
        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 0x5A;
        byte[] garbage = new byte[4_096];
        new java.util.Random(7).nextBytes(garbage);
        byte[] hugeCount = good.clone();
        // The length of the results, right after the header: a length no file could hold must not allocate it.
        int header = 4 + "ecobugs result cache".length() + 4;
        int countAt = header + 4 + readInt(good, header);
        hugeCount[countAt] = 0x7F;

        for (byte[] corrupt :
                List.of(flipped, java.util.Arrays.copyOf(good, good.length / 3), garbage, new byte[0], hugeCount)) {
            Files.write(file, corrupt);
            AnalysisResult again = run(b -> b);
            assertThat(again.findings()).isEqualTo(first.findings());
            assertThat(again.errors()).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(ProcessingError.Kind.UNUSABLE_CACHE);
                assertThat(e.input()).isEqualTo(file.toString());
                assertThat(e.message()).startsWith("Cannot read the result cache (");
                assertThat(e.message()).endsWith("every file was analysed again and the cache rewritten");
            });
            assertThat(unchanged(again)).isZero();
            // Rewritten: the next run uses it.
            AnalysisResult healed = run(b -> b);
            assertThat(healed.errors()).isEmpty();
            assertThat(unchanged(healed)).isEqualTo(inputCount());
        }
    }

    @Test
    void aRunThatChangesNothingKeepsTheFileAndMarksItUsedAndOneThatUsesLessRewritesIt() throws IOException {
        run(b -> b);
        Path file = cacheFile();
        byte[] written = Files.readAllBytes(file);
        Object identity = fileKey(file);
        FileTime longAgo = FileTime.fromMillis(0);
        Files.setLastModifiedTime(file, longAgo);

        assertThat(unchanged(run(b -> b))).isEqualTo(inputCount());
        assertThat(Files.readAllBytes(file)).isEqualTo(written);
        assertThat(Files.getLastModifiedTime(file)).isGreaterThan(longAgo);
        if (identity != null) {
            // Not replaced by a copy: a rewrite moves a new file into place.
            assertThat(fileKey(file)).isEqualTo(identity);
        }

        Files.delete(sources.resolve("BusyWaitSpinCompiled.java"));
        run(b -> b);
        assertThat(Files.size(file)).isLessThan(written.length);
        assertThat(unchanged(run(b -> b))).isEqualTo(inputCount());
    }

    @Test
    void aCacheThatCannotBeWrittenIsAWarningNotAFailure() throws IOException {
        Files.writeString(cache, "a file where the directory should be");
        AnalysisResult result = run(b -> b);
        assertThat(result.findings()).isNotEmpty();
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ProcessingError.Kind.UNUSABLE_CACHE);
            assertThat(e.message()).startsWith("Cannot write the result cache");
        });
    }

    /**
     * The dependency rules judge what the whole project uses. A file taken from the cache still tells what it uses
     * (the cache keeps each file's names), so that a dependency used only by an unchanged file stays used, and one
     * whose last use is removed is reported.
     */
    @Test
    void theDependencyRulesStillSeeWhatUnchangedFilesUse() throws IOException {
        Path app = Files.createDirectories(temp.resolve("app"));
        Path user = app.resolve("Lab.java");
        Path other = app.resolve("Ward.java");
        Files.writeString(user, "package app;\nimport g.used.C;\nclass Lab { C c; }\n");
        Files.writeString(other, "package app;\nclass Ward { int beds; }\n");
        DependencyGraph graph = DependencyGraph.builder(temp.resolve("pom.xml"))
                .add(declared("used", library("used", "g/used/C")))
                .add(declared("unused", library("unused", "g/unused/D")))
                .build();
        UnaryOperator<AnalysisRequest.Builder> project = b -> b.addSourceRoot(app)
                .includeRules(Set.of("EB401"))
                .dependencies(graph)
                .cacheDirectory(cache);

        AnalysisResult uncached = Analysis.run(
                project.apply(AnalysisRequest.builder()).cacheDirectory(null).build());
        assertThat(messages(uncached)).singleElement().asString().contains("g:unused:1");

        AnalysisResult first =
                Analysis.run(project.apply(AnalysisRequest.builder()).build());
        assertThat(dependenciesFromCache(first)).isFalse();
        AnalysisResult second =
                Analysis.run(project.apply(AnalysisRequest.builder()).build());
        assertThat(unchanged(second)).isEqualTo(2);
        assertThat(dependenciesFromCache(second)).isTrue();
        assertThat(second.findings()).isEqualTo(first.findings()).isEqualTo(uncached.findings());

        // Another file changed, but not the names the project uses: the same judgement, from the cache.
        Files.writeString(other, "package app;\nclass Ward { int beds = 2; }\n");
        AnalysisResult otherChanged =
                Analysis.run(project.apply(AnalysisRequest.builder()).build());
        assertThat(unchanged(otherChanged)).isEqualTo(1);
        assertThat(dependenciesFromCache(otherChanged)).isTrue();
        assertThat(otherChanged.findings()).isEqualTo(uncached.findings());

        // A dependency's jar changed: judged again.
        Path usedJar = graph.dependencies().get(0).file();
        Files.setLastModifiedTime(
                usedJar, FileTime.fromMillis(Files.getLastModifiedTime(usedJar).toMillis() + 5_000));
        AnalysisResult jarChanged =
                Analysis.run(project.apply(AnalysisRequest.builder()).build());
        assertThat(dependenciesFromCache(jarChanged)).isFalse();
        assertThat(jarChanged.findings()).isEqualTo(uncached.findings());

        // The last use of a dependency removed: judged again, and now reported.
        Files.writeString(user, "package app;\nclass Lab { Object c; }\n");
        AnalysisResult useRemoved =
                Analysis.run(project.apply(AnalysisRequest.builder()).build());
        assertThat(unchanged(useRemoved)).isEqualTo(1);
        assertThat(dependenciesFromCache(useRemoved)).isFalse();
        assertThat(messages(useRemoved)).hasSize(2).anyMatch(m -> m.contains("g:used:1"));
    }

    private static boolean dependenciesFromCache(AnalysisResult result) {
        return result.timings().phase(Phase.Kind.DEPENDENCIES_FROM_RESULT_CACHE).isPresent();
    }

    private AnalysisResult run(UnaryOperator<AnalysisRequest.Builder> configure) {
        AnalysisRequest.Builder request = AnalysisRequest.builder()
                .addSourceRoot(sources)
                .addClassInput(classes)
                .cacheDirectory(cache)
                .threads(2);
        return Analysis.run(configure.apply(request).build());
    }

    private int inputCount() {
        try (Stream<Path> s = Files.list(sources);
                Stream<Path> c = Files.list(classes)) {
            return (int) (s.count() + c.count());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** How many files the cache answered for, from the phase that says so. */
    private static int unchanged(AnalysisResult result) {
        return result.timings()
                .phase(Phase.Kind.WRITE_RESULT_CACHE)
                .orElseThrow(() -> new AssertionError(
                        "no cache phase in " + result.timings().phases()))
                .count(Phase.Count.UNCHANGED_FILES);
    }

    private Path cacheFile() throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(f -> f.getFileName().toString().startsWith("results-"))
                    .reduce((a, b) -> {
                        throw new AssertionError("two cache files");
                    })
                    .orElseThrow();
        }
    }

    /** What the file system knows the file by (its inode), or null where it has no such thing. */
    private static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class)
                .fileKey();
    }

    private static int readInt(byte[] bytes, int at) {
        return ((bytes[at] & 0xFF) << 24)
                | ((bytes[at + 1] & 0xFF) << 16)
                | ((bytes[at + 2] & 0xFF) << 8)
                | (bytes[at + 3] & 0xFF);
    }

    private static List<String> messages(AnalysisResult result) {
        return result.findings().stream().map(Finding::message).toList();
    }

    private Dependency declared(String name, Path jar) {
        return new Dependency(
                Coordinates.of("g", name, "1"),
                "compile",
                false,
                1,
                Dependency.Origin.DECLARED,
                null,
                Set.of(),
                jar,
                new PomLocation(temp.resolve("pom.xml"), 10, 5));
    }

    /** A jar holding one empty public class. */
    private Path library(String name, String internalName) throws IOException {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, internalName, null, "java/lang/Object", null);
        writer.visitEnd();
        Path jar = temp.resolve(name + ".jar");
        try (OutputStream out = Files.newOutputStream(jar);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(internalName + ".class"));
            zip.write(writer.toByteArray());
            zip.closeEntry();
        }
        return jar;
    }

    @Test
    void keepsTheSecondaryLocationsOfEveryKindOfFinding() {
        Path source = temp.resolve("Orders.java");
        Path pom = temp.resolve("pom.xml");
        org.ecobugs.rules.SecondaryLocation loop = new org.ecobugs.rules.SecondaryLocation(
                Path.of(""), 12, 29, 12, 34, "the loop that runs it once per element");
        ResultCache.SourceFinding inSource = new ResultCache.SourceFinding(
                "EB208", 14, 13, 14, 24, "one request per element", List.of(), 14, 14, List.of(loop));
        ResultCache.ClassFinding inClass = new ResultCache.ClassFinding(
                "EB304",
                "org/x/Orders",
                "Orders.java",
                20,
                "compiled per call",
                List.of(new ResultCache.LineNote(18, "the loop")));
        Finding onPom = new Finding(
                "EB401",
                pom,
                3,
                5,
                0,
                0,
                "unused",
                Finding.Origin.DEPENDENCIES,
                List.of(),
                List.of(new org.ecobugs.rules.SecondaryLocation(source, 4, 0, 0, 0, "the only import of it")));
        ResultCache written = ResultCache.open(cache, "project", "fingerprint");
        written.put("a", new ResultCache.Entry(true, List.of(inSource), List.of(inClass), List.of(), null, 1));
        written.putDependencies("deps", new ResultCache.DependencyEntry(List.of(onPom), List.of(), List.of()));
        written.save();

        ResultCache read = ResultCache.open(cache, "project", "fingerprint");
        ResultCache.Entry entry = read.get("a").orElseThrow();
        Finding sourceFinding =
                ResultCache.toRaw(entry.sourceFindings().get(0), source).finding();
        assertThat(sourceFinding.secondaryLocations())
                .containsExactly(new org.ecobugs.rules.SecondaryLocation(
                        source, 12, 29, 12, 34, "the loop that runs it once per element"));
        assertThat(entry.classFindings().get(0).on(source).secondaryLocations())
                .containsExactly(new org.ecobugs.rules.SecondaryLocation(source, 18, 0, 0, 0, "the loop"));
        assertThat(read.dependencies("deps").orElseThrow().findings()).containsExactly(onPom);
    }
}
