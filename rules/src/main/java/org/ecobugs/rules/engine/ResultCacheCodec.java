package org.ecobugs.rules.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * <p>The results are the cache's records as Jackson writes them: the fields of a record are its components, and an
 * empty list is left out, so that a new component needs no code here (only a new {@link #FORMAT}). JSON repeats each
 * field's name, which deflating folds away: the file is about a quarter of the size fixed-width binary fields took.
 */
final class ResultCacheCodec {

    static final int FORMAT = 4;
    /** The largest file read whole: a byte array can hold no more. */
    static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 16;

    private static final String MAGIC = "ecobugs result cache";
    private static final int CHECKSUM_BYTES = Long.BYTES;

    /**
     * What a cache file holds for one configuration.
     *
     * @param files each file's entry by its key
     * @param dependencies the dependency analysis's result, or null when it did not run
     */
    record Contents(Map<String, ResultCache.Entry> files, Dependencies dependencies) {}

    /** The dependency analysis's result, with the key of the facts it judged. */
    record Dependencies(String key, ResultCache.DependencyEntry entry) {}

    private static final ObjectWriter WRITER;
    private static final ObjectReader READER;

    static {
        SimpleModule types = new SimpleModule()
                // Jackson's own form is a URI, which makes a relative path absolute.
                .addSerializer(Path.class, ToStringSerializer.instance)
                .addDeserializer(Path.class, new PathDeserializer())
                .addAbstractTypeMapping(Set.class, LinkedHashSet.class);
        // Nulls are left out, but not empty sets: a file's names are null when not collected, empty when it uses none.
        JsonMapper mapper = JsonMapper.builder()
                .addModule(types)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        mapper.configOverride(List.class)
                .setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.ALWAYS))
                .setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY));
        WRITER = mapper.writerFor(Contents.class);
        READER = mapper.readerFor(Contents.class);
    }

    private static final AtomicBoolean PREPARED = new AtomicBoolean();

    private ResultCacheCodec() {}

    /**
     * Sets Jackson up for the records on another thread, once per process: its first look at them costs more than a
     * read, and can overlap with collecting the inputs.
     */
    static void prepareInBackground() {
        if (PREPARED.compareAndSet(false, true)) {
            Thread thread = new Thread(ResultCacheCodec::prepare, "ecobugs-cache-codec");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private static void prepare() {
        try {
            decode(encode("", new Contents(Map.of(), null)), "");
        } catch (IOException | RuntimeException e) {
            // The cache's own read reports what fails.
        }
    }

    static byte[] encode(String fingerprint, Contents contents) throws IOException {
        ByteArrayOutputStream results = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (OutputStream out = new DeflaterOutputStream(results, deflater)) {
            WRITER.writeValue(out, contents);
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
                return Optional.of(READER.readValue(results));
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

    /** A path as its text, relative or absolute as it was. */
    private static final class PathDeserializer extends StdScalarDeserializer<Path> {
        PathDeserializer() {
            super(Path.class);
        }

        @Override
        public Path deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Path) context.handleUnexpectedToken(Path.class, parser);
            }
            return Path.of(parser.getText());
        }
    }
}
