package org.ecobugs.rules.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The bytes of a result cache file: the magic string and the format version, the fingerprint of the configuration, the
 * cached results as deflated JSON, and a CRC-32 of all that precedes it.
 *
 * <p>The magic string and the version come first and keep their encoding in every version, so that any version tells
 * a cache of another version, which it ignores, from a damaged file, which it reports. Lengths are checked against what
 * the file holds before anything is allocated, and the checksum before the results are parsed.
 *
 * <p>The results are the cache's records as {@link JsonRecords} writes them, by their components, so that a new
 * component needs no code here, only a new {@link #FORMAT}. JSON repeats each field's name, which deflating folds
 * away: the file is a quarter to a third of the size fixed-width binary fields took.
 */
final class ResultCacheCodec {

    static final int FORMAT = 7;
    /** The largest file read whole: a byte array can hold no more. */
    static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 16;

    private static final String MAGIC = "ecobugs result cache";
    private static final int CHECKSUM_BYTES = Long.BYTES;

    /**
     * What a cache file holds for one configuration.
     *
     * @param files each file's entry with its key; a list rather than a JSON object by key, since a parser takes
     *     several times longer over as many long, unique field names, which it sets out to reuse
     * @param dependencies the dependency analysis's result, or null when it did not run
     */
    record Contents(List<FileEntry> files, Dependencies dependencies) {}

    /** A file's entry, with its key. */
    record FileEntry(String key, ResultCache.Entry entry) {}

    /** The dependency analysis's result, with the key of the facts it judged. */
    record Dependencies(String key, ResultCache.DependencyEntry entry) {}

    private ResultCacheCodec() {}

    static byte[] encode(String fingerprint, Contents contents) throws IOException {
        ByteArrayOutputStream results = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (OutputStream out = new DeflaterOutputStream(results, deflater)) {
            JsonRecords.write(out, contents);
        } finally {
            deflater.end();
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream(results.size() + fingerprint.length() + 64);
        DataOutputStream out = new DataOutputStream(file);
        writeString(out, MAGIC);
        out.writeInt(FORMAT);
        writeString(out, fingerprint);
        out.writeInt(results.size());
        results.writeTo(out);
        CRC32 crc = new CRC32();
        crc.update(file.toByteArray());
        out.writeLong(crc.getValue());
        return file.toByteArray();
    }

    /**
     * The results kept for this configuration; empty when the bytes are a cache of another format version or another
     * configuration, neither of which applies.
     *
     * @throws IOException when the bytes are not a whole result cache
     */
    static Optional<Contents> decode(byte[] bytes, String fingerprint) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            if (!MAGIC.equals(readString(in))) {
                throw new IOException("not a result cache");
            }
            if (in.getInt() != FORMAT) {
                return Optional.empty();
            }
            int checked = bytes.length - CHECKSUM_BYTES;
            if (checked < in.position()) {
                throw new IOException("truncated");
            }
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, checked);
            if (ByteBuffer.wrap(bytes, checked, CHECKSUM_BYTES).getLong() != crc.getValue()) {
                throw new IOException("checksum mismatch");
            }
            in.limit(checked);
            if (!fingerprint.equals(readString(in))) {
                // Another engine, rule set, parameters or classpath: nothing in it applies.
                return Optional.empty();
            }
            int length = readLength(in);
            if (length != in.remaining()) {
                throw new IOException("trailing bytes");
            }
            try (InputStream results =
                    new InflaterInputStream(new ByteArrayInputStream(bytes, in.position(), length))) {
                return Optional.of(JsonRecords.read(results, Contents.class));
            }
        } catch (BufferUnderflowException e) {
            throw new IOException("truncated", e);
        }
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(ByteBuffer in) throws IOException {
        int length = readLength(in);
        String value = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return value;
    }

    /** A length the rest of the file can hold, so that no garbage allocates much. */
    private static int readLength(ByteBuffer in) throws IOException {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IOException("corrupt length " + length);
        }
        return length;
    }
}
