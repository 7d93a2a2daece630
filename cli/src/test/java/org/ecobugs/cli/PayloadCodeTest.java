package org.ecobugs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Code the payload and data-access rules were never tuned on, written the way health-software teams write it: a JDBC
 * DAO with {@code SELECT *} and a per-patient helper, a Spring Data repository with a native {@code SELECT *}, a ward
 * service that trims and counts whole result sets and looks encounters up one by one, JPA queries without limits, a
 * pretty-printing discharge exporter, a FHIR client that searches without {@code _count}, reads patients one by one,
 * counts by fetching and downloads whole resources for one element, and a Spring Boot configuration that indents JSON
 * and never compresses — each beside its explicit-column, paged, counted, compact, batched, subset or developer-profile
 * twin. Sources and configuration only, no classpath: every energy bug is found, and no twin is.
 */
class PayloadCodeTest {

    private static final Path PROJECT = Path.of(System.getProperty("ecobugs.repo.dir"))
            .resolve("cli/src/test/resources/unseen-payload")
            .toAbsolutePath()
            .normalize();
    private static final Pattern WARNING = Pattern.compile("^(\\S+?):(\\d+):\\d+: warning: \\[(EB\\d{3})]");

    @Test
    void findsEachPayloadAndDataAccessBugAndNoneOfTheirTwins() {
        // Every rule of the two families, those off by default (EB601, EB603, EB604) included.
        CliRun run = CliRun.of(
                "analyze",
                PROJECT.toString(),
                "--base-dir",
                PROJECT.toString(),
                "--rules",
                "EB201,EB202,EB203,EB204,EB205,EB206,EB207,EB208,EB209,EB210,EB601,EB603,EB604,EB605,EB606");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        List<String> found = run.out()
                .lines()
                .map(WARNING::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1) + ":" + m.group(2) + " " + m.group(3))
                .toList();
        assertThat(found)
                .containsExactly(
                        // server.port without server.compression.enabled; the local profile's "false" does not count
                        "application.properties:3 EB203",
                        // indent-output in the base profile; the same in application-local.properties is for people
                        "application.properties:7 EB201",
                        "org/example/cdr/ObservationDao.java:25 EB604",
                        // a per-patient helper that prepares and runs a query, called in a loop
                        "org/example/cdr/ObservationDao.java:42 EB601",
                        "org/example/cdr/WardService.java:21 EB605",
                        "org/example/cdr/WardService.java:32 EB606",
                        "org/example/cdr/WardService.java:40 EB601",
                        "org/example/cdr/WardService.java:50 EB605",
                        "org/example/export/DischargeExporter.java:16 EB201",
                        "org/example/fhir/VitalsClient.java:21 EB204",
                        "org/example/fhir/VitalsClient.java:42 EB209",
                        "org/example/fhir/VitalsClient.java:57 EB606",
                        "org/example/fhir/VitalsClient.java:77 EB205");
    }

    @Test
    void theConfigurationBesideMavenSourcesIsRead(@TempDir Path project) throws IOException {
        Path sources = Files.createDirectories(project.resolve("src/main/java/org/example"));
        Files.writeString(sources.resolve("App.java"), "package org.example;\nclass App {}\n");
        Path resources = Files.createDirectories(project.resolve("src/main/resources"));
        Files.writeString(resources.resolve("application.yml"), "spring:\n  gson:\n    pretty-printing: true\n");
        Files.writeString(
                Files.createDirectories(project.resolve("src/test/resources")).resolve("application.yml"),
                "spring:\n  gson:\n    pretty-printing: true\n");

        CliRun run =
                CliRun.of("analyze", project.resolve("src/main/java").toString(), "--base-dir", project.toString());

        assertThat(run.out().lines().filter(l -> l.contains("warning:")))
                .containsExactly("src/main/resources/application.yml:3:1: warning: [EB201]"
                        + " spring.gson.pretty-printing=true pads every JSON response of the application with"
                        + " indentation; serialize compactly and pretty-print only for human readers.");
    }
}
