package org.ecobugs.rules.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.PathExclusions;
import org.ecobugs.rules.meta.RuleCatalog;
import org.ecobugs.rules.meta.RuleMetadata;
import org.ecobugs.rules.meta.RuleMetadata.Severity;

/**
 * A project's ecobugs settings, from the {@value #FILE_NAME} file at its root: which rules run, with which parameters
 * and severities, which files are left out, the findings baseline and the severity that fails a check. Every host
 * reads the same file; what a host is told on its own command line or in its own configuration wins over it.
 *
 * @param file the file the settings were read from, or null when there is none
 * @param activation rules switched on ({@code true}) or off ({@code false}); the others keep their default
 * @param severities rules whose findings get another severity than the rule's default
 * @param parameters per rule, parameter values that override the rule's defaults
 * @param exclusions files left out of the analysis, relative to the file's directory
 * @param baseline the findings baseline to compare with, resolved against the file's directory, or null
 * @param failOnSeverity the lowest severity whose findings fail a check, or null to keep the host's default
 */
public record ProjectSettings(
        Path file,
        Map<String, Boolean> activation,
        Map<String, Severity> severities,
        Map<String, Map<String, String>> parameters,
        PathExclusions exclusions,
        Path baseline,
        Severity failOnSeverity) {

    /** The file every host looks for at the project's root. */
    public static final String FILE_NAME = "ecobugs.yml";

    /** No file: every rule's defaults, nothing left out. */
    public static final ProjectSettings NONE =
            new ProjectSettings(null, Map.of(), Map.of(), Map.of(), PathExclusions.NONE, null, null);

    public ProjectSettings {
        activation = Map.copyOf(activation);
        severities = Map.copyOf(severities);
        Map<String, Map<String, String>> copied = new LinkedHashMap<>();
        parameters.forEach((key, values) -> copied.put(key, Map.copyOf(values)));
        parameters = Map.copyOf(copied);
        exclusions = exclusions == null ? PathExclusions.NONE : exclusions;
    }

    /**
     * Reads and checks a settings file against the rules of a catalogue.
     *
     * @throws SettingsException naming the file, line and column of the first problem: a syntax error, an unknown key,
     *     rule or parameter, a value of the wrong kind
     */
    public static ProjectSettings read(Path file, RuleCatalog catalog) {
        return new SettingsFileReader(file, catalog).read();
    }

    /**
     * The settings file that applies to a directory: {@value #FILE_NAME} in it, else in the nearest parent up to and
     * including {@code top} (a build's root directory). Only {@code directory} is searched when {@code top} is null or
     * not one of its parents.
     */
    public static Optional<Path> find(Path directory, Path top) {
        Path current = directory.toAbsolutePath().normalize();
        Path root = top == null ? current : top.toAbsolutePath().normalize();
        if (!current.startsWith(root)) {
            root = current;
        }
        while (current != null && current.startsWith(root)) {
            Path candidate = current.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
            current = current.getParent();
        }
        return Optional.empty();
    }

    /** The catalogue with this project's severities. */
    public RuleCatalog catalog(RuleCatalog rules) {
        return rules.withSeverities(severities);
    }

    /**
     * Sets a request's rules, parameters and left-out files from these settings and the host's own options, which win:
     * a host that names the rules to run ({@code --rules EB101}) runs those whatever the file switches on or off; the
     * rules a host excludes are excluded; a parameter a host sets replaces the file's.
     */
    public AnalysisRequest.Builder configure(
            AnalysisRequest.Builder request,
            RuleCatalog catalog,
            Set<String> hostIncluded,
            Set<String> hostExcluded,
            Map<String, Map<String, String>> hostParameters) {
        Set<String> included = new LinkedHashSet<>(hostIncluded);
        Set<String> excluded = new LinkedHashSet<>(hostExcluded);
        if (hostIncluded.isEmpty()) {
            boolean switchesOn = activation.entrySet().stream()
                    .anyMatch(e ->
                            e.getValue() && !catalog.get(e.getKey()).energy().defaultActive());
            if (switchesOn) {
                for (RuleMetadata rule : catalog.all()) {
                    if (activation.getOrDefault(rule.key(), rule.energy().defaultActive())) {
                        included.add(rule.key());
                    }
                }
            }
            activation.forEach((key, on) -> {
                if (!on) {
                    excluded.add(key);
                }
            });
        }
        request.includeRules(included).excludeRules(excluded);
        Map<String, Map<String, String>> merged = new LinkedHashMap<>();
        parameters.forEach((key, values) -> merged.put(key, new LinkedHashMap<>(values)));
        hostParameters.forEach((key, values) ->
                merged.computeIfAbsent(key, k -> new LinkedHashMap<>()).putAll(values));
        merged.forEach((key, values) -> values.forEach((name, value) -> request.ruleParameter(key, name, value)));
        return request.excludePaths(exclusions);
    }
}
