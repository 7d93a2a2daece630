package org.ecobugs.rules.api;

import org.ecobugs.rules.deps.Dependency;

/** How a dependency rule reports: at the {@code <dependency>} element that declares the dependency, or brings it in. */
public interface DependencyContext {

    /**
     * Reports a finding about {@code dependency} at its POM location (for a transitive dependency, the location of the
     * direct dependency it comes through; without a known location, the first line of the project's POM). A finding
     * about a dependency the build says to count as used is reported as suppressed.
     */
    void report(Dependency dependency, String message);

    /** Like {@link #report}, but at the POM location of {@code declaredAt}: where the fix goes (an exclusion). */
    void reportAt(Dependency dependency, Dependency declaredAt, String message);
}
