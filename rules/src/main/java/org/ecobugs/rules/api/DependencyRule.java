package org.ecobugs.rules.api;

/** A rule that is its own dependency detector. */
public interface DependencyRule extends EnergyRule, DependencyDetector {}
