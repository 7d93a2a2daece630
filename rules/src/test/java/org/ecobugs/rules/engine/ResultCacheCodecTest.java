package org.ecobugs.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.Fix;
import org.ecobugs.rules.ProcessingError;
import org.ecobugs.rules.SecondaryLocation;
import org.junit.jupiter.api.Test;

/** The cache file keeps every field of every record, and tells a damaged file from one that does not apply. */
class ResultCacheCodecTest {

    private static final String FINGERPRINT = "fingerprint of the configuration";

    @Test
    void keepsEveryFieldOfEveryRecord() throws IOException {
        ResultCacheCodec.Contents contents = everything();

        byte[] bytes = ResultCacheCodec.encode(FINGERPRINT, contents);

        assertThat(ResultCacheCodec.decode(bytes, FINGERPRINT)).contains(contents);
    }

    @Test
    void keepsTheOrderOfTheNamesAFileUsesAndTellsNoneFromNotCollected() throws IOException {
        Set<String> names = new LinkedHashSet<>(List.of("z.Last", "a.First", "m.Middle"));
        ResultCacheCodec.Contents contents = new ResultCacheCodec.Contents(
                List.of(
                        new ResultCacheCodec.FileEntry("uses some", entry(names)),
                        new ResultCacheCodec.FileEntry("uses none", entry(Set.of())),
                        new ResultCacheCodec.FileEntry("not collected", entry(null))),
                null);

        List<ResultCacheCodec.FileEntry> read = ResultCacheCodec.decode(
                        ResultCacheCodec.encode(FINGERPRINT, contents), FINGERPRINT)
                .orElseThrow()
                .files();

        assertThat(read)
                .extracting(ResultCacheCodec.FileEntry::key)
                .containsExactly("uses some", "uses none", "not collected");
        assertThat(read.get(0).entry().names()).containsExactly("z.Last", "a.First", "m.Middle");
        assertThat(read.get(1).entry().names()).isNotNull().isEmpty();
        assertThat(read.get(2).entry().names()).isNull();
    }

    @Test
    void aCacheOfAnotherConfigurationOrFormatVersionDoesNotApply() throws IOException {
        byte[] bytes = ResultCacheCodec.encode(FINGERPRINT, everything());
        assertThat(ResultCacheCodec.decode(bytes, "another configuration")).isEmpty();

        // The version follows the magic string's length and bytes.
        int version = Integer.BYTES + "ecobugs result cache".length();
        for (int other : List.of(ResultCacheCodec.FORMAT - 1, ResultCacheCodec.FORMAT + 1)) {
            byte[] otherVersion = bytes.clone();
            ByteBuffer.wrap(otherVersion).putInt(version, other);
            assertThat(ResultCacheCodec.decode(otherVersion, FINGERPRINT)).isEmpty();
        }
    }

    @Test
    void aDamagedFingerprintIsCaughtByTheChecksumRatherThanTakenForAnotherConfiguration() throws IOException {
        byte[] bytes = ResultCacheCodec.encode(FINGERPRINT, everything());
        int fingerprintAt = indexOf(bytes, FINGERPRINT.getBytes(StandardCharsets.UTF_8));
        bytes[fingerprintAt] ^= 0x20;

        assertThatThrownBy(() -> ResultCacheCodec.decode(bytes, FINGERPRINT))
                .isInstanceOf(IOException.class)
                .hasMessage("checksum mismatch");
    }

    @Test
    void resultsThatAreNotTheRecordsAreAnErrorEvenUnderAValidChecksum() throws IOException {
        String unknownField = "{\"files\":[],\"extra\":1}";
        for (byte[] results : List.of(
                unknownField.getBytes(StandardCharsets.UTF_8),
                deflated(unknownField),
                deflated("{\"files\":[]} {}"),
                deflated("{\"files\":[{\"key\":\"a\",\"entry\":{\"classes\":\"many\"}}]}"),
                deflated("{\"files\":[{\"key\":\"a\",\"entry\":{\"errors\":[{\"kind\":\"GONE\"}]}}]}"))) {
            byte[] bytes = withChecksum(frame(results));

            assertThatThrownBy(() -> ResultCacheCodec.decode(bytes, FINGERPRINT))
                    .isInstanceOf(IOException.class);
        }
        assertThat(ResultCacheCodec.decode(withChecksum(frame(deflated("{\"files\":[]}"))), FINGERPRINT))
                .contains(new ResultCacheCodec.Contents(List.of(), null));
    }

