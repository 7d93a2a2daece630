package org.ecobugs.rules.api;

import org.ecobugs.rules.deps.DependencyUsage;

/**
 * The part of a rule about the project's dependencies (EB4xx). The engine gathers once what the project uses of each
 * dependency and hands every dependency detector the result; without dependency facts in the request it is not called.
 */
public interface DependencyDetector extends Detector {

    /** Called once per analysis. */
    void check(DependencyUsage usage, DependencyContext context);
}
