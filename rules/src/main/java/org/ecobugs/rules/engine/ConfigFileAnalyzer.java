package org.ecobugs.rules.engine;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.ProcessingError;
import org.ecobugs.rules.api.ResourceContext;
import org.ecobugs.rules.api.ResourceDetector;
import org.ecobugs.rules.config.ConfigFile;
import org.ecobugs.rules.config.ConfigParser;

/**
 * Parses the configuration files once and hands each to every resource rule, with the other configuration files of
 * its directory (Spring Boot reads a directory's base and profile files together).
 */
final class ConfigFileAnalyzer {

    /** What the configuration files yielded. */
    record Outcome(List<RawFinding> findings, List<ProcessingError> errors) {}

    /** The configuration files that parsed, and why the others did not. */
    record Parsed(List<ConfigFile> files, List<ProcessingError> errors) {

        static final Parsed NONE = new Parsed(List.of(), List.of());
    }

    private static final Comparator<ConfigFile> BASE_FIRST = Comparator.comparing((ConfigFile f) -> !f.isBase())
            .thenComparing(f -> f.path().getFileName().toString());

    private final List<Keyed<ResourceDetector>> rules;
    private final RuleTimer timer;

    ConfigFileAnalyzer(List<Keyed<ResourceDetector>> rules, RuleTimer timer) {
        this.rules = List.copyOf(rules);
        this.timer = timer;
    }

    /** Reads and parses the configuration files, once for the resource rules and the source rules' settings. */
    static Parsed parse(List<Path> files) {
        List<ConfigFile> parsed = new ArrayList<>();
        List<ProcessingError> errors = new ArrayList<>();
        for (Path file : files) {
            ConfigFile config = parse(file, errors);
            if (config != null) {
                parsed.add(config);
            }
        }
        return new Parsed(List.copyOf(parsed), List.copyOf(errors));
    }

    /** Hands the parsed files to the resource rules; their findings and failures are the outcome. */
    Outcome analyze(List<ConfigFile> files) {
        List<RawFinding> findings = new ArrayList<>();
        List<ProcessingError> errors = new ArrayList<>();
        Map<Path, List<ConfigFile>> byDirectory = new LinkedHashMap<>();
        for (ConfigFile parsed : files) {
            byDirectory
                    .computeIfAbsent(parsed.path().toAbsolutePath().getParent(), d -> new ArrayList<>())
                    .add(parsed);
        }
        byDirectory.values().forEach(group -> group.sort(BASE_FIRST));
        for (Keyed<ResourceDetector> rule : rules) {
            long start = System.nanoTime();
            for (List<ConfigFile> group : byDirectory.values()) {
                List<ConfigFile> siblings = List.copyOf(group);
                for (ConfigFile file : siblings) {
                    try {
                        rule.detector().visitConfigFile(file, new Context(rule.key(), file.path(), siblings, findings));
                    } catch (RuntimeException | StackOverflowError e) {
                        errors.add(new ProcessingError(
                                file.path().toString(),
                                rule.key(),
                                ProcessingError.Kind.RULE_FAILURE,
                                "Rule failed: " + ProcessingError.describe(e)));
                    }
                }
            }
            timer.add(rule.key(), System.nanoTime() - start);
        }
        return new Outcome(findings, errors);
    }

    private static ConfigFile parse(Path file, List<ProcessingError> errors) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            errors.add(new ProcessingError(
                    file.toString(), null, ProcessingError.Kind.UNREADABLE_INPUT, ProcessingError.describe(e)));
            return null;
        }
        String text;
        try {
            text = ByteOrderMark.decode(bytes, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            // Properties files are traditionally ISO-8859-1; keys and the values rules read are ASCII either way.
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        try {
            return ConfigParser.parse(file, text);
        } catch (ConfigParser.SyntaxException e) {
            errors.add(
                    new ProcessingError(file.toString(), null, ProcessingError.Kind.UNPARSABLE_SOURCE, e.getMessage()));
            return null;
        }
    }

    private static final class Context implements ResourceContext {
        private final String ruleKey;
        private final Path file;
        private final List<ConfigFile> siblings;
        private final List<RawFinding> sink;

        Context(String ruleKey, Path file, List<ConfigFile> siblings, List<RawFinding> sink) {
            this.ruleKey = ruleKey;
            this.file = file;
            this.siblings = siblings;
            this.sink = sink;
        }

        @Override
        public List<ConfigFile> siblings() {
            return siblings;
        }

        @Override
        public void report(int line, String message) {
            Finding finding = new Finding(ruleKey, file, Math.max(1, line), 1, 0, 0, message, Finding.Origin.SOURCE);
            sink.add(new RawFinding(finding, finding.line(), finding.line()));
        }
    }
}
