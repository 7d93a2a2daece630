package org.ecobugs.rules.settings;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ecobugs.rules.PathExclusions;
import org.ecobugs.rules.meta.RuleCatalog;
import org.ecobugs.rules.meta.RuleMetadata.Severity;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads {@code ecobugs.yml}. The YAML is composed into nodes, not bound to objects, so that every problem can be
 * reported at its line and column, and every key is checked: a misspelt key silently ignored would leave the user
 * believing a rule is off or a directory excluded.
 */
final class SettingsFileReader {

    /** Far more than any real settings file; keeps a wrong file (a log, a dump) from being read whole. */
    private static final long MAX_BYTES = 1024 * 1024;

    private static final String RULES = "rules";
    private static final String EXCLUDE = "exclude";
    private static final String BASELINE = "baseline";
    private static final String FAIL_ON_SEVERITY = "failOnSeverity";
    private static final List<String> TOP_LEVEL_KEYS = List.of(RULES, EXCLUDE, BASELINE, FAIL_ON_SEVERITY);

    private static final String ACTIVE = "active";
    private static final String SEVERITY = "severity";
    private static final String PARAMS = "params";
    private static final List<String> RULE_KEYS = List.of(ACTIVE, SEVERITY, PARAMS);

    private final Path file;
    private final RuleCatalog catalog;

    SettingsFileReader(Path file, RuleCatalog catalog) {
        this.file = file;
        this.catalog = catalog;
    }

    ProjectSettings read() {
        Node root = compose(text());
        Map<String, Boolean> activation = new LinkedHashMap<>();
        Map<String, Severity> severities = new LinkedHashMap<>();
        Map<String, Map<String, String>> parameters = new LinkedHashMap<>();
        List<String> exclusions = new ArrayList<>();
        Path baseline = null;
        Severity failOnSeverity = null;
        if (root != null) {
            for (NodeTuple entry : entries(root, "the settings", TOP_LEVEL_KEYS)) {
                String key = scalar(entry.getKeyNode(), "a key");
                Node value = entry.getValueNode();
                switch (key) {
                    case RULES -> readRules(value, activation, severities, parameters);
                    case EXCLUDE -> exclusions.addAll(globs(value));
                    case BASELINE -> baseline = path(value);
                    case FAIL_ON_SEVERITY -> failOnSeverity = severity(value, FAIL_ON_SEVERITY);
                    default -> throw new IllegalStateException("key checked by entries(): " + key);
                }
            }
        }
        Path directory = directory();
        return new ProjectSettings(
                file,
                activation,
                severities,
                parameters,
                new PathExclusions(directory, exclusions),
                baseline,
                failOnSeverity);
    }

    private Path directory() {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of("") : parent;
    }

