package org.ecobugs.lsp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.ecobugs.rules.Analysis;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.project.CallSite;
import org.ecobugs.rules.project.Effect;
import org.ecobugs.rules.project.FileSummary;
import org.ecobugs.rules.project.MethodSummary;

/**
 * The project model kept warm between edits (ADR 0011): per project, the method summaries of its files, read once in
 * the background when its first document is analysed, each document's replaced by the one every analysis of it
 * returns. An analysis is handed the summaries of the project's other files, so that a finding that follows a call into
 * another file (a scheduled task calling a service that sends an HTTP request) shows in the editor. Analyses made
 * before the files are read go on with what is known so far, the open documents' summaries.
 *
 * <p>Analyses run side by side and call in from several threads: each project's summaries are a concurrent map, a
 * document's analysis replaces its own entry, and the reading of the files adds only those no analysis gave since.
 */
final class ProjectModels {

    /** What the server does when a model changes under the open documents. */
    interface Listener {
        /** The project's files were read (or could not be): documents analysed before may have more findings. */
        void read(Path project, String outcome);

        /**
         * A file's summary changed. {@code chains} when what other files' findings follow through it changed (its
         * methods, what they do and call), not only where they are.
         */
        void changed(Path project, Path file, boolean chains);

        /**
         * Files changed or deleted outside the editor were read again, at once: by file, whether what other files'
         * findings follow through it changed; false for one whose summary is the same, whose constants may not be.
         */
        void changedOnDisk(Path project, Map<Path, Boolean> chains);
    }

    /** Keeps no model: each document is analysed alone. */
    static final ProjectModels NONE = new ProjectModels(null, null);

    private final ProjectClasspath classpath;
    private final Listener listener;
    private final Map<Path, Model> models = new ConcurrentHashMap<>();
    /** One reader: the editor's analyses keep the other cores. */
    private final ExecutorService reader;

    private volatile boolean closed;

    ProjectModels(ProjectClasspath classpath, Listener listener) {
        this.classpath = classpath;
        this.listener = listener;
        this.reader = listener == null
                ? null
                : Executors.newSingleThreadExecutor(task -> {
                    Thread thread = new Thread(null, task, "ecobugs-ls-project-model", 64L * 1024 * 1024);
                    thread.setDaemon(true);
                    return thread;
                });
    }

    boolean inUse() {
        return listener != null;
    }

    /** One project's summaries, by absolute normalised path. */
    private static final class Model {
        final Map<Path, FileSummary> summaries = new ConcurrentHashMap<>();
        volatile boolean read;
    }

    /**
     * The summaries of the project's files but {@code file}: all of them once its files are read, those known so far
     * before. The first call for a project starts reading its files.
     */
    Map<Path, FileSummary> others(Path project, Path file) {
        Model model = models.computeIfAbsent(project, p -> {
            Model created = new Model();
            submit(() -> read(p, created));
            return created;
        });
        Map<Path, FileSummary> others = new HashMap<>(model.summaries);
        others.remove(file);
        return others;
    }

    /**
     * Keeps what an analysis of {@code file} found it declares, in place of what was known. A document that did not
     * parse returns no summary and keeps its last one, so that a chain through it holds while it is being typed.
     */
    void update(Path project, Path file, FileSummary summary) {
        Model model = models.get(project);
        if (model == null) {
            return;
        }
        FileSummary previous = model.summaries.put(file, summary);
        // Until the files are read, every document is analysed again once they are.
        if (model.read && !summary.equals(previous) && !closed) {
            listener.changed(project, file, chainsDiffer(previous, summary));
        }
    }

    /** Reads a closed document's file again, in the background: the model goes back to what is saved. */
    void reread(Path file) {
        ProjectClasspath.projectOf(file).ifPresent(project -> reread(project, List.of(file), false));
    }

    /**
     * Reads again, in the background, files changed, created or deleted outside the editor (none of them open), in one
     * request per project, and tells the server once per project. Files of projects with no model yet are left to
     * the reading of their project.
     */
    void rereadChangedOnDisk(Collection<Path> files) {
        Map<Path, List<Path>> byProject = new LinkedHashMap<>();
        for (Path file : files) {
            ProjectClasspath.projectOf(file)
                    .filter(models::containsKey)
                    .ifPresent(project -> byProject
                            .computeIfAbsent(project, p -> new ArrayList<>())
                            .add(file));
        }
        byProject.forEach((project, changed) -> reread(project, changed, true));
    }

