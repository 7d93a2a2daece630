package org.ecobugs.rules;

/** Told how far an analysis is, as its files are done: for a host that shows progress on long runs. */
@FunctionalInterface
public interface AnalysisProgress {

    /** Ignores progress. */
    AnalysisProgress NONE = (done, total) -> {};

    /**
     * {@code done} of the {@code total} files to read (sources, class files and archives) are analysed. Called from the
     * engine's worker threads, often: keep it cheap and thread-safe.
     */
    void filesDone(int done, int total);
}
