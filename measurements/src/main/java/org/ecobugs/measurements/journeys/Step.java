package org.ecobugs.measurements.journeys;

import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A step of a journey, as ecobugs benchmark reads it: a JFR event named {@code ecobugs.Step} with a {@code name}. Each
 * journey declares such a class itself; it needs nothing of ecobugs.
 */
@Name("ecobugs.Step")
@Label("Journey step")
@StackTrace(false)
final class Step extends Event {

    @Label("Name")
    final String name;

    private Step(String name) {
        this.name = name;
    }

    /** A step that has begun; {@code commit()} ends it. */
    static Step start(String name) {
        Step step = new Step(name);
        step.begin();
        return step;
    }
}