    /** The files of the models under a directory, as a deleted folder leaves them. */
    List<Path> filesUnder(Path directory) {
        return models.values().stream()
                .flatMap(model -> model.summaries.keySet().stream())
                .filter(file -> file.startsWith(directory))
                .toList();
    }

    /**
     * Drops every model, as a build file created or deleted may move the projects' bounds: each is read again when an
     * analysis next asks for it.
     */
    void forgetAll() {
        models.clear();
    }

    private void reread(Path project, List<Path> files, boolean onDisk) {
        Model model = models.get(project);
        if (model == null) {
            return;
        }
        submit(() -> {
            List<Path> sources = files.stream()
                    .filter(file -> Files.isRegularFile(file) && ProjectSources.includes(project, file))
                    .toList();
            Map<Path, FileSummary> read =
                    sources.isEmpty() ? Map.of() : summarise(project, sources).summaries();
            Map<Path, Boolean> chains = new LinkedHashMap<>();
            for (Path file : files) {
                FileSummary summary = read.get(file);
                FileSummary previous =
                        summary == null ? model.summaries.remove(file) : model.summaries.put(file, summary);
                if (summary == null && previous == null) {
                    continue;
                }
                if (onDisk || summary == null || !summary.equals(previous)) {
                    chains.put(file, summary == null || chainsDiffer(previous, summary));
                }
            }
            if (!model.read || closed || chains.isEmpty()) {
                return;
            }
            if (onDisk) {
                listener.changedOnDisk(project, chains);
            } else {
                chains.forEach((file, changed) -> listener.changed(project, file, changed));
            }
        });
    }

    /** Stops reading projects; a reading under way ends on its own, its outcome dropped. */
    void close() {
        closed = true;
        if (reader != null) {
            // Not interrupted: it may be writing to the client's connection, which an interrupt would close.
            reader.shutdown();
        }
    }

    private void read(Path project, Model model) {
        long start = System.nanoTime();
        String outcome;
        try {
            List<Path> files = ProjectSources.of(project);
            AnalysisResult result = summarise(project, files);
            // What an analysis gave since is newer than the file on disk.
            result.summaries().forEach(model.summaries::putIfAbsent);
            outcome = "ecobugs read the project model of " + project + ": "
                    + result.summaries().size() + " of " + files.size() + " files in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms";
        } catch (RuntimeException e) {
            outcome = "ecobugs could not read the project model of " + project + ": " + e;
        }
        model.read = true;
        if (!closed) {
            listener.read(project, outcome);
        }
    }

    private AnalysisResult summarise(Path project, List<Path> files) {
        AnalysisRequest.Builder request = AnalysisRequest.builder()
                .addSourceRoots(files)
                .addClasspath(classpath.libraries(project))
                .excludePaths(DocumentAnalyzer.settingsOf(project.resolve("pom.xml"), new ArrayList<>())
                        .exclusions())
                .summaries(AnalysisRequest.Summaries.ONLY)
                .threads(1);
        return Analysis.run(request.build());
    }

    private void submit(Runnable task) {
        try {
            reader.execute(task);
        } catch (RejectedExecutionException e) {
            // Closed: the server is shutting down.
        }
    }

    /** Whether what other files' findings follow through a file changed from one summary (or none) to another. */
    private static boolean chainsDiffer(FileSummary previous, FileSummary summary) {
        return previous == null || !withoutPlaces(previous).equals(withoutPlaces(summary));
    }

    /** What other files' findings follow through a summary: its methods, what they do and call, not where. */
    private static FileSummary withoutPlaces(FileSummary summary) {
        List<MethodSummary> methods = new ArrayList<>();
        for (MethodSummary m : summary.methods()) {
            methods.add(new MethodSummary(
                    m.owner(),
                    m.name(),
                    m.arity(),
                    m.returnType(),
                    m.statements(),
                    m.abstractMethod(),
                    null,
                    m.effects().stream()
                            .map(e -> new Effect(e.kind(), e.what(), e.doing(), null))
                            .toList(),
                    withoutPlaces(m.calls()),
                    withoutPlaces(m.returned()),
                    m.droppedParameters()));
        }
        return new FileSummary(summary.types(), methods);
    }

    private static List<CallSite> withoutPlaces(List<CallSite> calls) {
        return calls.stream()
                .map(c -> new CallSite(c.name(), c.arity(), c.receiver(), null))
                .toList();
    }
}
