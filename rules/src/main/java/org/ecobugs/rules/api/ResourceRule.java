package org.ecobugs.rules.api;

/** A rule that is its own configuration-file detector. */
public interface ResourceRule extends EnergyRule, ResourceDetector {}
