package org.ecobugs.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A phase reads with its counts, holds exactly the counts of its kind, and adds up with the same phase only. */
class PhaseTest {

    @Test
    void readsWithItsCountsAndSaysWhenItsTimeIsEveryThreads() {
        assertThat(new Phase(Phase.Kind.MERGE, Duration.ofMillis(3)).label()).isEqualTo("merge");
        assertThat(new Phase(Phase.Kind.PARSE, Duration.ofMillis(3)).label()).isEqualTo("parse (summed over threads)");
        assertThat(new Phase(
                                Phase.Kind.PRESCREEN_SOURCE_TEXT,
                                Duration.ZERO,
                                Map.of(Phase.Count.FILES, 30, Phase.Count.UNPARSED_FILES, 12))
                        .label())
                .isEqualTo("prescreen source text, no rule could match 12 of 30 files (summed over threads)");
        assertThat(new Phase(Phase.Kind.WALK_LIBRARY_BYTECODE, Duration.ZERO, Map.of(Phase.Count.CLASSES, 7)).label())
                .isEqualTo("dependencies: walk library bytecode (7 classes)");
        assertThat(new Phase(
                                Phase.Kind.WRITE_RESULT_CACHE,
                                Duration.ZERO,
                                Map.of(Phase.Count.FILES, 10, Phase.Count.UNCHANGED_FILES, 3))
                        .label())
                .isEqualTo("result cache: write (3 of 10 files unchanged)");
    }

    @Test
    void holdsExactlyTheCountsOfItsKind() {
        assertThatThrownBy(() -> new Phase(Phase.Kind.WRITE_RESULT_CACHE, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WRITE_RESULT_CACHE counts");
        assertThatThrownBy(() -> new Phase(Phase.Kind.MERGE, Duration.ZERO, Map.of(Phase.Count.FILES, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        Phase walk = new Phase(Phase.Kind.WALK_LIBRARY_BYTECODE, Duration.ZERO, Map.of(Phase.Count.CLASSES, 7));
        assertThat(walk.count(Phase.Count.CLASSES)).isEqualTo(7);
        assertThatThrownBy(() -> walk.count(Phase.Count.FILES)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addsUpWithTheSamePhaseOnly() {
        Phase one = new Phase(Phase.Kind.WALK_LIBRARY_BYTECODE, Duration.ofMillis(4), Map.of(Phase.Count.CLASSES, 7));
        Phase two = new Phase(Phase.Kind.WALK_LIBRARY_BYTECODE, Duration.ofMillis(6), Map.of(Phase.Count.CLASSES, 5));

        assertThat(one.plus(two))
                .isEqualTo(new Phase(
                        Phase.Kind.WALK_LIBRARY_BYTECODE, Duration.ofMillis(10), Map.of(Phase.Count.CLASSES, 12)));
        assertThatThrownBy(() -> one.plus(new Phase(Phase.Kind.MERGE, Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timingsHoldEachPhaseOnceInTheOrderTheyRan() {
        AnalysisResult.Timings timings = new AnalysisResult.Timings(
                Duration.ofMillis(9),
                List.of(
                        new Phase(Phase.Kind.COLLECT_INPUTS, Duration.ofMillis(2)),
                        new Phase(Phase.Kind.MERGE, Duration.ofMillis(1))),
                Map.of());

        assertThat(timings.byLabel().keySet()).containsExactly("collect inputs", "merge");
        assertThat(timings.phase(Phase.Kind.MERGE).map(Phase::time)).contains(Duration.ofMillis(1));
        assertThat(timings.phase(Phase.Kind.PARSE)).isEmpty();
        assertThatThrownBy(() -> new AnalysisResult.Timings(
                        Duration.ZERO,
                        List.of(new Phase(Phase.Kind.MERGE, Duration.ZERO), new Phase(Phase.Kind.MERGE, Duration.ZERO)),
                        Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
