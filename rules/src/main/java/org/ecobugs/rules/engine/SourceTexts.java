package org.ecobugs.rules.engine;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.ecobugs.rules.engine.limits.InputLimits;

/**
 * Where the analysis reads a source file: the text a host handed over for it (an editor's buffer, saved or not), else
 * the file on disk. Every reader of sources goes through here, so that the walk and the suppressions see the same text.
 */
final class SourceTexts {

    static final SourceTexts NONE = new SourceTexts(Map.of(), java.nio.charset.StandardCharsets.UTF_8);

    private final Map<Path, byte[]> inMemory = new LinkedHashMap<>();

    /** @param encoding the encoding the analysis decodes sources with, which the texts are encoded in to match */
    SourceTexts(Map<Path, String> texts, Charset encoding) {
        texts.forEach((path, text) -> inMemory.put(path, text.getBytes(encoding)));
    }

    /** The files given as text, which exist nowhere else. */
    Set<Path> paths() {
        return inMemory.keySet();
    }

    boolean isInMemory(Path file) {
        return inMemory.containsKey(file);
    }

    /**
     * The bytes of a source file, under the same limit whether handed over or on disk.
     *
     * @param what what the limit is for, as in "over the limit of 5 MiB for one source file"
     */
    byte[] read(Path file, long limit, String what) throws IOException, InputLimits.TooLarge {
        byte[] given = inMemory.get(file);
        if (given == null) {
            return InputLimits.readFile(file, limit, what);
        }
        if (given.length > limit) {
            throw new InputLimits.TooLarge(
                    given.length + " bytes, over the limit of " + InputLimits.bytes(limit) + " for " + what, false);
        }
        return given;
    }
}
