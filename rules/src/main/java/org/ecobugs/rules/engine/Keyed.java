package org.ecobugs.rules.engine;

import org.ecobugs.rules.api.Detector;

/** A detector with the key of the rule that registered it: what findings, timings and failures are filed under. */
record Keyed<D extends Detector>(String key, D detector) {}
