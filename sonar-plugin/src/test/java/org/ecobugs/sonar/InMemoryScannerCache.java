package org.ecobugs.sonar;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.sonar.api.batch.sensor.cache.ReadCache;
import org.sonar.api.batch.sensor.cache.WriteCache;

/** A scanner's analysis cache in memory: what the previous analysis stored, and what this one writes. */
final class InMemoryScannerCache implements ReadCache, WriteCache {

    private final Map<String, byte[]> previous;
    final Map<String, byte[]> written = new HashMap<>();

    InMemoryScannerCache(Map<String, byte[]> previous) {
        this.previous = previous;
    }

    @Override
    public InputStream read(String key) {
        return new ByteArrayInputStream(previous.get(key));
    }

    @Override
    public boolean contains(String key) {
        return previous.containsKey(key);
    }

    @Override
    public void write(String key, InputStream data) {
        try {
            write(key, data.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(String key, byte[] data) {
        if (written.containsKey(key)) {
            // As the scanner's cache: a key is written once per analysis.
            throw new IllegalArgumentException("Cache already contains key '" + key + "'");
        }
        written.put(key, data);
    }

    @Override
    public void copyFromPrevious(String key) {
        write(key, previous.get(key));
    }
}
