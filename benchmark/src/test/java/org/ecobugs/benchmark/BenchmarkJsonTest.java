package org.ecobugs.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark file: written compactly, read back to the same result, refused when it is something else. */
class BenchmarkJsonTest {

    @TempDir
    Path dir;

    private final BenchmarkResult result = Recordings.tinyBenchmark();

    @Test
    void readsBackWhatItWrote() throws IOException {
        Path file = dir.resolve("tiny.json");
        BenchmarkJson.write(result, file);

        BenchmarkResult read = BenchmarkJson.read(file);

        assertThat(read).isEqualTo(result);
        assertThat(read.steps().get(0).profile().stacks()).isNotEmpty();
        assertThat(Files.readString(file).lines()).hasSize(1);
    }

    @Test
    void namesTheLabelTheModelAndTheFactorsAndSaysWaterAndLandHaveNone() throws IOException {
        JsonNode json = new ObjectMapper().readTree(BenchmarkJson.toJson(result).toString());

        assertThat(json.get("kind").textValue()).isEqualTo("ecobugs-benchmark");
        assertThat(json.get("label").textValue()).isEqualTo(RuntimeEcoscore.LABEL);
        assertThat(json.at("/estimate/model").textValue()).isEqualTo(RuntimeEcoscore.MODEL);
        assertThat(json.at("/estimate/references/energyJoules").doubleValue()).isEqualTo(3.5);
        assertThat(json.at("/model/cpuPower/key").textValue()).isEqualTo("cpu.ccf.aws.max_watts_per_vcpu");
        assertThat(json.at("/model/grid/source").textValue()).startsWith("Ember via The Green Web Foundation co2.js");
        assertThat(json.at("/model/water").textValue()).startsWith("no open factor");
        assertThat(json.at("/model/land").textValue()).startsWith("no open factor");
        assertThat(json.at("/steps/1/waterLitres").isNull()).isTrue();
        assertThat(json.at("/steps/1/dataBytes/median").doubleValue()).isEqualTo(12_500);
        assertThat(json.at("/whereToStart/data/0/step").textValue()).isEqualTo("exchange");
        assertThat(json.get("overhead").isNull()).isTrue();
        JsonNode profile = json.at("/steps/0/profile");
        JsonNode stack = profile.get("stacks").get(0);
        assertThat(profile.get("frames")
                        .get(stack.get("frames").get(0).intValue())
                        .get("class")
                        .textValue())
                .isEqualTo("org.ecobugs.benchmark.fixtures.TinyJourney");
    }

    @Test
    void refusesOtherFiles() throws IOException {
        Path report = Files.writeString(dir.resolve("report.json"), "{\"schemaVersion\":1,\"tool\":{}}");
        assertThatThrownBy(() -> BenchmarkJson.read(report))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("is not an ecobugs benchmark file (written by benchmark --output)");

        Path future =
                Files.writeString(dir.resolve("future.json"), "{\"schemaVersion\":2,\"kind\":\"ecobugs-benchmark\"}");
        assertThatThrownBy(() -> BenchmarkJson.read(future))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("has schema version 2; this ecobugs reads version 1");

        Path text = Files.writeString(dir.resolve("text.json"), "not json");
        assertThatThrownBy(() -> BenchmarkJson.read(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not JSON");
    }

    @Test
    void aBaselineReadBackComparesAsTheOriginal() throws IOException {
        Path file = dir.resolve("baseline.json");
        BenchmarkJson.write(result, file);
        EstimateChange change = new EstimateChange(BenchmarkJson.read(file), result);

        assertThat(change.estimate()).isZero();
        assertThat(change.comparable()).isTrue();
        assertThat(List.of(change.time(), change.energy(), change.data())).containsOnly(0.0);
    }
}
