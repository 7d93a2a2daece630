package org.ecobugs.rules.engine;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The encoding a file declares with a byte-order mark, which wins over the configured one: an editor that saved a file
 * as UTF-16 wrote the mark for readers to follow, and reading those bytes as UTF-8 or ISO-8859-1 would analyse noise.
 *
 * @param charset the encoding the mark declares
 * @param length the mark's length in bytes, skipped before decoding
 */
record ByteOrderMark(Charset charset, int length) {

    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    /** The mark at the start of {@code bytes}, or {@code null} when there is none. */
    static ByteOrderMark of(byte[] bytes) {
        if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
            return new ByteOrderMark(UTF_32BE, 4);
        }
        if (startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
            return new ByteOrderMark(UTF_32LE, 4);
        }
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new ByteOrderMark(StandardCharsets.UTF_8, 3);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new ByteOrderMark(StandardCharsets.UTF_16BE, 2);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new ByteOrderMark(StandardCharsets.UTF_16LE, 2);
        }
        return null;
    }

    /**
     * The text of {@code bytes} in the encoding their mark declares (else {@code declared}), without the mark.
     *
     * @throws CharacterCodingException when the bytes are not valid in that encoding
     */
    static String decode(byte[] bytes, Charset declared) throws CharacterCodingException {
        ByteOrderMark mark = of(bytes);
        int start = mark == null ? 0 : mark.length();
        return (mark == null ? declared : mark.charset())
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                .toString();
    }

    private static boolean startsWith(byte[] bytes, int... mark) {
        if (bytes.length < mark.length) {
            return false;
        }
        for (int i = 0; i < mark.length; i++) {
            if ((bytes[i] & 0xFF) != mark[i]) {
                return false;
            }
        }
        return true;
    }
}
