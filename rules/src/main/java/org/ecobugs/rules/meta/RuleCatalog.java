package org.ecobugs.rules.meta;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ecobugs.rules.api.EffectClassifier;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.RuleParameters;
import org.ecobugs.rules.checks.RuleRegistry;

/** The metadata of a set of rules, read from the {@code EBnnn.json} and {@code EBnnn.html} beside each rule class. */
public final class RuleCatalog {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private static final class BuiltIn {
        static final RuleCatalog INSTANCE = load(RuleRegistry.RULES);
    }

    private final Map<String, RuleMetadata> byKey;
    private final Map<String, Class<? extends EnergyRule>> classes;

    private RuleCatalog(Map<String, RuleMetadata> byKey, Map<String, Class<? extends EnergyRule>> classes) {
        this.byKey = Collections.unmodifiableMap(byKey);
        this.classes = Collections.unmodifiableMap(classes);
    }

    /**
     * What tells the effects of the project's own calls, for the rules that follow calls through the project (the same
     * for every catalogue: it is knowledge of libraries, not of rules).
     */
    public EffectClassifier effectClassifier() {
        return RuleRegistry.EFFECTS;
    }

    /** The catalogue of every rule ecobugs ships. */
    public static RuleCatalog builtIn() {
        return BuiltIn.INSTANCE;
    }

    public static RuleCatalog load(List<Class<? extends EnergyRule>> ruleClasses) {
        Map<String, RuleMetadata> byKey = new LinkedHashMap<>();
        Map<String, Class<? extends EnergyRule>> classes = new LinkedHashMap<>();
        for (Class<? extends EnergyRule> ruleClass : ruleClasses) {
            String key = EnergyRule.keyOf(ruleClass);
            RuleMetadata metadata = read(ruleClass, key);
            if (!metadata.key().equals(key)) {
                throw new IllegalStateException(key + ".json declares key " + metadata.key());
            }
            if (byKey.put(key, metadata) != null) {
                throw new IllegalStateException("Two rules share the key " + key);
            }
            classes.put(key, ruleClass);
        }
        return new RuleCatalog(byKey, classes);
    }

    /**
     * This catalogue with other severities for some rules (a configuration file's overrides): reports, thresholds and
     * editors then show the severity the project chose. Rules not named keep theirs.
     *
     * @throws IllegalArgumentException for a key the catalogue does not hold
     */
    public RuleCatalog withSeverities(Map<String, RuleMetadata.Severity> severities) {
        if (severities.isEmpty()) {
            return this;
        }
        Map<String, RuleMetadata> changed = new LinkedHashMap<>(byKey);
        severities.forEach((key, severity) -> changed.put(key, get(key).withSeverity(severity)));
        return new RuleCatalog(changed, new LinkedHashMap<>(classes));
    }

    public Optional<RuleMetadata> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public RuleMetadata get(String key) {
        return find(key).orElseThrow(() -> new IllegalArgumentException("Unknown rule key: " + key));
    }

    /** All rules, in registration order. */
    public Collection<RuleMetadata> all() {
        return byKey.values();
    }

    public Class<? extends EnergyRule> ruleClass(String key) {
        Class<? extends EnergyRule> ruleClass = classes.get(key);
        if (ruleClass == null) {
            throw new IllegalArgumentException("Unknown rule key: " + key);
        }
        return ruleClass;
    }

    /**
     * The parameters of a rule: its defaults with {@code overrides} applied.
     *
     * @throws IllegalArgumentException naming the rule and parameter when a name is unknown or a value has the wrong
     *     type
     */
    public RuleParameters parameters(String key, Map<String, String> overrides) {
        RuleMetadata metadata = get(key);
        Map<String, String> values = new LinkedHashMap<>();
        metadata.params().forEach(p -> values.put(p.key(), p.defaultValue()));
        for (Map.Entry<String, String> override : overrides.entrySet()) {
            RuleMetadata.Param param = metadata.params().stream()
                    .filter(p -> p.key().equals(override.getKey()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Rule " + key + " has no parameter '"
                            + override.getKey() + "'" + knownParameters(metadata)));
            checkType(key, param, override.getValue());
            values.put(param.key(), override.getValue().strip());
        }
        return new RuleParameters(key, values);
    }

    private static String knownParameters(RuleMetadata metadata) {
        if (metadata.params().isEmpty()) {
            return "; it takes none";
        }
        return "; it takes "
                + String.join(
                        ", ",
                        metadata.params().stream().map(RuleMetadata.Param::key).toList());
    }

    private static void checkType(String key, RuleMetadata.Param param, String value) {
        String v = value.strip();
        boolean valid = switch (param.type()) {
            case "INTEGER" -> v.matches("-?\\d{1,18}");
            case "BOOLEAN" -> v.equals("true") || v.equals("false");
            default -> true;
        };
        if (!valid) {
            throw new IllegalArgumentException("Rule " + key + " parameter '" + param.key() + "' must be "
                    + param.type().toLowerCase(java.util.Locale.ROOT) + ", not '" + value + "'");
        }
        if (param.type().equals("INTEGER") && Long.parseLong(v) < param.minimum()) {
            // A value below it would not fail: it would quietly hide every finding of the rule.
            throw new IllegalArgumentException("Rule " + key + " parameter '" + param.key() + "' must be at least "
                    + param.minimum() + ", not '" + value + "'");
        }
    }

    private static RuleMetadata read(Class<?> ruleClass, String key) {
        try (InputStream json = ruleClass.getResourceAsStream(key + ".json");
                InputStream html = ruleClass.getResourceAsStream(key + ".html")) {
            if (json == null || html == null) {
                throw new IllegalStateException(
                        "Rule " + key + " needs " + key + ".json and " + key + ".html beside " + ruleClass.getName());
            }
            RuleMetadata metadata = JSON.readValue(json, RuleMetadata.class);
            return metadata.withDescription(new String(html.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the metadata of rule " + key + ": " + e.getMessage(), e);
        }
    }
}
