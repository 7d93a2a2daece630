package org.ecobugs.rules.api;

/** A rule that is its own bytecode detector. */
public interface BytecodeRule extends EnergyRule, BytecodeDetector {}
