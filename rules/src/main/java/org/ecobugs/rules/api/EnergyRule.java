package org.ecobugs.rules.api;

import java.util.List;

/**
 * A rule that finds one kind of energy bug: a final class annotated with {@link RuleKey}, with a public constructor
 * taking {@link RuleParameters} (or none), that registers under its key one detector per walker it uses, returned by
 * {@link #detectors()}. A rule with one walker and nothing to keep apart may be its own detector: its class implements
 * the walker's detector too ({@code implements EnergyRule, SourceDetector}), and needs nothing more.
 */
public interface EnergyRule {

    /** The key declared by {@link RuleKey} on the rule class. */
    default String key() {
        return keyOf(getClass());
    }

    /** The rule's detectors, at most one per walker; by default the rule itself, when it is a detector. */
    default List<Detector> detectors() {
        return this instanceof Detector self ? List.of(self) : List.of();
    }

    static String keyOf(Class<?> ruleClass) {
        RuleKey key = ruleClass.getAnnotation(RuleKey.class);
        if (key == null) {
            throw new IllegalStateException(ruleClass.getName() + " has no @RuleKey");
        }
        return key.value();
    }
}
