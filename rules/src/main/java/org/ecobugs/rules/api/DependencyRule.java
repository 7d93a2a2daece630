package org.ecobugs.rules.api;

import org.ecobugs.rules.deps.DependencyUsage;

/**
 * A rule about the project's dependencies (EB4xx). The engine gathers once what the project uses of each dependency
 * (from the same source and bytecode walks the other rules share, its resources and the dependencies' own jars) and
 * hands every dependency rule the result. Without dependency facts in the request the rule is not called.
 */
public interface DependencyRule extends EnergyRule {

    /** Called once per analysis. */
    void check(DependencyUsage usage, DependencyContext context);
}
