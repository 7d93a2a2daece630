package org.ecobugs.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.ecobugs.rules.meta.RgesnCriteria;
import org.ecobugs.rules.meta.RuleCatalog;
import org.ecobugs.rules.meta.RuleDocs;
import org.ecobugs.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The rule pages in {@code docs/rules} and the README's rule table are generated from the metadata. This test fails
 * when they are stale; run it with {@code -Decobugs.updateDocs=true} to regenerate them.
 */
class GeneratedDocsTest {

    private static final boolean UPDATE = Boolean.getBoolean("ecobugs.updateDocs");
    private static final Path REPO = Fixtures.repositoryDir();
    private final RuleDocs docs = new RuleDocs(RuleCatalog.builtIn(), RgesnCriteria.get());

    @Test
    void rulePagesAreUpToDate() throws IOException {
        Path dir = REPO.resolve("docs/rules");
        Map<String, String> pages = docs.pages();
        if (UPDATE) {
            Files.createDirectories(dir);
            try (Stream<Path> old = Files.list(dir)) {
                for (Path file : old.toList()) {
                    if (!pages.containsKey(file.getFileName().toString())) {
                        Files.delete(file);
                    }
                }
            }
            for (Map.Entry<String, String> page : pages.entrySet()) {
                Files.writeString(dir.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("docs/rules holds exactly one page per rule")
                    .containsExactlyInAnyOrderElementsOf(pages.keySet());
        }
        for (Map.Entry<String, String> page : pages.entrySet()) {
            assertThat(Files.readString(dir.resolve(page.getKey()), StandardCharsets.UTF_8))
                    .as("docs/rules/%s is stale: regenerate with -Decobugs.updateDocs=true", page.getKey())
                    .isEqualTo(page.getValue());
        }
    }

    @Test
    void readmeRuleTableIsUpToDate() throws IOException {
        Path readme = REPO.resolve("README.md");
        String current = Files.readString(readme, StandardCharsets.UTF_8);
        String expected = docs.withTable(current);
        if (UPDATE) {
            Files.writeString(readme, expected, StandardCharsets.UTF_8);
            current = expected;
        }
        assertThat(current)
                .as("README.md's rule table is stale: regenerate with -Decobugs.updateDocs=true")
                .isEqualTo(expected);
    }
}
