package org.ecobugs.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.ecobugs.rules.Analysis;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.ProcessingError;
import org.ecobugs.rules.engine.limits.InputLimits;
import org.ecobugs.rules.meta.RuleCatalog;
import org.ecobugs.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs past the limits on what one file or archive entry may cost: each is named in a processing error that says
 * which limit, and everything else, in the same archive or beside it, is analysed as if it were not there.
 */
class OversizedInputTest {

    private static final int KIB = 1024;
    private static final int MIB = 1024 * KIB;

    private static final String BEFORE = "eb101/BusyWaitSpinCompiled";
    private static final String AFTER = "eb303/UninterruptibleInfiniteLoopCompiled";
    private static final String BESIDE = "eb201/PrettyPrintedPayloadCompiled";

    @TempDir
    Path temp;

    @Test
    void aZipBombClassIsSkippedAndTheRestOfItsArchiveAndTheFilesBesideItAreAnalysed() throws IOException {
        Map<String, Content> entries = new LinkedHashMap<>(classesOf(BEFORE));
        // 64 MiB of zeros deflate to about 64 kB: far past the 8 MiB a class may hold.
        entries.put("bomb/Zeros.class", Content.zeros(64 * MIB));
        entries.putAll(classesOf(AFTER));
        Path jar = jar("bomb.jar", entries);
        Path beside = Files.createDirectories(temp.resolve("classes"));
        for (Path compiled : Fixtures.classes(BESIDE + ".java")) {
            Files.copy(compiled, beside.resolve(compiled.getFileName().toString()));
        }

        AnalysisResult result = Analysis.run(AnalysisRequest.builder()
                .addClassInput(jar)
                .addClassInput(beside)
                .build());

        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.input()).isEqualTo(jar + "!/bomb/Zeros.class");
            assertThat(error.kind()).isEqualTo(ProcessingError.Kind.CORRUPT_CLASS);
            assertThat(error.message())
                    .isEqualTo("Not analysed: it inflates to more than 8 MiB, the limit for one class file; the other"
                            + " entries of the archive were analysed");
        });
        assertThat(result.findings()).extracting(OversizedInputTest::fileName).contains(BEFORE, AFTER, BESIDE);
        assertThat(result.classFiles())
                .isEqualTo(Fixtures.classes(BEFORE + ".java").size()
                        + Fixtures.classes(AFTER + ".java").size()
                        + Fixtures.classes(BESIDE + ".java").size());
    }

    @Test
    void theSizeAnEntryDeclaresIsNotTrustedEitherWay() throws IOException {
        Map<String, Content> entries = new LinkedHashMap<>();
        entries.put("bomb/Small.class", Content.zeros(16 * MIB).declaring(1 * KIB));
        entries.put(
                entryOf(AFTER), Content.of(Files.readAllBytes(classFile(AFTER))).declaring(100 * MIB));
        Path jar = jar("lying.jar", entries);

        AnalysisResult result =
                Analysis.run(AnalysisRequest.builder().addClassInput(jar).build());

        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.input()).isEqualTo(jar + "!/bomb/Small.class");
            assertThat(error.message()).contains("more than 8 MiB, the limit for one class file");
        });
        assertThat(result.findings()).extracting(OversizedInputTest::fileName).contains(AFTER);
    }

    @Test
    void anArchivePastItsWholeLimitStopsThereAndSaysSo() throws IOException {
        Map<String, Content> entries = new LinkedHashMap<>(classesOf(BEFORE));
        entries.put("padding/A.class", Content.zeros(100 * KIB));
        entries.put("padding/B.class", Content.zeros(100 * KIB));
        entries.putAll(classesOf(AFTER));
        Path jar = jar("large.jar", entries);
        // Each padding entry is within the class limit; the second one is past what is left of the archive's.
        int classes = 0;
        for (Path compiled : Fixtures.classes(BEFORE + ".java")) {
            classes += (int) Files.size(compiled);
        }
        int archiveKib = classes / KIB + 1 + 150;
        InputLimits limits = new InputLimits(128 * KIB, archiveKib * KIB, KIB);

        AnalysisResult result = new Engine(RuleCatalog.builtIn(), limits)
                .run(AnalysisRequest.builder().addClassInput(jar).build());

        assertThat(result.errors())
                .filteredOn(error -> error.message().contains("limit"))
                .singleElement()
                .satisfies(error -> {
                    assertThat(error.input()).isEqualTo(jar + "!/padding/B.class");
                    assertThat(error.message())
                            .isEqualTo("Not analysed, nor the entries after it: the archive inflates to more than "
                                    + archiveKib + " KiB in all here, the limit for one archive; the entries before"
                                    + " it were analysed");
                });
        assertThat(result.findings())
                .extracting(OversizedInputTest::fileName)
                .contains(BEFORE)
                .doesNotContain(AFTER);
    }

    @Test
    void aLooseClassFilePastTheClassLimitIsNotRead() throws IOException {
        Path classes = Files.createDirectories(temp.resolve("classes"));
        Files.write(classes.resolve("Huge.class"), new byte[64 * KIB + 1]);
        for (Path compiled : Fixtures.classes(BESIDE + ".java")) {
            Files.copy(compiled, classes.resolve(compiled.getFileName().toString()));
        }

        AnalysisResult result = new Engine(RuleCatalog.builtIn(), new InputLimits(64 * KIB, MIB, KIB))
                .run(AnalysisRequest.builder().addClassInput(classes).build());

        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.input()).isEqualTo(classes.resolve("Huge.class").toString());
            assertThat(error.message())
                    .isEqualTo("Not analysed: 65537 bytes, over the limit of 64 KiB for one class file");
        });
        assertThat(result.findings()).extracting(OversizedInputTest::fileName).contains(BESIDE);
    }

    @Test
    void aSourceFilePastTheConfiguredLimitIsSkippedWithTheOptionsThatRaiseIt() throws IOException {
        Path sources = Files.createDirectories(temp.resolve("src"));
        Path generated = sources.resolve("Generated.java");
        Files.writeString(generated, generatedClass(20 * KIB));
        long size = Files.size(generated);
        Path fixture = Files.copy(Fixtures.source("eb101/BusyWaitSpin.java"), sources.resolve("BusyWaitSpin.java"));
        assertThat(Files.size(fixture)).isLessThan(size - 1);

        AnalysisResult result = Analysis.run(AnalysisRequest.builder()
                .addSourceRoot(sources)
                .maxSourceFileBytes(size - 1)
                .build());

        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.input()).isEqualTo(generated.toString());
            assertThat(error.kind()).isEqualTo(ProcessingError.Kind.UNPARSABLE_SOURCE);
            assertThat(error.message())
                    .isEqualTo("Not analysed: " + size + " bytes, over the limit of " + (size - 1)
                            + " bytes for one source file (generated code, most likely; raise the limit with"
                            + " --max-source-file-bytes on the command line or the Maven property"
                            + " ecobugs.maxSourceFileBytes)");
        });
        assertThat(result.findings()).extracting(Finding::file).contains(fixture);
        assertThat(result.sourceFiles()).isEqualTo(2);
    }

    @Test
    void byDefaultASourceFileOfMoreThanFiveMebibytesIsSkippedAndOneOfFiveIsRead() throws IOException {
        Path sources = Files.createDirectories(temp.resolve("src"));
        Path over = sources.resolve("Over.java");
        Files.writeString(over, generatedClass(5 * MIB + 1));
        // Constants only: no rule looks for anything there, so it is read and screened, never parsed.
        Files.writeString(sources.resolve("At.java"), generatedClass(5 * MIB));

        AnalysisResult result =
                Analysis.run(AnalysisRequest.builder().addSourceRoot(sources).build());

        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.input()).isEqualTo(over.toString());
            assertThat(error.message()).startsWith("Not analysed: 5242881 bytes, over the limit of 5 MiB for one");
        });
    }

    /** What an entry holds, and the uncompressed size its archive's directory declares when that is a lie. */
    private record Content(byte[] bytes, int zeros, Integer declared) {
        static Content of(byte[] bytes) {
            return new Content(bytes, 0, null);
        }

        static Content zeros(int count) {
            return new Content(null, count, null);
        }

        Content declaring(int size) {
            return new Content(bytes, zeros, size);
        }
    }

    private Path jar(String name, Map<String, Content> entries) throws IOException {
        Path jar = temp.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_SPEED);
            byte[] block = new byte[64 * KIB];
            for (Map.Entry<String, Content> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                Content content = entry.getValue();
                if (content.bytes() != null) {
                    zip.write(content.bytes());
                }
                for (int left = content.zeros(); left > 0; left -= block.length) {
                    zip.write(block, 0, Math.min(left, block.length));
                }
                zip.closeEntry();
            }
        }
        for (Map.Entry<String, Content> entry : entries.entrySet()) {
            if (entry.getValue().declared() != null) {
                declare(jar, entry.getKey(), entry.getValue().declared());
            }
        }
        return jar;
    }

    /** Rewrites the uncompressed size that the archive's central directory, which readers go by, gives an entry. */
    private static void declare(Path jar, String entry, int size) throws IOException {
        byte[] zip = Files.readAllBytes(jar);
        byte[] name = entry.getBytes(StandardCharsets.UTF_8);
        ByteBuffer fields = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = zip.length - 46 - name.length; at >= 0; at--) {
            if (fields.getInt(at) == 0x02014b50
                    && fields.getShort(at + 28) == name.length
                    && Arrays.equals(zip, at + 46, at + 46 + name.length, name, 0, name.length)) {
                fields.putInt(at + 24, size);
                Files.write(jar, zip);
                return;
            }
        }
        throw new AssertionError("No central directory record for " + entry);
    }

    /** A class with enough constants to take {@code bytes} of source, to the byte. */
    private static String generatedClass(int bytes) {
        String head = "package generated;\n\nclass Generated {\n";
        String tail = "}\n";
        StringBuilder text = new StringBuilder(bytes).append(head);
        for (int i = 0; text.length() + tail.length() < bytes - 100; i++) {
            text.append("    static final int CONSTANT_")
                    .append(i)
                    .append(" = ")
                    .append(i)
                    .append(";\n");
        }
        text.append("    //");
        while (text.length() + tail.length() < bytes - 1) {
            text.append('x');
        }
        return text.append('\n').append(tail).toString();
    }

    private static String entryOf(String fixture) {
        return "org/ecobugs/fixtures/" + fixture + ".class";
    }

    private static Path classFile(String fixture) {
        return Fixtures.classes(fixture + ".java").get(0);
    }

    /** The entries of a fixture's classes, nested ones included, where a jar of the fixtures would hold them. */
    private static Map<String, Content> classesOf(String fixture) throws IOException {
        Map<String, Content> entries = new LinkedHashMap<>();
        String directory = "org/ecobugs/fixtures/" + fixture.substring(0, fixture.indexOf('/') + 1);
        for (Path compiled : Fixtures.classes(fixture + ".java")) {
            entries.put(directory + compiled.getFileName(), Content.of(Files.readAllBytes(compiled)));
        }
        return entries;
    }

    /** The fixture a bytecode finding is in: its file without the package root and extension. */
    private static String fileName(Finding finding) {
        String file = finding.file().toString().replace('\\', '/');
        return file.substring("org/ecobugs/fixtures/".length(), file.length() - ".java".length());
    }
}
