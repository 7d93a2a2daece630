package org.ecobugs.rules.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.meta.RuleCatalog;
import org.ecobugs.rules.meta.RuleMetadata;
import org.ecobugs.rules.meta.RuleMetadata.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectSettingsTest {

    private static final RuleCatalog CATALOG = RuleCatalog.builtIn();

    @TempDir
    Path dir;

    private ProjectSettings read(String yaml) throws IOException {
        return ProjectSettings.read(Files.writeString(dir.resolve(ProjectSettings.FILE_NAME), yaml), CATALOG);
    }

    private SettingsException problem(String yaml) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> read(yaml));
        assertThat(thrown).isInstanceOf(SettingsException.class);
        return (SettingsException) thrown;
    }

    @Test
    void readsEveryKind() throws IOException {
        ProjectSettings settings = read("""
                # the lab's settings
                rules:
                  EB402: off
                  EB405: on
                  EB102:
                    severity: critical
                    params:
                      maxPollIntervalMs: 500
                  EB201: {active: false}
                exclude:
                  - "**/generated/**"
                  - src/main/java/org/lab/migration/
                baseline: build/ecobugs-baseline.json
                failOnSeverity: MAJOR
                """);

        assertThat(settings.file()).isEqualTo(dir.resolve(ProjectSettings.FILE_NAME));
        assertThat(settings.activation())
                .containsExactlyInAnyOrderEntriesOf(Map.of("EB402", false, "EB405", true, "EB201", false));
        assertThat(settings.severities()).containsExactly(Map.entry("EB102", Severity.CRITICAL));
        assertThat(settings.parameters()).containsExactly(Map.entry("EB102", Map.of("maxPollIntervalMs", "500")));
        assertThat(settings.exclusions().globs())
                .containsExactly("**/generated/**", "src/main/java/org/lab/migration/");
        assertThat(settings.exclusions().baseDirectory())
                .isEqualTo(dir.toAbsolutePath().normalize());
        assertThat(settings.baseline()).isEqualTo(dir.resolve("build/ecobugs-baseline.json"));
        assertThat(settings.failOnSeverity()).isEqualTo(Severity.MAJOR);
    }

    @Test
    void anEmptyFileOrEmptySectionsChangeNothing() throws IOException {
        ProjectSettings empty = read("# nothing yet\n");
        assertThat(empty.activation()).isEmpty();
        assertThat(empty.exclusions().isEmpty()).isTrue();
        assertThat(empty.baseline()).isNull();
        assertThat(empty.failOnSeverity()).isNull();

        ProjectSettings blank = read("rules:\nexclude:\n");
        assertThat(blank.activation()).isEmpty();
        assertThat(blank.exclusions().isEmpty()).isTrue();
        // A single pattern may be written without a list.
        assertThat(read("exclude: \"**/gen/**\"\n").exclusions().globs()).containsExactly("**/gen/**");
    }

    @Test
    void unknownKeysAreErrorsNamingTheKeyAndWhereItIs() {
        assertThat(problem("rules:\n  EB101: on\nexlude:\n  - x/\n").getMessage())
                .endsWith(ProjectSettings.FILE_NAME + ":3:1: unknown key 'exlude' in the settings; known keys: rules,"
                        + " exclude, baseline, failOnSeverity");
        SettingsException inRule = problem("rules:\n  EB102:\n    severty: MAJOR\n");
        assertThat(inRule.line()).isEqualTo(3);
        assertThat(inRule.column()).isEqualTo(5);
        assertThat(inRule.getMessage())
                .contains("unknown key 'severty' in rule EB102; known keys: active, severity," + " params");
    }

    @Test
    void unknownRulesAndParametersAreErrors() {
        assertThat(problem("rules:\n  EB999: off\n").getMessage()).contains(":2:3: unknown rule 'EB999' in rules");
        assertThat(problem("rules:\n  EB102:\n    params:\n      maxPoll: 5\n").getMessage())
                .contains(":4:7: Rule EB102 has no parameter 'maxPoll'; it takes maxPollIntervalMs");
        assertThat(problem("rules:\n  EB102:\n    params:\n      maxPollIntervalMs: soon\n")
                        .getMessage())
                .contains(":4:26: Rule EB102 parameter 'maxPollIntervalMs' must be integer, not 'soon'");
    }

    @Test
    void valuesOfTheWrongKindAreErrors() {
        assertThat(problem("failOnSeverity: HIGH\n").getMessage())
                .contains(":1:17: failOnSeverity must be INFO, MINOR, MAJOR, CRITICAL or BLOCKER, not 'HIGH'");
        assertThat(problem("rules:\n  EB101: maybe\n").getMessage()).contains(":2:10: EB101 must be on or off");
        assertThat(problem("rules:\n  - EB101\n").getMessage()).contains(":2:3: rules must be a mapping");
        assertThat(problem("exclude:\n  - \"**/{gen/**\"\n").getMessage()).contains(":2:5: exclude: '{' without '}'");
        assertThat(problem("baseline: [a, b]\n").getMessage()).contains(":1:11: expected a file path, found a list");
        assertThat(problem("- rules\n").getMessage()).contains(":1:1: the settings must be a mapping");
    }

    @Test
    void duplicateKeysAreRefusedRatherThanTheLastOneWinning() {
        assertThat(problem("rules:\n  EB101: off\n  EB101: on\n").getMessage())
                .contains(":3:3: 'EB101' is given twice in rules");
    }

    @Test
    void yamlSyntaxErrorsArePlaced() {
        SettingsException error = problem("rules:\n  EB101: off\n EB102: [on\n");
        assertThat(error.line()).isPositive();
        assertThat(error.getMessage()).contains("not valid YAML");
    }

    @Test
    void aFileThatIsNotTextIsRefused() throws IOException {
        Path file = Files.write(dir.resolve(ProjectSettings.FILE_NAME), new byte[] {'a', ':', ' ', (byte) 0xC3, '\n'});
        assertThatThrownBy(() -> ProjectSettings.read(file, CATALOG))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("not UTF-8 text");
    }

    @Test
    void theNearestFileUpToTheTopApplies() throws IOException {
        Path module = Files.createDirectories(dir.resolve("app/module"));
        assertThat(ProjectSettings.find(module, dir)).isEmpty();
        Path atTop = Files.writeString(dir.resolve(ProjectSettings.FILE_NAME), "");
        assertThat(ProjectSettings.find(module, dir)).contains(atTop);
        assertThat(ProjectSettings.find(module, null))
                .as("only the directory itself")
                .isEmpty();
        Path nearer = Files.writeString(dir.resolve("app").resolve(ProjectSettings.FILE_NAME), "");
        assertThat(ProjectSettings.find(module, dir)).contains(nearer);
        assertThat(ProjectSettings.find(module, module)).isEmpty();
    }

    @Test
    void severitiesChangeTheCatalogueReportsUse() throws IOException {
        RuleCatalog changed = read("rules:\n  EB402:\n    severity: BLOCKER\n").catalog(CATALOG);
        assertThat(changed.get("EB402").defaultSeverity()).isEqualTo(Severity.BLOCKER);
        assertThat(CATALOG.get("EB402").defaultSeverity()).isEqualTo(Severity.INFO);
        assertThat(changed.get("EB101").defaultSeverity())
                .isEqualTo(CATALOG.get("EB101").defaultSeverity());
    }

    @Test
    void aRuleSwitchedOnJoinsTheDefaultsAndOneSwitchedOffLeavesThem() throws IOException {
        ProjectSettings settings = read("rules:\n  EB405: on\n  EB101: off\n");
        AnalysisRequest request = settings.configure(AnalysisRequest.builder(), CATALOG, Set.of(), Set.of(), Map.of())
                .build();
        Set<String> defaults = new java.util.TreeSet<>();
        CATALOG.all().stream()
                .filter(rule -> rule.energy().defaultActive())
                .map(RuleMetadata::key)
                .forEach(defaults::add);
        assertThat(request.includedRules()).contains("EB405").containsAll(withoutKey(defaults, "EB101"));
        assertThat(request.excludedRules()).containsExactly("EB101");
    }

    @Test
    void theHostsOwnOptionsWin() throws IOException {
        ProjectSettings settings = read("""
                rules:
                  EB101: off
                  EB405: on
                  EB102:
                    params:
                      maxPollIntervalMs: 500
                exclude: ["**/gen/**"]
                """);
        AnalysisRequest request = settings.configure(
                        AnalysisRequest.builder(),
                        CATALOG,
                        Set.of("EB101", "EB102"),
                        Set.of("EB104"),
                        Map.of("EB102", Map.of("maxPollIntervalMs", "900")))
                .build();
        assertThat(request.includedRules()).containsExactlyInAnyOrder("EB101", "EB102");
        assertThat(request.excludedRules()).containsExactly("EB104");
        assertThat(request.ruleParameters()).containsEntry("EB102", Map.of("maxPollIntervalMs", "900"));
        assertThat(request.excludedPaths().globs()).containsExactly("**/gen/**");
    }

    private static Set<String> withoutKey(Set<String> keys, String key) {
        Set<String> copy = new java.util.TreeSet<>(keys);
        copy.remove(key);
        return copy;
    }
}
