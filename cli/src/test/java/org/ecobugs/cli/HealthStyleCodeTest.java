package org.ecobugs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Code the rules were never tuned on, written the way health-software teams write it — Spring {@code @Scheduled},
 * scheduled executors, {@code java.util.Timer}, an MLLP reconnect loop, sleep polls on a radiology and a FHIR endpoint,
 * a drop folder — each beside its event-driven or bounded twin. Sources only, no classpath: every energy bug is found,
 * and no twin is.
 */
class HealthStyleCodeTest {

    private static final Path SOURCES = Path.of(System.getProperty("ecobugs.repo.dir"))
            .resolve("cli/src/test/resources/unseen")
            .toAbsolutePath()
            .normalize();
    private static final Pattern WARNING = Pattern.compile("^(\\S+?):(\\d+):\\d+: warning: \\[(EB\\d{3})]");

    @Test
    void findsEachPollingAndRetryBugAndNoneOfTheirTwins() {
        CliRun run = CliRun.of("analyze", SOURCES.toString(), "--base-dir", SOURCES.toString());

        assertThat(run.err()).isEmpty();
        List<String> found = run.out()
                .lines()
                .map(WARNING::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1) + ":" + m.group(2) + " " + m.group(3))
                .toList();
        assertThat(found)
                .containsExactly(
                        "org/example/his/BedBoard.java:13 EB103",
                        "org/example/his/DropFolder.java:18 EB106",
                        // A RestTemplate with the default factory: no timeouts (payload and data-access rules).
                        "org/example/his/LabResultSync.java:11 EB210",
                        "org/example/his/LabResultSync.java:18 EB104",
                        "org/example/his/MllpLink.java:21 EB302",
                        "org/example/his/ObservationWatcher.java:25 EB105",
                        // The polled search does not set _count either.
                        "org/example/his/ObservationWatcher.java:29 EB204",
                        "org/example/his/ReportWaiter.java:17 EB104",
                        // The polled request asks for no gzip and has no timeout.
                        "org/example/his/ReportWaiter.java:18 EB202",
                        "org/example/his/ReportWaiter.java:18 EB210");
    }
}
