package org.ecobugs.sample.journey;

import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A step of the journey, as ecobugs benchmark reads it: a Java Flight Recorder event named {@code ecobugs.Step} with a
 * {@code name} field, between {@code start} and {@code commit()}. The journey declares it itself and needs nothing of
 * ecobugs; outside a recording it costs nothing.
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

    static Step start(String name) {
        Step step = new Step(name);
        step.begin();
        return step;
    }
}
