package org.example.safety;

import java.util.Map;
import org.apache.commons.collections.map.LRUMap;
import org.example.records.RecordsClient;
import org.springframework.context.annotation.ComponentScan;

/** Scans its own package, where patient-web's controller lives; keeps recent records in commons-collections' map. */
@ComponentScan
public class ClinicApplication {
    private final Map<Object, Object> recent = new LRUMap(32);
    private final RecordsClient records = new RecordsClient();

    public String send(String record) {
        recent.put(record, record);
        return records.send(record);
    }
}
