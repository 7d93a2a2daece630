package org.ecobugs.rules.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static ConfigFile file(String path, String text) throws ConfigParser.SyntaxException {
        return ConfigParser.parse(Path.of(path), text);
    }

    private static Settings settings(ConfigFile... files) {
        return Settings.of(new ArrayList<>(List.of(files)));
    }

    @Test
    void keysCompareAsRelaxedBindingDoes() throws Exception {
        Settings settings = settings(file("app/application.properties", "fhir.prettyPrint=true\nLAB.POLL_MS=5\n"));

        assertThat(settings.get("fhir.pretty-print"))
                .map(Settings.Setting::value)
                .contains("true");
        assertThat(settings.get("lab.poll-ms")).map(Settings.Setting::value).contains("5");
        assertThat(settings.get("lab.poll-ms").orElseThrow().line()).isEqualTo(2);
        assertThat(settings.get("lab.other")).isEmpty();
    }

    @Test
    void aProfilesValueIsNotTheDefaultOne() throws Exception {
        Settings settings = settings(
                file("app/application-prod.properties", "lab.poll-ms=60000\n"),
                file(
                        "app/application.yml",
                        "lab:\n  poll-ms: 500\n---\nspring.config.activate.on-profile: dev\nlab:\n  poll-ms: 10\n"));

        assertThat(settings.get("lab.poll-ms")).map(Settings.Setting::value).contains("500");
    }

    @Test
    void inOneDirectoryPropertiesOverrideYamlAndALaterEntryAnEarlierOne() throws Exception {
        Settings settings = settings(
                file("app/application.yml", "lab:\n  poll-ms: 500\n  retries: 3\n"),
                file("app/application.properties", "lab.poll-ms=700\nlab.poll-ms=900\n"));

        Settings.Setting poll = settings.get("lab.poll-ms").orElseThrow();
        assertThat(poll.value()).isEqualTo("900");
        assertThat(poll.fileName()).isEqualTo("application.properties");
        assertThat(settings.get("lab.retries")).map(Settings.Setting::value).contains("3");
    }

    @Test
    void directoriesThatDisagreeGiveNoValue() throws Exception {
        Settings settings = settings(
                file("a/application.properties", "lab.poll-ms=500\nlab.host=lab.example\n"),
                file("b/application.properties", "lab.poll-ms=60000\nlab.host=lab.example\n"));

        assertThat(settings.get("lab.poll-ms")).isEmpty();
        assertThat(settings.isAmbiguous("lab.poll-ms")).isTrue();
        assertThat(settings.get("lab.host").orElseThrow().file()).isEqualTo(Path.of("a/application.properties"));
        assertThat(settings.resolve("${lab.poll-ms:5}")).isEmpty();
    }

    @Test
    void placeholdersResolveThroughTheSettingsAndTheirDefaults() throws Exception {
        Settings settings = settings(file(
                "app/application.properties", "lab.poll-ms=${lab.base-ms}\nlab.base-ms=250\nlab.url=${LAB_URL:x}\n"));

        Settings.Resolved poll = settings.resolve("${lab.poll-ms}").orElseThrow();
        assertThat(poll.text()).isEqualTo("250");
        assertThat(poll.set()).extracting(Settings.Setting::key).containsExactly("lab.poll-ms", "lab.base-ms");
        assertThat(poll.defaulted()).isEmpty();

        Settings.Resolved later =
                settings.resolve("PT${lab.wait-s:${lab.other:3}}S").orElseThrow();
        assertThat(later.text()).isEqualTo("PT3S");
        assertThat(later.defaulted()).extracting(Settings.Defaulted::key).containsExactly("lab.other", "lab.wait-s");

        assertThat(settings.resolve("${lab.url}")).map(Settings.Resolved::text).contains("x");
        assertThat(settings.resolve("${lab.missing}")).isEmpty();
        assertThat(settings.resolve("${lab.unclosed")).isEmpty();
        assertThat(settings.resolve("plain")).map(Settings.Resolved::text).contains("plain");
    }

    @Test
    void keysThatReferToEachOtherStopAtTheDepthBound() throws Exception {
        Settings settings = settings(file("app/application.properties", "a=${b}\nb=${a}\n"));

        assertThat(settings.resolve("${a}")).isEmpty();
    }
}
