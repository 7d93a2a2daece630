package org.ecobugs.rules.api;

/**
 * The part of a rule that reads Java source. The engine parses each file once and walks it once for every detector
 * that may find something in it.
 */
public interface SourceDetector extends Detector {

    /**
     * Subscribes the visits of one file. Called once per file, before its walk, so that state a detector keeps along a
     * walk (the loops it is in, what it has seen) lives in the visits it subscribes and never outlives the file.
     */
    void subscribe(SourceVisits visits);

    /**
     * Words of which the file's code must hold some for this detector to find anything in it (see {@link
     * RequiredWords}): the method names it looks for, the simple names of the types or annotations, {@code for} and
     * {@code while} for loops. The default, {@link RequiredWords#anyFile()}, reads every file. The engine hands a file
     * only to the detectors whose words it holds, and does not parse a file that none wants. A word that is missing
     * here loses findings, so the condition must be a necessary one, not a guess.
     */
    default RequiredWords textPrescreen() {
        return RequiredWords.anyFile();
    }

    /**
     * Whether this detector reports through the project's methods ({@link SourceContext#reportThrough}): the engine then
     * summarises what each method of the project does, which costs a little on every file.
     */
    default boolean readsProjectFacts() {
        return false;
    }
}
