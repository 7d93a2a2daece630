package org.ecobugs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The findings on the sample health app, compared with the reviewed snapshot beside it, so that every change of
 * output is seen in review. Run with {@code -Decobugs.updateSnapshots=true} to accept a change.
 */
class SampleAppSnapshotTest {

    private static final Path SAMPLE = Path.of(System.getProperty("ecobugs.repo.dir"))
            .resolve("test-fixtures/sample-health-app")
            .toAbsolutePath()
            .normalize();
    private static final Path SNAPSHOT = SAMPLE.resolve("expected-findings.txt");

    @Test
    void findingsOnTheSampleAppMatchTheSnapshot() throws IOException {
        CliRun run = CliRun.of(
                "analyze",
                SAMPLE.resolve("src/main/java").toString(),
                "--classes",
                SAMPLE.resolve("target/classes").toString(),
                "--base-dir",
                SAMPLE.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.err()).isEmpty();
        List<String> lines = run.out().lines().toList();
        // The last line is the summary, with a duration that changes from run to run.
        String summary = lines.get(lines.size() - 1);
        assertThat(summary)
                .matches(
                        "5 energy bugs in 4 files .*; no processing errors; 12 source files and \\d+ classes analysed in .*");
        String findings = String.join("\n", lines.subList(0, lines.size() - 1)) + "\n";
        if (Boolean.getBoolean("ecobugs.updateSnapshots")) {
            Files.writeString(SNAPSHOT, findings, StandardCharsets.UTF_8);
        }
        assertThat(findings)
                .as("findings on the sample app changed; review them, then run with -Decobugs.updateSnapshots=true")
                .isEqualTo(Files.readString(SNAPSHOT, StandardCharsets.UTF_8));
    }
}
