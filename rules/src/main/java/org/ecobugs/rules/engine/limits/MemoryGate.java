package org.ecobugs.rules.engine.limits;

import java.util.concurrent.Semaphore;
import org.ecobugs.rules.ProcessingError;

/**
 * Bounds the source text being parsed at once by the heap, so that many threads on generated files of tens of
 * thousands of lines do not run out of memory: a JavaParser tree takes 70 to 85 bytes of heap per character of
 * source (measured on a 2.7 MB generated parser and a 71 kB hand-written class), and every thread holds one. Files
 * share a budget of half the maximum heap; a file larger than the whole budget runs alone. Small files, the common
 * case, never wait on each other.
 *
 * <p>A file that needs more heap than there is still fails alone: each file's work catches {@link OutOfMemoryError}
 * above the frames that hold its text and tree, so that they are garbage when it is reported ({@link #outOfMemory}),
 * and the other files go on. Nothing catches it around the whole analysis: a heap too small for the analysis itself
 * still ends it.
 */
public final class MemoryGate {

    /** Heap a parsed tree takes per character of source, rounded up. */
    static final int HEAP_PER_SOURCE_CHAR = 100;

    private final int budgetKb;
    private final Semaphore permits;

    MemoryGate(long maxHeapBytes) {
        long budget = maxHeapBytes / 2 / HEAP_PER_SOURCE_CHAR / 1024;
        this.budgetKb = (int) Math.max(1, Math.min(Integer.MAX_VALUE, budget));
        // Fair, so that a large file waiting for the whole budget is not passed over forever by small ones.
        this.permits = new Semaphore(budgetKb, true);
    }

    public static MemoryGate forThisJvm() {
        return new MemoryGate(Runtime.getRuntime().maxMemory());
    }

    /** Waits until a file of {@code sourceBytes} may be parsed; returns what to hand back to {@link #release}. */
    public int acquire(long sourceBytes) {
        int kb = (int) Math.min(budgetKb, sourceBytes / 1024 + 1);
        permits.acquireUninterruptibly(kb);
        return kb;
    }

    public void release(int acquired) {
        permits.release(acquired);
    }

    int budgetKb() {
        return budgetKb;
    }

    /** The processing error of an input whose work ran out of heap, and what to do about it. */
    public static ProcessingError outOfMemory(String input, ProcessingError.Kind kind) {
        return new ProcessingError(
                input,
                null,
                kind,
                "Not analysed: the analysis ran out of memory on it (the other files were analysed); give the JVM more"
                        + " heap (-Xmx) or analyse fewer files at once (--threads, ecobugs.threads)");
    }
}
