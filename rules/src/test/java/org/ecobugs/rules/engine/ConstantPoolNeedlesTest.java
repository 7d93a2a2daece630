package org.ecobugs.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConstantPoolNeedlesTest {

    private final ConstantPoolNeedles needles = new ConstantPoolNeedles(List.of(
            Set.of("java/util/regex/Pattern", "split"), Set.of("sleep", "$"), Set.of(), Set.of("valueOf", "split")));

    @Test
    void findsEveryRulesStringsInsideAnEntryAndNothingAcrossItsEnd() {
        assertThat(scan("Ljava/util/regex/Pattern;")).containsExactly(true, false, true, false);
        assertThat(scan("split")).containsExactly(true, false, true, true);
        assertThat(scan("a/B$Inner")).containsExactly(false, true, true, false);
        assertThat(scan("spli")).containsExactly(false, false, true, false);
        // "sleep" spans the end of the entry "xsle": only the bytes of the entry count.
        byte[] bytes = "xsleep".getBytes(StandardCharsets.ISO_8859_1);
        boolean[] wanted = needles.always();
        needles.find(bytes, 0, 4, wanted, needles.pending(wanted));
        assertThat(wanted).containsExactly(false, false, true, false);
    }

    @Test
    void countsTheRulesStillUnsettled() {
        boolean[] wanted = needles.always();
        assertThat(needles.pending(wanted)).isEqualTo(3);
        byte[] bytes = "valueOf sleep split".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(needles.find(bytes, 0, bytes.length, wanted, 3)).isZero();
    }

    private boolean[] scan(String entry) {
        byte[] bytes = entry.getBytes(StandardCharsets.ISO_8859_1);
        boolean[] wanted = needles.always();
        needles.find(bytes, 0, bytes.length, wanted, needles.pending(wanted));
        return wanted;
    }
}
