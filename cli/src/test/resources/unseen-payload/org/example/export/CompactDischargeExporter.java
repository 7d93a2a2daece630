package org.example.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The same summaries, compact on the wire; indented only in the archive people read. */
@RestController
public class CompactDischargeExporter {

    private final ObjectMapper mapper = new ObjectMapper();

    @GetMapping("/v2/discharges/{id}")
    public ResponseEntity<String> discharge(@PathVariable String id) throws JsonProcessingException {
        return ResponseEntity.ok(mapper.writeValueAsString(Map.of("id", id, "status", "final")));
    }

    public Path archiveForHumans(String id, Path directory) throws IOException {
        String text = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("id", id));
        return Files.writeString(directory.resolve(id + ".json"), text);
    }
}
