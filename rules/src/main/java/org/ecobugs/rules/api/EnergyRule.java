package org.ecobugs.rules.api;

/**
 * A rule that finds one kind of energy bug. A rule is a final class annotated with {@link RuleKey}, with a public
 * constructor taking {@link RuleParameters}; it keeps no state across files. It walks source code, bytecode, or
 * both, by implementing {@link SourceRule} and/or {@link BytecodeRule}.
 */
public interface EnergyRule {

    /** The key declared by {@link RuleKey} on the rule class. */
    default String key() {
        return keyOf(getClass());
    }

    static String keyOf(Class<?> ruleClass) {
        RuleKey key = ruleClass.getAnnotation(RuleKey.class);
        if (key == null) {
            throw new IllegalStateException(ruleClass.getName() + " has no @RuleKey");
        }
        return key.value();
    }
}
