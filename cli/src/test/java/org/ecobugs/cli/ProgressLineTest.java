package org.ecobugs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    private final StringWriter terminal = new StringWriter();
    private final AtomicLong now = new AtomicLong();
    private final ProgressLine line = new ProgressLine(new PrintWriter(terminal), now::get);

    @Test
    void drawsFilesDoneAndTheRateInPlaceAFewTimesASecond() {
        now.set(1_000_000_000L);
        line.filesDone(100, 1_200);
        now.addAndGet(10_000_000L);
        line.filesDone(101, 1_200);
        assertThat(terminal.toString()).isEqualTo("\recobugs: 100 / 1,200 files, 100 files/s");

        now.addAndGet(ProgressLine.INTERVAL_NANOS);
        line.filesDone(150, 1_200);
        assertThat(terminal.toString()).endsWith("\recobugs: 150 / 1,200 files, 119 files/s");
    }

    @Test
    void theLastFileIsAlwaysShownAndTheLineIsErasedAtTheEnd() {
        now.set(2_000_000_000L);
        line.filesDone(1, 2);
        line.filesDone(2, 2);
        assertThat(terminal.toString()).endsWith("\recobugs: 2 / 2 files, 1 files/s");
        line.finish();
        String erased = "\r" + " ".repeat("ecobugs: 2 / 2 files, 1 files/s".length()) + "\r";
        assertThat(terminal.toString()).endsWith(erased);
    }

    @Test
    void nothingDrawnNothingErased() {
        line.finish();
        assertThat(terminal.toString()).isEmpty();
    }
}