    @Test
    void aLengthBeyondTheFileIsAnErrorWithoutAllocatingIt() {
        ByteBuffer frame = ByteBuffer.wrap(frame(new byte[0]));
        frame.putInt(frame.capacity() - Integer.BYTES, Integer.MAX_VALUE);
        byte[] bytes = withChecksum(frame.array());

        assertThatThrownBy(() -> ResultCacheCodec.decode(bytes, FINGERPRINT))
                .isInstanceOf(IOException.class)
                .hasMessage("corrupt length " + Integer.MAX_VALUE);
    }

    /** A file up to the results' length and bytes, as the codec lays it out. */
    private static byte[] frame(byte[] results) {
        byte[] magic = "ecobugs result cache".getBytes(StandardCharsets.UTF_8);
        byte[] fingerprint = FINGERPRINT.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(4 * Integer.BYTES + magic.length + fingerprint.length + results.length);
        out.putInt(magic.length).put(magic).putInt(ResultCacheCodec.FORMAT);
        out.putInt(fingerprint.length).put(fingerprint);
        out.putInt(results.length).put(results);
        return out.array();
    }

    private static byte[] deflated(String json) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream deflater = new java.util.zip.DeflaterOutputStream(out)) {
            deflater.write(json.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static byte[] withChecksum(byte[] frame) {
        CRC32 crc = new CRC32();
        crc.update(frame);
        return ByteBuffer.allocate(frame.length + Long.BYTES)
                .put(frame)
                .putLong(crc.getValue())
                .array();
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    private static ResultCache.Entry entry(Set<String> names) {
        return new ResultCache.Entry(true, List.of(), List.of(), List.of(), names, 0);
    }

    /** Every record with every field set, nullable ones both null and not, lists both empty and not. */
    private static ResultCacheCodec.Contents everything() {
        Path pom = Path.of("module", "pom.xml");
        Fix fix = new Fix("Write compact JSON", List.of(new Fix.Edit(3, 9, 3, 30, ""), new Fix.Edit(4, 1, 3, 80, "x")));
        ResultCache.SourceFinding withAll = new ResultCache.SourceFinding(
                "EB201",
                3,
                9,
                3,
                40,
                "pretty-printed",
                List.of(fix),
                2,
                5,
                List.of(new SecondaryLocation(Path.of(""), 7, 2, 7, 12, "the loop")));
        ResultCache.SourceFinding bare =
                new ResultCache.SourceFinding("EB101", 1, 0, 0, 0, "spins", List.of(), 1, 1, List.of());
        ResultCache.ClassFinding compiled = new ResultCache.ClassFinding(
                "EB304", "org/x/Orders", "Orders.java", 20, "per call", List.of(new ResultCache.LineNote(18, "here")));
        ResultCache.ClassFinding withoutSource =
                new ResultCache.ClassFinding("EB304", "org/x/Gen", null, 1, "per call", List.of());
        ResultCache.CachedError ruleFailure = new ResultCache.CachedError(
                "!/org/x/Weird.class", "EB101", ProcessingError.Kind.RULE_FAILURE, "Rule failed: boom");
        ResultCache.CachedError elsewhere =
                new ResultCache.CachedError("\u0000/other", null, ProcessingError.Kind.CORRUPT_CLASS, "cut short");
        Finding onPom = new Finding(
                "EB401",
                pom,
                12,
                5,
                14,
                18,
                "unused",
                Finding.Origin.DEPENDENCIES,
                List.of(fix),
                List.of(new SecondaryLocation(Path.of("src", "A.java"), 4, 0, 0, 0, "the only import")));
        Finding suppressed = new Finding("EB402", pom, 20, 0, 0, 0, "test only", Finding.Origin.DEPENDENCIES);
        return new ResultCacheCodec.Contents(
                List.of(
                        new ResultCacheCodec.FileEntry(
                                "src/A.java\u0000hash-a",
                                new ResultCache.Entry(
                                        true,
                                        List.of(withAll, bare),
                                        List.of(),
                                        List.of(elsewhere),
                                        new LinkedHashSet<>(List.of("a.b.C", "d.E")),
                                        0)),
                        new ResultCacheCodec.FileEntry(
                                "lib.jar\u0000hash-b",
                                new ResultCache.Entry(
                                        false,
                                        List.of(),
                                        List.of(compiled, withoutSource),
                                        List.of(ruleFailure),
                                        null,
                                        7))),
                new ResultCacheCodec.Dependencies(
                        "dependencies key",
                        new ResultCache.DependencyEntry(
                                List.of(onPom),
                                List.of(suppressed),
                                List.of(new ProcessingError(
                                        "lib.jar", null, ProcessingError.Kind.UNREADABLE_INPUT, "gone")))));
    }
}
