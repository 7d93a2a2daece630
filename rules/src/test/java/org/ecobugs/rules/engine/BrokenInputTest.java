package org.ecobugs.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.ecobugs.rules.Analysis;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.ProcessingError;
import org.ecobugs.rules.ProcessingError.Kind;
import org.ecobugs.rules.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every rule over a corpus of broken inputs, beside valid ones: no exception escapes, each broken input is named in
 * a processing error of the right kind, and the valid inputs are still fully analysed.
 */
class BrokenInputTest {

    private static final String VALID_CLASS = "eb101/BusyWaitSpinCompiled";

    @TempDir
    Path corpus;

    private Path sources;
    private Path classes;

    @BeforeEach
    void buildCorpus() throws IOException {
        sources = Files.createDirectories(corpus.resolve("src"));
        classes = Files.createDirectories(corpus.resolve("classes"));
        for (String name : List.of("Unparsable.java", "ModernSyntax.java", "Empty.java")) {
            try (InputStream in = BrokenInputTest.class.getResourceAsStream("/broken/" + name)) {
                Files.copy(in, sources.resolve(name));
            }
        }
        String latin1 = "package broken;\n/** Résultats de laboratoire, encodés en ISO-8859-1. */\nclass Latin1 {\n"
                + "    private volatile boolean prêt;\n    void attendre() {\n        while (!prêt) Thread.onSpinWait();\n"
                + "    }\n}\n";
        Files.write(sources.resolve("Latin1.java"), latin1.getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(sources.resolve("Deep.java"), deeplyNested(3_000));
        // Saved by editors that write a byte-order mark: read in the encoding the mark declares.
        String spin = "package broken;\nclass %s {\n    private volatile boolean ready;\n"
                + "    void await() {\n        while (!ready) Thread.onSpinWait();\n    }\n}\n";
        Files.write(
                sources.resolve("Utf16.java"),
                concat(
                        new byte[] {(byte) 0xFF, (byte) 0xFE},
                        spin.formatted("Utf16").getBytes(StandardCharsets.UTF_16LE)));
        Files.write(
                sources.resolve("Utf8Bom.java"),
                concat(
                        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                        spin.formatted("Utf8Bom").getBytes(StandardCharsets.UTF_8)));

        byte[] valid =
                Files.readAllBytes(Fixtures.classes(VALID_CLASS + ".java").get(0));
        Files.write(classes.resolve("Truncated.class"), Arrays.copyOf(valid, valid.length / 2));
        byte[] garbage = new byte[512];
        new java.util.Random(42).nextBytes(garbage);
        Files.write(classes.resolve("Garbage.class"), garbage);
        Files.write(classes.resolve("Empty.class"), new byte[0]);
        Files.writeString(classes.resolve("not-a-zip.jar"), "this is not an archive");
        try (OutputStream out = Files.newOutputStream(classes.resolve("mixed.jar"));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(
                    "org/ecobugs/fixtures/" + VALID_CLASS.substring(VALID_CLASS.indexOf('/') + 1) + ".class"));
            zip.write(valid);
            zip.putNextEntry(new ZipEntry("broken/Corrupt.class"));
            zip.write(garbage);
            zip.closeEntry();
        }
    }

    @Test
    void brokenInputsAreNamedAndNothingElseIsLost() {
        AnalysisResult result = Analysis.run(AnalysisRequest.builder()
                .addSourceRoot(sources)
                .addSourceRoot(Fixtures.moduleDir().resolve("src/main/java"))
                .addClassInput(classes)
                .addClassInput(Fixtures.moduleDir().resolve("target/classes"))
                .addSourceRoot(corpus.resolve("does-not-exist"))
                .build());

        Map<String, Kind> errors = result.errors().stream()
                .filter(e -> e.ruleKey() == null)
                .collect(Collectors.toMap(e -> shortName(e.input()), ProcessingError::kind, (a, b) -> a));
        assertThat(errors)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "Unparsable.java", Kind.UNPARSABLE_SOURCE,
                        "Latin1.java", Kind.MALFORMED_ENCODING,
                        "Truncated.class", Kind.CORRUPT_CLASS,
                        "Garbage.class", Kind.CORRUPT_CLASS,
                        "Empty.class", Kind.CORRUPT_CLASS,
                        "not-a-zip.jar", Kind.CORRUPT_CLASS,
                        "mixed.jar!/broken/Corrupt.class", Kind.CORRUPT_CLASS,
                        "does-not-exist", Kind.UNREADABLE_INPUT));
        assertThat(result.errors()).noneMatch(e -> e.kind() == Kind.RULE_FAILURE);
        assertThat(result.errors())
                .filteredOn(e -> e.input().endsWith("Unparsable.java"))
                .singleElement()
                .satisfies(e -> assertThat(e.message()).startsWith("Cannot parse: line 4, column"));

        // The file with the wrong encoding is still analysed, with replacement characters.
        assertThat(result.findings()).anySatisfy(f -> {
            assertThat(f.file().getFileName().toString()).isEqualTo("Latin1.java");
            assertThat(f.ruleKey()).isEqualTo("EB101");
        });
        for (String marked : List.of("Utf16.java", "Utf8Bom.java")) {
            assertThat(result.findings())
                    .filteredOn(f -> f.file().endsWith(marked))
                    .extracting(Finding::ruleKey)
                    .as(marked)
                    .containsExactly("EB101");
        }
        // Modern syntax parses at the default language level, and is analysed.
        assertThat(result.findings())
                .filteredOn(f -> f.file().endsWith("ModernSyntax.java"))
                .extracting(Finding::ruleKey)
                .containsExactly("EB101");
        // The deep file parsed: no error names it.
        assertThat(result.errors()).noneMatch(e -> e.input().endsWith("Deep.java"));
        // Every fixture is still analysed as if the corpus were not there.
        AnalysisResult fixturesAlone = Analysis.run(AnalysisRequest.builder()
                .addSourceRoot(Fixtures.moduleDir().resolve("src/main/java"))
                .addClassInput(Fixtures.moduleDir().resolve("target/classes"))
                .build());
        Function<AnalysisResult, List<Finding>> underFixtures = r -> r.findings().stream()
                .filter(f -> f.file().startsWith(Fixtures.moduleDir()))
                .toList();
        assertThat(underFixtures.apply(result)).isNotEmpty().isEqualTo(underFixtures.apply(fixturesAlone));
    }

    @Test
    void aSourceNewerThanTheConfiguredLanguageLevelIsStillAnalysed() {
        // The language level's validators do not run (see JavaParsers): code that compiled is analysed as it is.
        AnalysisResult result = Analysis.run(AnalysisRequest.builder()
                .addSourceRoot(sources.resolve("ModernSyntax.java"))
                .javaVersion(17)
                .build());
        assertThat(result.errors()).isEmpty();
        assertThat(result.sourceFiles()).isEqualTo(1);
    }

    private static String shortName(String input) {
        int jar = input.indexOf(".jar!/");
        if (jar >= 0) {
            String archive = input.substring(0, jar + 4);
            return Path.of(archive).getFileName() + input.substring(jar + 4);
        }
        return Path.of(input).getFileName().toString();
    }

    /** A method whose expression nests {@code depth} parentheses and as many additions. */
    private static String deeplyNested(int depth) {
        StringBuilder expression = new StringBuilder();
        expression.append("(".repeat(depth)).append('1');
        for (int i = 0; i < depth; i++) {
            expression.append(" + ").append(i).append(')');
        }
        return "package broken;\nclass Deep {\n    int value() {\n        return " + expression + ";\n    }\n}\n";
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
