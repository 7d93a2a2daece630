package org.ecobugs.lsp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A project whose scheduled task ({@code ResultSync}) calls a client in another file ({@code LabClient}): EB104 stands
 * on the task when the client's method sends {@link #REQUEST}, through the project model alone.
 */
final class WardProject {

    static final String TASK = """
            package org.example;

            import org.springframework.scheduling.annotation.Scheduled;

            class ResultSync {
                private final LabClient lab = new LabClient();

                @Scheduled(fixedDelay = 10_000)
                void pollResults() {
                    lab.fetchResults();
                }
            }
            """;
    /** The client, whose method returns what {@code formatted} is given. */
    static final String CLIENT = """
            package org.example;

            import org.springframework.web.client.RestTemplate;

            class LabClient {
                private final RestTemplate rest = new RestTemplate();

                String fetchResults() {
                    return %s;
                }
            }
            """;

    static final String REQUEST = "rest.getForObject(\"https://lab.example/results\", String.class)";
    static final String NO_REQUEST = "\"none\"";

    private WardProject() {}

    /** Writes the build file and the two sources, the client returning {@code clientReturns}; returns their folder. */
    static Path write(Path project, String buildFile, String buildText, String clientReturns) throws IOException {
        Files.createDirectories(project);
        Files.writeString(project.resolve(buildFile), buildText);
        Path sources = Files.createDirectories(project.resolve("src/main/java/org/example"));
        Files.writeString(sources.resolve("ResultSync.java"), TASK);
        Files.writeString(sources.resolve("LabClient.java"), CLIENT.formatted(clientReturns));
        return sources;
    }
}