    private String text() {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw problem(0, 0, "larger than " + MAX_BYTES / 1024 + " KiB: not a settings file");
            }
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw problem(0, 0, "not UTF-8 text");
        } catch (IOException e) {
            throw problem(0, 0, "cannot be read: " + e);
        }
    }

    private Node compose(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        try {
            return new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw mark == null ? problem(0, 0, what) : at(mark, "not valid YAML: " + what);
        } catch (YAMLException e) {
            throw problem(0, 0, "not valid YAML: " + e.getMessage());
        }
    }

    private void readRules(
            Node node,
            Map<String, Boolean> activation,
            Map<String, Severity> severities,
            Map<String, Map<String, String>> parameters) {
        for (NodeTuple entry : entries(node, RULES, null)) {
            String key = scalar(entry.getKeyNode(), "a rule key").strip();
            if (catalog.find(key).isEmpty()) {
                throw at(
                        entry.getKeyNode(),
                        "unknown rule '" + key + "' in " + RULES
                                + " (rules are keyed EB101…; `ecobugs rules` lists them)");
            }
            Node value = entry.getValueNode();
            if (value instanceof ScalarNode) {
                activation.put(key, onOff(value, key));
                continue;
            }
            for (NodeTuple setting : entries(value, "rule " + key, RULE_KEYS)) {
                String name = scalar(setting.getKeyNode(), "a key");
                Node settingValue = setting.getValueNode();
                switch (name) {
                    case ACTIVE -> activation.put(key, onOff(settingValue, key + "." + ACTIVE));
                    case SEVERITY -> severities.put(key, severity(settingValue, key + "." + SEVERITY));
                    case PARAMS -> parameters.put(key, params(key, settingValue));
                    default -> throw new IllegalStateException("key checked by entries(): " + name);
                }
            }
        }
    }

    private Map<String, String> params(String rule, Node node) {
        Map<String, String> values = new LinkedHashMap<>();
        for (NodeTuple entry : entries(node, rule + "." + PARAMS, null)) {
            String name = scalar(entry.getKeyNode(), "a parameter name");
            String value = scalar(entry.getValueNode(), "the value of " + rule + "." + name);
            try {
                catalog.parameters(rule, Map.of(name, value));
            } catch (IllegalArgumentException e) {
                Node where = catalog.get(rule).params().stream()
                                .anyMatch(p -> p.key().equals(name))
                        ? entry.getValueNode()
                        : entry.getKeyNode();
                throw at(where, e.getMessage());
            }
            values.put(name, value);
        }
        return values;
    }

    private List<String> globs(Node node) {
        if (isEmpty(node)) {
            return List.of();
        }
        List<Node> items = node instanceof SequenceNode sequence ? sequence.getValue() : List.of(node);
        List<String> globs = new ArrayList<>();
        for (Node item : items) {
            String glob = scalar(item, "a path pattern, e.g. \"**/generated/**\"");
            String problem = PathExclusions.problem(glob);
            if (problem != null) {
                throw at(item, EXCLUDE + ": " + problem);
            }
            globs.add(glob.strip());
        }
        return globs;
    }

    private Path path(Node node) {
        String value = scalar(node, "a file path");
        if (value.isBlank()) {
            throw at(node, BASELINE + ": an empty path");
        }
        try {
            return directory().resolve(value.strip()).normalize();
        } catch (InvalidPathException e) {
            throw at(node, BASELINE + ": not a valid path: " + e.getMessage());
        }
    }

    private Severity severity(Node node, String what) {
        String value = scalar(node, "a severity");
        try {
            return Severity.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw at(node, what + " must be INFO, MINOR, MAJOR, CRITICAL or BLOCKER, not '" + value + "'");
        }
    }

    private boolean onOff(Node node, String what) {
        String value = scalar(node, "on or off").strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default ->
                throw at(
                        node,
                        what + " must be on or off (or a mapping of active, severity, params), not '" + value + "'");
        };
    }

    /**
     * The entries of a mapping, each key checked against {@code known} when given. Duplicate keys are refused: the
     * second would silently win.
     */
    private List<NodeTuple> entries(Node node, String what, List<String> known) {
        if (isEmpty(node)) {
            return List.of();
        }
        if (!(node instanceof MappingNode mapping)) {
            throw at(
                    node,
                    what + " must be a mapping of keys to values"
                            + (known == null ? "" : " (" + String.join(", ", known) + ")"));
        }
        Set<String> seen = new HashSet<>();
        for (NodeTuple entry : mapping.getValue()) {
            String key = scalar(entry.getKeyNode(), "a key");
            if (known != null && !known.contains(key)) {
                throw at(
                        entry.getKeyNode(),
                        "unknown key '" + key + "' in " + what + "; known keys: " + String.join(", ", known));
            }
            if (!seen.add(key.strip())) {
                throw at(entry.getKeyNode(), "'" + key + "' is given twice in " + what);
            }
        }
        return mapping.getValue();
    }

    /** A key written with nothing after it ({@code exclude:}), which YAML reads as null. */
    private static boolean isEmpty(Node node) {
        return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
    }

    private String scalar(Node node, String expected) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw at(node, "expected " + expected + ", found a " + (node instanceof MappingNode ? "mapping" : "list"));
    }

    private SettingsException at(Node node, String problem) {
        return at(node.getStartMark(), problem);
    }

    private SettingsException at(Mark mark, String problem) {
        return problem(mark.getLine() + 1, mark.getColumn() + 1, problem);
    }

    private SettingsException problem(int line, int column, String problem) {
        return new SettingsException(file, line, column, problem);
    }
}
