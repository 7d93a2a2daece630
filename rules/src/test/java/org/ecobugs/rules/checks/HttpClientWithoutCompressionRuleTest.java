package org.ecobugs.rules.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.ecobugs.rules.Analysis;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpClientWithoutCompressionRuleTest {

    private static final String FETCHER = """
            import java.io.InputStream;
            import java.net.HttpURLConnection;
            import java.net.URL;

            class ConfigFetcher {
                byte[] fetch(String address) throws Exception {
                    HttpURLConnection connection = (HttpURLConnection) new URL(address).openConnection();
                    try (InputStream in = connection.getInputStream()) {
                        return in.readAllBytes();
                    }
                }
            }
            """;

    @TempDir
    Path work;

    @Test
    void sources() {
        RuleVerifier.rule("EB202").verify("eb202/HttpClientWithoutCompression.java", RuleVerifier.Mode.SOURCE);
    }

    @Test
    void aFileOfAnAndroidProjectIsLeftAloneEvenWithoutAndroidImports() throws IOException {
        Path source = Files.writeString(work.resolve("ConfigFetcher.java"), FETCHER);
        Path lib = Files.createDirectories(work.resolve("lib"));

        assertThat(findings(source, List.of())).hasSize(1);
        assertThat(findings(source, List.of(emptyArchive(lib.resolve("android.jar")))))
                .isEmpty();
        assertThat(findings(source, List.of(emptyArchive(lib.resolve("beacon-library-2.0.aar")))))
                .isEmpty();
        assertThat(findings(source, List.of(emptyArchive(lib.resolve("jackson-core-2.18.jar")))))
                .hasSize(1);
    }

    private static List<Finding> findings(Path source, List<Path> classpath) {
        return Analysis.run(AnalysisRequest.builder()
                        .addSourceRoot(source)
                        .addClasspath(classpath)
                        .includeRules(Set.of("EB202"))
                        .build())
                .findings();
    }

    private static Path emptyArchive(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.closeEntry();
        }
        return file;
    }
}
