package org.ecobugs.rules.checks;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.ResourceContext;
import org.ecobugs.rules.api.ResourceDetector;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.RuleParameters;
import org.ecobugs.rules.config.ConfigEntry;
import org.ecobugs.rules.config.ConfigFile;

/**
 * A Spring Boot web server whose configuration leaves HTTP response compression off: switched off explicitly, never
 * switched on (Spring Boot's default is off), or on for a MIME-type list without JSON. Read over the base and profile
 * files of a directory together. HAPI FHIR servers (configured under {@code hapi.fhir}) are left alone when nothing is
 * set: HAPI's {@code RestfulServer} compresses FHIR responses itself for clients that accept gzip. Sample, example and
 * demo applications shipped beside a framework (a module named {@code example-app}, {@code samples}, {@code demo}) are
 * left alone too: they show how to wire the framework, serve no production traffic, and their settings are copied
 * into a real deployment's configuration, where the rule finds them.
 */
@RuleKey("EB203")
public final class ServerResponseCompressionOffRule implements EnergyRule, ResourceDetector {

    static final String PARAM_COMPRESSED_ELSEWHERE = "compressedElsewhere";

    private static final String ENABLED = "server.compression.enabled";
    private static final String MIME_TYPES = "server.compression.mime-types";

    static final String SWITCHED_OFF = "server.compression.enabled=false sends every response uncompressed; set it"
            + " to true (and list application/json and application/fhir+json in server.compression.mime-types), unless"
            + " a proxy in front compresses the responses.";
    static final String NEVER_ON =
            "This Spring Boot server sends its responses uncompressed (server.compression.enabled"
                    + " is not set, and is off by default); set it to true and list application/json and application/fhir+json"
                    + " in server.compression.mime-types, unless a proxy in front compresses the responses.";
    static final String NO_JSON =
            "server.compression.mime-types leaves JSON responses uncompressed; add application/json"
                    + " and application/fhir+json to the list.";

    private final boolean compressedElsewhere;

    public ServerResponseCompressionOffRule(RuleParameters parameters) {
        this.compressedElsewhere = parameters.bool(PARAM_COMPRESSED_ELSEWHERE);
    }

    /** A module or directory name that says it holds a sample: example-app, samples, demo-server, spring-demo. */
    private static final Pattern SAMPLE_NAME =
            Pattern.compile("(^|[-_.])(examples?|samples?|demos?)([-_.]|$)", Pattern.CASE_INSENSITIVE);

    @Override
    public void visitConfigFile(ConfigFile file, ResourceContext context) {
        if (isInASampleModule(file.path())) {
            return;
        }
        List<ConfigFile> siblings = context.siblings();
        if (!compressedElsewhere) {
            for (ConfigEntry entry : file.findAll(ENABLED)) {
                if (entry.isFalse() && !entry.isForDevelopers()) {
                    context.report(entry.line(), SWITCHED_OFF);
                }
            }
        }
        if (enabledAnywhere(siblings)) {
            mimeTypesWithoutJson(file).ifPresent(entry -> context.report(entry.line(), NO_JSON));
            return;
        }
        if (compressedElsewhere || setAnywhere(siblings) || isHapiFhirServer(siblings)) {
            return;
        }
        Optional<ConfigEntry> server = firstServerSetting(siblings);
        if (server.isPresent() && file.entries().contains(server.get())) {
            context.report(server.get().line(), NEVER_ON);
        }
    }

    /**
     * Whether the file belongs to a sample application: the module that holds it (the directory above {@code src} in a
     * Maven or Gradle layout, else the file's own directory) is named as one. Only that name is read, not the folders
     * above the project.
     */
    static boolean isInASampleModule(Path file) {
        Path module = file.getParent();
        for (Path dir = file.getParent(); dir != null; dir = dir.getParent()) {
            if (dir.getFileName() != null && dir.getFileName().toString().equals("src")) {
                module = dir.getParent();
                break;
            }
        }
        return module != null
                && module.getFileName() != null
                && SAMPLE_NAME.matcher(module.getFileName().toString()).find();
    }

    /** Whether compression is on for a profile that serves real traffic (developer profiles do not count). */
    private static boolean enabledAnywhere(List<ConfigFile> files) {
        return files.stream()
                .flatMap(f -> f.findAll(ENABLED).stream())
                .filter(e -> !e.isForDevelopers())
                .anyMatch(ConfigEntry::isTrue);
    }

    private static boolean setAnywhere(List<ConfigFile> files) {
        return files.stream().flatMap(f -> f.findAll(ENABLED).stream()).anyMatch(e -> !e.isForDevelopers());
    }

    private static boolean isHapiFhirServer(List<ConfigFile> files) {
        return files.stream().anyMatch(f -> !f.under("hapi.fhir").isEmpty());
    }

    /**
     * The first setting that shows a web server is configured ({@code server.port}, {@code server.servlet.…}, …), in
     * the order Spring Boot reads the files; compression settings aside.
     */
    private static Optional<ConfigEntry> firstServerSetting(List<ConfigFile> files) {
        return files.stream()
                .flatMap(f -> f.entries().stream())
                .filter(e -> !e.isForDevelopers())
                .filter(e -> e.isUnder("server") && !e.isUnder("server.compression"))
                .findFirst();
    }

    /** The explicit MIME-type list of this file when it names no JSON type; YAML lists are one entry per item. */
    private static Optional<ConfigEntry> mimeTypesWithoutJson(ConfigFile file) {
        List<ConfigEntry> items = file.entries().stream()
                .filter(e -> e.is(MIME_TYPES) || e.isUnder(MIME_TYPES))
                .filter(e -> !e.isForDevelopers())
                .toList();
        if (items.isEmpty()) {
            return Optional.empty();
        }
        boolean json = items.stream()
                .flatMap(e -> List.of(e.value().split(",")).stream())
                .map(type -> type.strip().toLowerCase(Locale.ROOT))
                .anyMatch(type -> type.equals("application/json") || type.endsWith("+json") || type.equals("*/*"));
        return json ? Optional.empty() : Optional.of(items.get(0));
    }
}
