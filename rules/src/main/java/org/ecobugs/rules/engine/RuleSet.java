package org.ecobugs.rules.engine;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.api.BytecodeDetector;
import org.ecobugs.rules.api.DependencyDetector;
import org.ecobugs.rules.api.Detector;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.ResourceDetector;
import org.ecobugs.rules.api.RuleParameters;
import org.ecobugs.rules.api.SourceDetector;
import org.ecobugs.rules.meta.RuleCatalog;
import org.ecobugs.rules.meta.RuleMetadata;

/** The rules one analysis runs, built with their parameters, and their detectors by walker. */
final class RuleSet {

    private final List<EnergyRule> rules;
    private final List<Keyed<SourceDetector>> sourceDetectors = new ArrayList<>();
    private final List<Keyed<BytecodeDetector>> bytecodeDetectors = new ArrayList<>();
    private final List<Keyed<DependencyDetector>> dependencyDetectors = new ArrayList<>();
    private final List<Keyed<ResourceDetector>> resourceDetectors = new ArrayList<>();
    private final Map<String, Map<String, String>> parameters;

    private RuleSet(List<EnergyRule> rules, Map<String, Map<String, String>> parameters) {
        this.rules = List.copyOf(rules);
        this.parameters = Map.copyOf(parameters);
        for (EnergyRule rule : rules) {
            String key = rule.key();
            List<Detector> detectors = rule.detectors();
            if (detectors.isEmpty()) {
                throw new IllegalStateException("Rule " + key + " registers no detector");
            }
            for (Detector detector : detectors) {
                add(key, detector, SourceDetector.class, sourceDetectors);
                add(key, detector, BytecodeDetector.class, bytecodeDetectors);
                add(key, detector, DependencyDetector.class, dependencyDetectors);
                add(key, detector, ResourceDetector.class, resourceDetectors);
            }
        }
    }

    /** Files a detector under each walker it serves; a rule has at most one detector per walker. */
    private static <D extends Detector> void add(
            String key, Detector detector, Class<D> walker, List<Keyed<D>> detectors) {
        if (!walker.isInstance(detector)) {
            return;
        }
        if (detectors.stream().anyMatch(keyed -> keyed.key().equals(key))) {
            throw new IllegalStateException("Rule " + key + " registers two " + walker.getSimpleName() + "s");
        }
        detectors.add(new Keyed<>(key, walker.cast(detector)));
    }

    /** No rule: an analysis that only summarises the project's methods. */
    static RuleSet none() {
        return new RuleSet(List.of(), Map.of());
    }

    /**
     * Selects and builds the rules of a request.
     *
     * @throws IllegalArgumentException for an unknown rule key or parameter, naming it
     */
    static RuleSet of(AnalysisRequest request, RuleCatalog catalog) {
        Set<String> known = new LinkedHashSet<>();
        catalog.all().forEach(m -> known.add(m.key()));
        checkKnown(request.includedRules(), known, "rules");
        checkKnown(request.excludedRules(), known, "excluded rules");
        checkKnown(request.ruleParameters().keySet(), known, "rule parameters");

        Set<String> selected = new LinkedHashSet<>();
        for (RuleMetadata metadata : catalog.all()) {
            boolean wanted = request.includedRules().isEmpty()
                    ? metadata.energy().defaultActive()
                    : request.includedRules().contains(metadata.key());
            if (wanted && !request.excludedRules().contains(metadata.key())) {
                selected.add(metadata.key());
            }
        }
        List<EnergyRule> rules = new ArrayList<>();
        Map<String, Map<String, String>> values = new java.util.TreeMap<>();
        for (String key : selected) {
            RuleParameters parameters =
                    catalog.parameters(key, request.ruleParameters().getOrDefault(key, Map.of()));
            rules.add(instantiate(catalog.ruleClass(key), parameters));
            values.put(key, parameters.asMap());
        }
        return new RuleSet(rules, values);
    }

    private static void checkKnown(Set<String> keys, Set<String> known, String what) {
        for (String key : keys) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException(
                        "Unknown rule key '" + key + "' in " + what + "; known keys: " + String.join(", ", known));
            }
        }
    }

    private static EnergyRule instantiate(Class<? extends EnergyRule> ruleClass, RuleParameters parameters) {
        try {
            try {
                Constructor<? extends EnergyRule> withParameters = ruleClass.getConstructor(RuleParameters.class);
                return withParameters.newInstance(parameters);
            } catch (NoSuchMethodException noParameters) {
                return ruleClass.getConstructor().newInstance();
            }
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException invalid) {
                throw invalid;
            }
            throw new IllegalStateException("Cannot build rule " + ruleClass.getName() + ": " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build rule " + ruleClass.getName() + ": " + e, e);
        }
    }

    List<EnergyRule> all() {
        return rules;
    }

    List<Keyed<SourceDetector>> sourceDetectors() {
        return sourceDetectors;
    }

    List<Keyed<BytecodeDetector>> bytecodeDetectors() {
        return bytecodeDetectors;
    }

    List<Keyed<DependencyDetector>> dependencyDetectors() {
        return dependencyDetectors;
    }

    List<Keyed<ResourceDetector>> resourceDetectors() {
        return resourceDetectors;
    }

    /** The selected rules' keys with the parameter values each runs with. */
    Map<String, Map<String, String>> parameters() {
        return parameters;
    }

    List<String> keys() {
        return rules.stream().map(EnergyRule::key).sorted().toList();
    }
}
