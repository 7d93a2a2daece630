package org.ecobugs.lsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ecobugs.rules.Analysis;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.ProcessingError;
import org.ecobugs.rules.meta.RuleCatalog;
import org.ecobugs.rules.project.FileSummary;
import org.ecobugs.rules.settings.ProjectSettings;
import org.ecobugs.rules.settings.SettingsException;

/**
 * Analyses the text of one open document, as the editor shows it, saved or not: the engine is handed the text with the
 * document's path, where its findings are placed, the project's classes compiled from the same file when they are of
 * this text, and the summaries of the project's other files (its {@link ProjectModels model}), which the document's
 * own summary then replaces. An unsaved buffer ({@code untitled:}) has no path: it is named after the buffer.
 */
final class DocumentAnalyzer {

    /** Names only: an empty one ({@code package .tmp;}) names no directory the classes could be in. */
    private static final Pattern PACKAGE =
            Pattern.compile("^\\s*package\\s+(\\w+(?:\\.\\w+)*)\\s*;", Pattern.MULTILINE);

    private static final String UNTITLED_PREFIX = "untitled:";
    private static final Pattern NOT_IN_FILE_NAMES = Pattern.compile("[^\\w.-]+");

    /**
     * What one analysis yielded, on the document's own path, with the rules' severities as the project's configuration
     * file sets them.
     */
    record Outcome(List<Finding> findings, List<ProcessingError> errors, long millis, RuleCatalog catalog) {}

    private final ProjectClasspath classpath;
    private final ProjectModels models;

    /** Without a project model: each document alone. */
    DocumentAnalyzer(ProjectClasspath classpath) {
        this(classpath, ProjectModels.NONE);
    }

    DocumentAnalyzer(ProjectClasspath classpath, ProjectModels models) {
        this.classpath = classpath;
        this.models = models;
    }

    static boolean isUntitled(String uri) {
        return uri.startsWith(UNTITLED_PREFIX);
    }

    /** Analyses a {@code file:} document, or an {@code untitled:} one. */
    Outcome analyze(String uri, String text) {
        if (isUntitled(uri)) {
            return analyze(Path.of(untitledFileName(uri)), false, text);
        }
        return analyze(Path.of(URI.create(uri)).toAbsolutePath().normalize(), true, text);
    }

    /**
     * A file name for an unsaved buffer: its name in the editor ({@code untitled:Untitled-1}, or the last segment of a
     * path some editors give), kept to characters every file system takes, and the extension the engine looks for.
     */
    static String untitledFileName(String uri) {
        String name;
        try {
            name = URI.create(uri).getSchemeSpecificPart();
        } catch (IllegalArgumentException e) {
            name = uri.substring(UNTITLED_PREFIX.length());
        }
        name = name.substring(name.lastIndexOf('/') + 1);
        name = NOT_IN_FILE_NAMES.matcher(name).replaceAll("_");
        if (name.isEmpty() || name.startsWith(".")) {
            name = "Untitled" + name;
        }
        return name.endsWith(".java") ? name : name + ".java";
    }

    /** @param ownPath whether {@code file} is the document's path, which may be in a project, or only a name for it */
    private Outcome analyze(Path file, boolean ownPath, String text) {
        long start = System.nanoTime();
        AnalysisRequest.Builder request =
                AnalysisRequest.builder().addSourceText(file, text).threads(1);
        List<ProcessingError> errors = new ArrayList<>();
        ProjectSettings settings = ownPath ? settingsOf(file, errors) : ProjectSettings.NONE;
        RuleCatalog catalog = settings.catalog(RuleCatalog.builtIn());
        if (settings.exclusions().matcher().excludes(file)) {
            return new Outcome(List.of(), errors, (System.nanoTime() - start) / 1_000_000, catalog);
        }
        settings.configure(request, RuleCatalog.builtIn(), Set.of(), Set.of(), Map.of());
        Optional<Path> project = ownPath ? ProjectClasspath.projectOf(file) : Optional.empty();
        if (project.isPresent()) {
            // Classes compiled from an older text would place findings on the wrong lines.
            if (matchesDisk(file, text)) {
                String fileName = file.getFileName().toString();
                String simpleName = fileName.substring(0, fileName.length() - ".java".length());
                request.addClassInputs(ProjectClasspath.classesOf(
                        project.get(), packageOf(text).replace('.', '/'), simpleName));
            }
            request.addClasspath(classpath.libraries(project.get()));
            if (models.inUse()) {
                request.knownSummaries(models.others(project.get(), file))
                        .summaries(AnalysisRequest.Summaries.EVERY_FILE);
            }
        }
        AnalysisResult result = Analysis.run(request.build());
        FileSummary summary = result.summaries().get(file);
        if (summary != null) {
            models.update(project.orElseThrow(), file, summary);
        }
        errors.addAll(result.errors());
        return new Outcome(result.findings(), errors, (System.nanoTime() - start) / 1_000_000, catalog);
    }

    /**
     * The configuration file that applies to a document: the nearest {@code ecobugs.yml} above it, up to its
     * repository's root (or its project's directory outside a repository). Read at each analysis, so that an edit to
     * the file applies to the next one; a file that cannot be used is reported, and the document analysed without it.
     */
    static ProjectSettings settingsOf(Path file, List<ProcessingError> errors) {
        Path directory = file.toAbsolutePath().getParent();
        if (directory == null) {
            return ProjectSettings.NONE;
        }
        Path top = repositoryRoot(directory)
                .or(() -> ProjectClasspath.projectOf(file))
                .orElse(directory);
        Optional<Path> found = ProjectSettings.find(directory, top);
        if (found.isEmpty()) {
            return ProjectSettings.NONE;
        }
        try {
            return ProjectSettings.read(found.get(), RuleCatalog.builtIn());
        } catch (SettingsException e) {
            errors.add(new ProcessingError(
                    found.get().toString(),
                    null,
                    ProcessingError.Kind.UNREADABLE_INPUT,
                    e.getMessage() + " (analysed without it)"));
            return ProjectSettings.NONE;
        }
    }

    private static Optional<Path> repositoryRoot(Path directory) {
        for (Path dir = directory; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static boolean matchesDisk(Path file, String text) {
        try {
            return Files.isRegularFile(file)
                    && Files.readString(file, StandardCharsets.UTF_8).equals(text);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    static String packageOf(String text) {
        Matcher matcher = PACKAGE.matcher(text);
        return matcher.find() ? matcher.group(1) : "";
    }
}
