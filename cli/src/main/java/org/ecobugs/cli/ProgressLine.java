package org.ecobugs.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.ecobugs.rules.AnalysisProgress;

/**
 * One line on a terminal that tells how far a long analysis is: files done of the total and the rate, redrawn in place
 * at most a few times a second, and erased when the analysis ends so that the report starts on a clean line.
 */
final class ProgressLine implements AnalysisProgress {

    /** Redraws at most this often. */
    static final long INTERVAL_NANOS = 250_000_000L;

    private final PrintWriter terminal;
    private final LongSupplier clock;
    private final long started;
    private long lastDrawn = Long.MIN_VALUE;
    private int width;

    ProgressLine(PrintWriter terminal, LongSupplier clock) {
        this.terminal = terminal;
        this.clock = clock;
        this.started = clock.getAsLong();
    }

    @Override
    public synchronized void filesDone(int done, int total) {
        long now = clock.getAsLong();
        if (done < total && lastDrawn != Long.MIN_VALUE && now - lastDrawn < INTERVAL_NANOS) {
            return;
        }
        lastDrawn = now;
        double seconds = (now - started) / 1e9;
        String rate = seconds > 0 ? String.format(Locale.ROOT, ", %.0f files/s", done / seconds) : "";
        String line = String.format(Locale.ROOT, "ecobugs: %,d / %,d files%s", done, total, rate);
        terminal.print('\r' + line + " ".repeat(Math.max(0, width - line.length())));
        terminal.flush();
        width = Math.max(width, line.length());
    }

    /** Erases the line, if one was drawn. */
    synchronized void finish() {
        if (width > 0) {
            terminal.print('\r' + " ".repeat(width) + '\r');
            terminal.flush();
            width = 0;
        }
    }
}
