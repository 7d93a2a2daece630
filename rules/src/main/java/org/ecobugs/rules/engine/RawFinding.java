package org.ecobugs.rules.engine;

import org.ecobugs.rules.Finding;

/**
 * A finding with the lines of the statement or declaration it sits in: a bytecode finding inside those lines is the
 * same bug seen twice, and is dropped when merging.
 */
record RawFinding(Finding finding, int coverFirstLine, int coverLastLine) {

    boolean covers(Finding other) {
        return finding.ruleKey().equals(other.ruleKey())
                && finding.file().equals(other.file())
                && other.line() >= coverFirstLine
                && other.line() <= coverLastLine;
    }
}
