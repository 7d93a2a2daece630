package org.ecobugs.rules.engine.dependencies;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.ecobugs.rules.Analysis;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.Phase;
import org.ecobugs.rules.ProcessingError;
import org.ecobugs.rules.api.DependencyDetector;
import org.ecobugs.rules.deps.Coordinates;
import org.ecobugs.rules.deps.Dependency;
import org.ecobugs.rules.deps.DependencyGraph;
import org.ecobugs.rules.deps.DependencyUsage;
import org.ecobugs.rules.deps.PomLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyAnalysisTest {

    @TempDir
    Path temp;

    @Test
    void aFixRemovesTheDependencyAndWhatOnlyItBringsInButNotWhatOthersRequire() throws IOException {
        // project -> app (used) -> shared ; project -> extra -> only, shared ; project -> pin, also required by app
        Dependency app = direct("app", 100, Set.of());
        Dependency extra = direct("extra", 1_000, Set.of());
        Dependency pin = direct("pin", 10, Set.of("g:app"));
        Dependency only = transitive("only", "g:extra", 20_000, Set.of("g:extra"));
        Dependency shared = transitive("shared", "g:app", 300_000, Set.of("g:app", "g:extra"));
        DependencyUsage usage = usageOf(List.of(app, extra, pin, only, shared));

        Set<Dependency> gone = usage.shippedOnlyThrough(Set.of(extra), Set.of());
        assertThat(gone).containsExactly(extra, only);
        assertThat(usage.bytes(gone)).isEqualTo(1_000 + 20_000);
        assertThat(usage.shippedOnlyThrough(Set.of(pin), Set.of())).isEmpty();
        assertThat(usage.shippedOnlyThrough(Set.of(extra), Set.of(only))).containsExactly(extra);
        assertThat(usage.shippedOnlyThrough(Set.of(shared), Set.of())).containsExactly(shared);
        assertThat(usage.directAncestors(shared)).containsExactly(app, extra);
        assertThat(usage.directAncestors(only)).containsExactly(extra);
    }

    @Test
    void aTestScopedParentDoesNotShipItsChildren() throws IOException {
        Dependency tool = new Dependency(
                Coordinates.of("g", "tool", "1"),
                "test",
                false,
                1,
                Dependency.Origin.DECLARED,
                null,
                Set.of(),
                jar("tool", 10),
                null);
        Dependency lib = direct("lib", 10, Set.of("g:tool"));
        DependencyUsage usage = usageOf(List.of(tool, lib));
        assertThat(usage.shippedOnlyThrough(Set.of(lib), Set.of())).containsExactly(lib);
    }

    @Test
    void aCorruptJarIsAProcessingErrorAndTheOthersAreStillJudged() throws IOException {
        Path corrupt = temp.resolve("corrupt.jar");
        Files.writeString(corrupt, "not a zip");
        Dependency broken = new Dependency(
                Coordinates.of("g", "broken", "1"),
                "compile",
                false,
                1,
                Dependency.Origin.DECLARED,
                null,
                Set.of(),
                corrupt,
                new PomLocation(temp.resolve("pom.xml"), 3, 5));
        Dependency fine = direct("fine", 10, Set.of());
        AnalysisResult result = Analysis.run(AnalysisRequest.builder()
                .includeRules(Set.of("EB401"))
                .dependencies(graph(List.of(broken, fine)))
                .build());
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ProcessingError.Kind.CORRUPT_CLASS);
            assertThat(e.message()).startsWith("Cannot read the dependency g:broken:1");
        });
        assertThat(result.findings()).extracting(f -> f.message()).anyMatch(m -> m.contains("g:fine:1"));
        assertThat(result.timings().phase(Phase.Kind.ANALYSE_DEPENDENCIES)).isPresent();
    }

    @Test
    void codeInExcludedPathsStillKeepsTheDependenciesItUsesUsed() throws IOException {
        Path generated = Files.createDirectories(temp.resolve("src/generated/lab"));
        Files.writeString(
                generated.resolve("Client.java"), "package lab;\nimport g.used.C;\nclass Client {\n    C c;\n}\n");
        Dependency used = direct("used", 10, Set.of());
        Dependency unused = direct("unused", 10, Set.of());
        AnalysisResult result = Analysis.run(AnalysisRequest.builder()
                .addSourceRoot(temp.resolve("src"))
                .includeRules(Set.of("EB401"))
                .dependencies(graph(List.of(used, unused)))
                .excludePaths(new org.ecobugs.rules.PathExclusions(temp, List.of("src/generated/")))
                .build());
        assertThat(result.findings())
                .extracting(f -> f.message())
                .anyMatch(m -> m.contains("g:unused:1"))
                .noneMatch(m -> m.contains("g:used:1"));
    }

    @Test
    void withoutDependencyFactsTheDependencyRulesRunAndFindNothing() {
        AnalysisResult result = Analysis.run(
                AnalysisRequest.builder().includeRules(Set.of("EB401", "EB402")).build());
        assertThat(result.rulesRun()).containsExactly("EB401", "EB402");
        assertThat(result.findings()).isEmpty();
        assertThat(result.timings().rules()).containsOnlyKeys("EB401", "EB402");
    }

    @Test
    void theFingerprintChangesWithTheNamesUsedButNotWithWhereEachWasFirstSeen() throws IOException {
        DependencyGraph graph = graph(List.of(direct("lib", 10, Set.of())));
        DependencyAnalysis one = new DependencyAnalysis(graph, Map.of());
        one.recorder().sourceImports(temp.resolve("A.java"), "import g.lib.C;\n");
        DependencyAnalysis other = new DependencyAnalysis(graph, Map.of());
        other.recorder().sourceImports(temp.resolve("B.java"), "import g.lib.C;\n");

        assertThat(other.fingerprint()).isEqualTo(one.fingerprint());
        assertThat(one.fingerprint().files()).containsExactly(temp.resolve("pom.xml"), temp.resolve("lib.jar"));

        other.recorder().sourceImports(temp.resolve("B.java"), "import g.lib.D;\n");
        assertThat(other.fingerprint().facts()).isNotEqualTo(one.fingerprint().facts());
    }

    @Test
    void readsConfigurationKeysOfYamlFiles() {
        assertThat(ResourceScan.yamlKeys(
                        "# comment\nspring:\n  datasource:\n    url: jdbc:x\n  jpa:\n    open-in-view: false\nserver:\n"
                                + "  port: 8080\n"))
                .containsExactly(
                        "spring",
                        "spring.datasource",
                        "spring.datasource.url",
                        "spring.jpa",
                        "spring.jpa.open-in-view",
                        "server",
                        "server.port");
    }

    @Test
    void findsClassNamesInDescriptorsAndSignatures() {
        Set<String> types = new LinkedHashSet<>();
        LibraryClass.descriptorTypes(
                "(ILjava/util/Map<Ljava/lang/String;Lorg/x/Outer$Inner;>;[Lorg/y/Z;)Lcom/a/B;", types);
        assertThat(types)
                .containsExactly("java/util/Map", "java/lang/String", "org/x/Outer$Inner", "org/y/Z", "com/a/B");
    }

    @Test
    void recognisesStringsShapedLikeClassNames() {
        assertThat(ClassNames.looksLikeClassName("org.postgresql.Driver")).isTrue();
        assertThat(ClassNames.looksLikeClassName("a.b.Outer$Inner")).isTrue();
        assertThat(ClassNames.looksLikeClassName("Driver")).isFalse();
        assertThat(ClassNames.looksLikeClassName("jdbc:postgresql://db/x")).isFalse();
        assertThat(ClassNames.looksLikeClassName("a..b")).isFalse();
        assertThat(ClassNames.looksLikeClassName("org.x.")).isFalse();
    }

    /** What a dependency rule is handed. */
    private DependencyUsage usageOf(List<Dependency> dependencies) {
        List<DependencyUsage> seen = new ArrayList<>();
        DependencyDetector capture = (usage, context) -> seen.add(usage);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            new DependencyAnalysis(graph(dependencies), Map.of("EB000", capture)).run(pool);
        } finally {
            pool.shutdownNow();
        }
        return seen.get(0);
    }

    private DependencyGraph graph(List<Dependency> dependencies) {
        DependencyGraph.Builder graph = DependencyGraph.builder(temp.resolve("pom.xml"));
        dependencies.forEach(graph::add);
        return graph.build();
    }

    private Dependency direct(String name, int bytes, Set<String> requiredBy) throws IOException {
        return new Dependency(
                Coordinates.of("g", name, "1"),
                "compile",
                false,
                1,
                Dependency.Origin.DECLARED,
                null,
                requiredBy,
                jar(name, bytes),
                new PomLocation(temp.resolve("pom.xml"), 10, 5));
    }

    private Dependency transitive(String name, String via, int bytes, Set<String> requiredBy) throws IOException {
        return new Dependency(
                Coordinates.of("g", name, "1"),
                "compile",
                false,
                2,
                Dependency.Origin.TRANSITIVE,
                via,
                requiredBy,
                jar(name, bytes),
                null);
    }

    /** A jar of exactly {@code bytes} bytes holding one class, {@code g/<name>/C}. */
    private Path jar(String name, int bytes) throws IOException {
        Path jar = temp.resolve(name + ".jar");
        try (OutputStream out = Files.newOutputStream(jar);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("g/" + name + "/C.class"));
            zip.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
            zip.closeEntry();
        }
        long size = Files.size(jar);
        if (size < bytes) {
            // Zip readers ignore bytes after the end record's comment only if they are part of it; pad the comment.
            rewriteWithComment(jar, name, (int) (bytes - size));
        }
        return jar;
    }

    private static void rewriteWithComment(Path jar, String name, int extra) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setComment("x".repeat(Math.min(extra, 65_535)));
            zip.putNextEntry(new ZipEntry("g/" + name + "/C.class"));
            zip.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
            zip.closeEntry();
            int left = extra - 65_535;
            if (left > 0) {
                ZipEntry padding = new ZipEntry("pad.bin");
                padding.setMethod(ZipEntry.STORED);
                byte[] data = new byte[left];
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(data);
                padding.setSize(left);
                padding.setCrc(crc.getValue());
                zip.putNextEntry(padding);
                zip.write(data);
                zip.closeEntry();
            }
        }
    }
}
