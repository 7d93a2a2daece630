package org.example.records;

import org.example.formats.FormatRegistry;

/** The records client the application uses: it formats through the registry and never exports. */
public class RecordsClient {
    public String send(String record) {
        return FormatRegistry.format(record);
    }
}
