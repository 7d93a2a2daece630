package org.ecobugs.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.ecobugs.rules.Analysis;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.Phase;
import org.ecobugs.rules.SecondaryLocation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A finding that relies on another file's constant or on a configuration file's setting sees them, and is decided again
 * when they change, though its own file did not.
 */
class ProjectConstantsTest {

    @TempDir
    Path temp;

    private Path sources;
    private Path resources;
    private Path cache;

    @BeforeEach
    void writeAProject() throws IOException {
        sources = Files.createDirectories(temp.resolve("src/main/java/com/lab"));
        resources = Files.createDirectories(temp.resolve("src/main/resources"));
        cache = temp.resolve("cache");
        Files.writeString(sources.resolve("Periods.java"), """
                package com.lab;

                public final class Periods {
                    public static final long WARD_MS = 2_000;
                }
                """);
        Files.writeString(sources.resolve("Board.java"), """
                package com.lab;

                import org.springframework.scheduling.annotation.Scheduled;

                class Board {
                    @Scheduled(fixedDelay = Periods.WARD_MS)
                    void refreshWard() {}

                    @Scheduled(fixedDelayString = "${lab.rooms-ms:900000}")
                    void refreshRooms() {}
                }
                """);
        Files.writeString(resources.resolve("application.properties"), "lab.rooms-ms=1000\n");
    }

    @Test
    void periodsFromAnotherClassAndFromTheConfigurationAreSeen() {
        AnalysisResult result = run();

        assertThat(result.errors()).isEmpty();
        assertThat(result.findings()).hasSize(2);
        Finding ward = result.findings().get(0);
        assertThat(ward.line()).isEqualTo(6);
        assertThat(ward.secondaryLocations())
                .extracting(s -> s.file().getFileName().toString(), SecondaryLocation::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Periods.java", 4));
        Finding rooms = result.findings().get(1);
        assertThat(rooms.message()).contains("every 1 s (set by lab.rooms-ms in application.properties)");
        assertThat(rooms.secondaryLocations())
                .extracting(s -> s.file().getFileName().toString(), SecondaryLocation::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("application.properties", 1));
    }

    @Test
    void aCachedFindingStandsWhileWhatItReliedOnIsTheSame() {
        AnalysisResult first = run();
        AnalysisResult second = run();

        assertThat(unchanged(second)).isEqualTo(2);
        assertThat(second.findings()).isEqualTo(first.findings());
    }

    @Test
    void aChangedConstantOfAnotherClassDecidesTheFindingAgain() throws IOException {
        run();
        Files.writeString(
                sources.resolve("Periods.java"),
                Files.readString(sources.resolve("Periods.java")).replace("2_000", "600_000"));

        AnalysisResult second = run();

        // Periods.java changed, and Board.java asked for one of its constants: both are analysed again.
        assertThat(unchanged(second)).isZero();
        assertThat(second.findings()).extracting(Finding::line).containsExactly(9);
    }

    @Test
    void aChangedSettingDecidesTheFindingAgain() throws IOException {
        run();
        Files.writeString(resources.resolve("application.properties"), "lab.rooms-ms=600000\n");

        AnalysisResult second = run();

        assertThat(unchanged(second)).isEqualTo(1);
        assertThat(second.findings()).extracting(Finding::line).containsExactly(6);
    }

    @Test
    void aProfilesSettingIsNotTheDefaultOne() throws IOException {
        Files.writeString(resources.resolve("application.properties"), "");
        Files.writeString(resources.resolve("application-dev.properties"), "lab.rooms-ms=1000\n");

        assertThat(run().findings()).extracting(Finding::line).containsExactly(6);
    }

    private AnalysisResult run() {
        return Analysis.run(AnalysisRequest.builder()
                .addSourceRoot(temp.resolve("src/main/java"))
                .addResourceRoot(resources)
                .includeRules(Set.of("EB103"))
                .cacheDirectory(cache)
                .threads(2)
                .build());
    }

    private static int unchanged(AnalysisResult result) {
        return result.timings()
                .phase(Phase.Kind.WRITE_RESULT_CACHE)
                .orElseThrow()
                .count(Phase.Count.UNCHANGED_FILES);
    }
}
