package org.ecobugs.rules.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigParserTest {

    @Test
    void propertiesFollowJavaUtilPropertiesSyntax() throws Exception {
        String text = String.join(
                "\n",
                "# a comment",
                "! another comment",
                "server.port=8080",
                "  server.compression.enabled : true",
                "spring.jackson.serialization.INDENT_OUTPUT true",
                "server.compression.mime-types=application/json,\\",
                "    application/fhir+json",
                "path=C:\\\\data\\u00e9",
                "empty=",
                "");
        ConfigFile file = ConfigParser.parse(Path.of("application.properties"), text);

        assertThat(file.format()).isEqualTo(ConfigFile.Format.PROPERTIES);
        assertThat(file.profile()).isEmpty();
        assertThat(file.entries())
                .extracting(ConfigEntry::key, ConfigEntry::value, ConfigEntry::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("server.port", "8080", 3),
                        org.assertj.core.groups.Tuple.tuple("server.compression.enabled", "true", 4),
                        org.assertj.core.groups.Tuple.tuple("spring.jackson.serialization.INDENT_OUTPUT", "true", 5),
                        org.assertj.core.groups.Tuple.tuple(
                                "server.compression.mime-types", "application/json,application/fhir+json", 6),
                        org.assertj.core.groups.Tuple.tuple("path", "C:\\dataé", 8),
                        org.assertj.core.groups.Tuple.tuple("empty", "", 9));
        assertThat(file.find("spring.jackson.serialization.indent-output")).isPresent();
        assertThat(file.find("server.compression.enabled").map(ConfigEntry::isTrue))
                .contains(true);
        assertThat(file.under("server")).hasSize(3);
    }

    @Test
    void propertiesDocumentsActivateOnAProfile() throws Exception {
        String text = "a=1\n#---\nspring.config.activate.on-profile=dev\nb=2\n";
        ConfigFile file = ConfigParser.parse(Path.of("application.properties"), text);
        assertThat(file.find("a").flatMap(ConfigEntry::profile)).isEmpty();
        assertThat(file.find("b").flatMap(ConfigEntry::profile)).contains("dev");
        assertThat(file.find("b").map(ConfigEntry::isForDevelopers)).contains(true);
    }

    @Test
    void yamlIsFlattenedWithLinesAndProfiles() throws Exception {
        String text = String.join(
                "\n",
                "server:",
                "  port: 8080",
                "  compression:",
                "    enabled: false",
                "hapi:",
                "  fhir:",
                "    cors:",
                "      allowed_origin:",
                "        - '*'",
                "        - https://ward.example",
                "    tester:",
                "      - id: home",
                "        fhir_version: R4",
                "    password: ~",
                "---",
                "spring:",
                "  config:",
                "    activate:",
                "      on-profile: local",
                "  jackson:",
                "    serialization:",
                "      indent_output: true",
                "");
        ConfigFile file = ConfigParser.parse(Path.of("application-prod.yml"), text);

        assertThat(file.format()).isEqualTo(ConfigFile.Format.YAML);
        assertThat(file.profile()).contains("prod");
        assertThat(file.entries())
                .extracting(ConfigEntry::key, ConfigEntry::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("server.port", 2),
                        org.assertj.core.groups.Tuple.tuple("server.compression.enabled", 4),
                        org.assertj.core.groups.Tuple.tuple("hapi.fhir.cors.allowed_origin[0]", 9),
                        org.assertj.core.groups.Tuple.tuple("hapi.fhir.cors.allowed_origin[1]", 10),
                        org.assertj.core.groups.Tuple.tuple("hapi.fhir.tester[0].id", 12),
                        org.assertj.core.groups.Tuple.tuple("hapi.fhir.tester[0].fhir_version", 13),
                        org.assertj.core.groups.Tuple.tuple("hapi.fhir.password", 14),
                        org.assertj.core.groups.Tuple.tuple("spring.config.activate.on-profile", 19),
                        org.assertj.core.groups.Tuple.tuple("spring.jackson.serialization.indent_output", 22));
        assertThat(file.find("server.compression.enabled").map(ConfigEntry::isFalse))
                .contains(true);
        assertThat(file.find("server.port").flatMap(ConfigEntry::profile)).contains("prod");
        assertThat(file.find("spring.jackson.serialization.indent-output").flatMap(ConfigEntry::profile))
                .contains("local");
        assertThat(file.find("hapi.fhir.password").map(ConfigEntry::value)).contains("");
    }

    @Test
    void configurationFileNames() {
        for (String name : List.of("application.properties", "application.yml", "application-prod.yaml")) {
            assertThat(ConfigFile.isConfigFileName(name)).as(name).isTrue();
        }
        for (String name : List.of("app.properties", "application.json", "hapi.properties", "bootstrap.yml")) {
            assertThat(ConfigFile.isConfigFileName(name)).as(name).isFalse();
        }
        assertThat(ConfigFile.profileOf("application-cloud-eu.yml")).isEqualTo(Optional.of("cloud-eu"));
    }

    @Test
    void malformedYamlNamesTheLine() {
        assertThatThrownBy(() -> ConfigParser.parse(Path.of("application.yml"), "server:\n  port: 8080\n bad: [\n"))
                .isInstanceOf(ConfigParser.SyntaxException.class)
                .hasMessageStartingWith("Cannot parse: line ");
    }

    @Test
    void malformedYamlIsReportedWhereTheProblemIs() {
        // A tab that starts line 3: the parser's current token ends line 2, the problem is at 3:1.
        assertThatThrownBy(() ->
                        ConfigParser.parse(Path.of("application.yml"), "server:\n  port: 8080\n\tcompression: true\n"))
                .isInstanceOf(ConfigParser.SyntaxException.class)
                .hasMessageStartingWith("Cannot parse: line 3, column 1: ");
        // A flow sequence left open: reported where the parser found the end of the input.
        assertThatThrownBy(() -> ConfigParser.parse(Path.of("application.yml"), "a: 1\nb: [x,\nc: 2\n"))
                .isInstanceOf(ConfigParser.SyntaxException.class)
                .hasMessageStartingWith("Cannot parse: line 4, column 1: ");
    }
}
