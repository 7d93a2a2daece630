package org.ecobugs.lsp;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Wraps the server's analyzer so that a test decides when some analyses end: one of a text holding {@link #MARKER}
 * waits, once started, until {@link #release()}. Orders events without timing them, which a loaded machine would
 * make flaky.
 */
final class HeldAnalyses {

    static final String MARKER = "// held until the test releases it";

    private final CountDownLatch released = new CountDownLatch(1);
    private final BlockingQueue<String> held = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> finished = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> analysed = new LinkedBlockingQueue<>();

    EcobugsTextDocumentService.Analyzer around(EcobugsTextDocumentService.Analyzer analyzer) {
        return (uri, text) -> {
            analysed.add(uri);
            if (!text.contains(MARKER)) {
                return analyzer.analyze(uri, text);
            }
            held.add(uri);
            try {
                // Bounded, so that a failing test still lets the server shut down.
                released.await(60, TimeUnit.SECONDS);
                return analyzer.analyze(uri, text);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                finished.add(uri);
            }
        };
    }

    /** Waits until an analysis of the document is held. */
    void awaitHeld(String uri) throws InterruptedException {
        await(held, uri, "held");
    }

    /** Waits until a held analysis of the document has returned its outcome to the server. */
    void awaitFinished(String uri) throws InterruptedException {
        await(finished, uri, "finished");
    }

    void release() {
        released.countDown();
    }

    /** Whether the analyzer was ever given the document. */
    boolean analysed(String uri) {
        return analysed.contains(uri);
    }

    private static void await(BlockingQueue<String> events, String uri, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String event = events.poll(1, TimeUnit.SECONDS);
            if (uri.equals(event)) {
                return;
            }
        }
        throw new AssertionError("No analysis of " + uri + " " + what + " within 30 s");
    }
}
