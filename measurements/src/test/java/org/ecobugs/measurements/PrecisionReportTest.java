package org.ecobugs.measurements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrecisionReportTest {

    private static List<PrecisionReport.Key> findings(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new PrecisionReport.Key("EB601", "app", "src/A" + i + ".java", i + 1))
                .toList();
    }

    @Test
    void everyFindingIsSampledUpToTwentyThenTwentyOfThem() {
        assertThat(PrecisionReport.sample(findings(7))).hasSize(7);
        assertThat(PrecisionReport.sample(findings(20))).hasSize(20);
        List<PrecisionReport.Key> many = findings(60);
        assertThat(PrecisionReport.sample(many)).hasSize(20).isSubsetOf(many);
        List<PrecisionReport.Key> reversed = new ArrayList<>(many);
        java.util.Collections.reverse(reversed);
        assertThat(PrecisionReport.sample(many)).isEqualTo(PrecisionReport.sample(reversed));
    }

    @Test
    void aFindingKeepsItsPlaceWhenOthersComeAndGo() {
        List<PrecisionReport.Key> many = findings(60);
        List<PrecisionReport.Key> sample = PrecisionReport.sample(many);

        List<PrecisionReport.Key> withoutAnUnsampledOne = new ArrayList<>(many);
        withoutAnUnsampledOne.remove(
                many.stream().filter(k -> !sample.contains(k)).findFirst().orElseThrow());
        assertThat(PrecisionReport.sample(withoutAnUnsampledOne)).isEqualTo(sample);

        List<PrecisionReport.Key> withoutASampledOne = new ArrayList<>(many);
        withoutASampledOne.remove(sample.get(3));
        List<PrecisionReport.Key> resampled = PrecisionReport.sample(withoutASampledOne);
        assertThat(resampled)
                .hasSize(20)
                .containsAll(sample.stream().filter(k -> k != sample.get(3)).toList());
    }

    @Test
    void aLabelJudgesEveryFindingOfItsRuleAtItsLineAndALabelWithoutAFindingIsStale() {
        PrecisionReport.Key twice = new PrecisionReport.Key("EB601", "app", "src/A.java", 10);
        PrecisionReport.Key once = new PrecisionReport.Key("EB601", "app", "src/B.java", 20);
        PrecisionReport.Key unlabelled = new PrecisionReport.Key("EB601", "app", "src/C.java", 30);
        PrecisionReport.Found found = new PrecisionReport.Found();
        found.counts().put(twice, 2);
        found.counts().put(once, 1);
        found.counts().put(unlabelled, 1);
        Map<PrecisionReport.Key, PrecisionReport.Label> labels = Map.of(
                twice,
                new PrecisionReport.Label("TP", "per row of the import"),
                once,
                new PrecisionReport.Label("FP", "runs once"),
                new PrecisionReport.Key("EB601", "app", "src/Gone.java", 5),
                new PrecisionReport.Label("FP", "no longer fires"),
                new PrecisionReport.Key("EB601", "library", "src/A.java", 10),
                new PrecisionReport.Label("TP", "another corpus"));

        PrecisionReport.Tally tally = PrecisionReport.tally(found, labels, Set.of("app"));

        assertThat(tally).isEqualTo(new PrecisionReport.Tally(4, 3, 2, 1));
        assertThat(tally.falsePositives()).isEqualTo(1);
        assertThat(tally.precision()).isEqualTo("67 %");
        assertThat(new PrecisionReport.Tally(3, 0, 0, 0).precision()).isEqualTo("–");
        assertThat(PrecisionReport.Tally.NONE.plus(tally).plus(new PrecisionReport.Tally(1, 1, 1, 0)))
                .isEqualTo(new PrecisionReport.Tally(5, 4, 3, 1));
    }

    @Test
    void labelsNeedAVerdictAndAReasonAndAreGivenOnce(@TempDir Path labels) throws IOException {
        Files.writeString(
                labels.resolve("EB601.tsv"), "app\tsrc/A.java\t10\tTP\tper row\n\napp\tsrc/B.java\t2\tFP\tonce\n");
        assertThat(PrecisionReport.readLabels(labels).get("EB601")).hasSize(2);

        Files.writeString(labels.resolve("EB601.tsv"), "app\tsrc/A.java\t10\tmaybe\tper row\n");
        assertThatThrownBy(() -> PrecisionReport.readLabels(labels))
                .hasMessageContaining("EB601.tsv:1")
                .hasMessageContaining("TP|FP");

        Files.writeString(labels.resolve("EB601.tsv"), "app\tsrc/A.java\t10\tTP\t\n");
        assertThatThrownBy(() -> PrecisionReport.readLabels(labels)).hasMessageContaining("EB601.tsv:1");

        Files.writeString(labels.resolve("EB601.tsv"), "app\tsrc/A.java\t10\tTP\ta\napp\tsrc/A.java\t10\tFP\tb\n");
        assertThatThrownBy(() -> PrecisionReport.readLabels(labels))
                .hasMessageContaining("EB601.tsv:2")
                .hasMessageContaining("a second label");
    }
}
