package org.ecobugs.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.Phase;
import org.junit.jupiter.api.Test;

/** The reactor's result adds the modules' timings up phase by phase. */
class AggregateTest {

    @Test
    void addsUpEachPhaseOfTheModulesWithItsCounts() {
        AnalysisResult api = result(
                Duration.ofMillis(100),
                new Phase(Phase.Kind.COLLECT_INPUTS, Duration.ofMillis(5)),
                prescreen(30, 4, 10),
                cacheWrite(2, 3, 10));
        AnalysisResult app = result(
                Duration.ofMillis(300),
                new Phase(Phase.Kind.COLLECT_INPUTS, Duration.ofMillis(7)),
                prescreen(50, 1, 20),
                new Phase(Phase.Kind.ANALYSE_DEPENDENCIES, Duration.ofMillis(40)),
                cacheWrite(3, 20, 20));

        AnalysisResult.Timings merged = Aggregate.merge(List.of(api, app)).timings();

        assertThat(merged.total()).isEqualTo(Duration.ofMillis(400));
        assertThat(merged.phases())
                .extracting(Phase::kind)
                .containsExactly(
                        Phase.Kind.COLLECT_INPUTS,
                        Phase.Kind.PRESCREEN_SOURCE_TEXT,
                        Phase.Kind.WRITE_RESULT_CACHE,
                        Phase.Kind.ANALYSE_DEPENDENCIES);
        assertThat(merged.byLabel())
                .containsExactly(
                        Map.entry("collect inputs", Duration.ofMillis(12)),
                        Map.entry(
                                "prescreen source text, no rule could match 5 of 30 files (summed over threads)",
                                Duration.ofMillis(80)),
                        Map.entry("result cache: write (23 of 30 files unchanged)", Duration.ofMillis(5)),
                        Map.entry("analyse dependencies", Duration.ofMillis(40)));
        Phase cache = merged.phase(Phase.Kind.WRITE_RESULT_CACHE).orElseThrow();
        assertThat(cache.count(Phase.Count.UNCHANGED_FILES)).isEqualTo(23);
        assertThat(cache.count(Phase.Count.FILES)).isEqualTo(30);
    }

    private static Phase prescreen(long millis, int unparsed, int files) {
        return new Phase(
                Phase.Kind.PRESCREEN_SOURCE_TEXT,
                Duration.ofMillis(millis),
                Map.of(Phase.Count.UNPARSED_FILES, unparsed, Phase.Count.FILES, files));
    }

    private static Phase cacheWrite(long millis, int unchanged, int files) {
        return new Phase(
                Phase.Kind.WRITE_RESULT_CACHE,
                Duration.ofMillis(millis),
                Map.of(Phase.Count.UNCHANGED_FILES, unchanged, Phase.Count.FILES, files));
    }

    private static AnalysisResult result(Duration total, Phase... phases) {
        return new AnalysisResult(
                List.of(), List.of(), List.of(), 0, 0, new AnalysisResult.Timings(total, List.of(phases), Map.of()));
    }
}
