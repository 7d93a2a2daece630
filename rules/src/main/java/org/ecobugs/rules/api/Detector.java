package org.ecobugs.rules.api;

/**
 * One walker's part of a rule: what it does on sources ({@link SourceDetector}), on compiled classes ({@link
 * BytecodeDetector}), on configuration files ({@link ResourceDetector}) or on the dependencies ({@link
 * DependencyDetector}). A rule registers its detectors under its one key ({@link EnergyRule#detectors()}); each keeps
 * no state across files.
 */
public interface Detector {}
