package org.ecobugs.rules.api;

import java.util.Map;

/**
 * The parameter values of one rule: the defaults from its metadata, overridden by the request. Values were checked
 * against their declared types before the rule was built.
 */
public final class RuleParameters {

    private final String ruleKey;
    private final Map<String, String> values;

    public RuleParameters(String ruleKey, Map<String, String> values) {
        this.ruleKey = ruleKey;
        this.values = Map.copyOf(values);
    }

    public String string(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("Rule " + ruleKey + " has no parameter '" + name + "'");
        }
        return value;
    }

    public long integer(String name) {
        return Long.parseLong(string(name));
    }

    public boolean bool(String name) {
        return Boolean.parseBoolean(string(name));
    }

    public Map<String, String> asMap() {
        return values;
    }
}
