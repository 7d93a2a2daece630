package org.ecobugs.lsp;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.Fix;
import org.ecobugs.rules.ProcessingError;
import org.ecobugs.rules.meta.RuleCatalog;

/**
 * Analyses a Java document when it is opened or saved, and shortly after the user stops typing: only the document that
 * changed, and not again for a text already analysed unless the project model under it changed (its files were read, or
 * another document's edit changed what a finding follows). Documents are analysed side by side, so that a slow one does
 * not hold back the others; of one document, only the analysis of its newest text publishes.
 */
final class EcobugsTextDocumentService implements TextDocumentService {

    /** How long typing must pause before a changed document is analysed. */
    private static final long CHANGE_DELAY_MS = 400;
    /** How long a shutdown waits for the running analyses, a file's worth of work. */
    private static final long SHUTDOWN_WAIT_MS = 10_000;
    /**
     * Analyses at once: two, so that one slow document leaves a worker to the others even on one core, and no more
     * than four, since the editor and its Java language server need the machine too.
     */
    static final int ANALYSIS_THREADS =
            Math.min(4, Math.max(2, Runtime.getRuntime().availableProcessors()));
    /**
     * The largest document analysed, in UTF-8 bytes, as the file the engine reads. A 20 MB document held a worker for
     * over half a minute, and hand-written classes stay far below this: a larger one is generated code, whose energy
     * bugs are the generator's. The command line's and the build's default, so that an editor and a build agree.
     */
    static final long MAX_SOURCE_FILE_BYTES = org.ecobugs.rules.AnalysisRequest.DEFAULT_MAX_SOURCE_FILE_BYTES;
    /** The language identifier of Java in the protocol. */
    private static final String JAVA_LANGUAGE = "java";
    /** A few lines with a loop, a call and a constant: enough to load the parser and the rules before the first file. */
    private static final String WARM_UP = "package warm.up;\nclass WarmUp {\n    volatile boolean ready;\n"
            + "    void await() {\n        while (!ready) Thread.onSpinWait();\n    }\n}\n";

    private final Documents documents;
    private final RuleCatalog catalog = RuleCatalog.builtIn();
    private final ScheduledThreadPoolExecutor pool = analysisPool();
    private final Map<String, DocumentAnalyses> analyses = new ConcurrentHashMap<>();
    private final UnaryOperator<Analyzer> analyzerAround;
    private volatile LanguageClient client;
    private volatile ProjectModels models = ProjectModels.NONE;
    private volatile Analyzer analyzer;

    /** What analyses the text of one document. */
    @FunctionalInterface
    interface Analyzer {
        DocumentAnalyzer.Outcome analyze(String uri, String text);
    }

    EcobugsTextDocumentService(Documents documents) {
        this(documents, UnaryOperator.identity());
    }

    /** @param analyzerAround wraps every analyzer the server makes, so that tests can hold analyses back */
    EcobugsTextDocumentService(Documents documents, UnaryOperator<Analyzer> analyzerAround) {
        this.documents = documents;
        this.analyzerAround = analyzerAround;
        this.analyzer = analyzerFor(Settings.DEFAULTS);
    }

    private static ScheduledThreadPoolExecutor analysisPool() {
        AtomicInteger threads = new AtomicInteger();
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(ANALYSIS_THREADS, runnable -> {
            Thread thread =
                    new Thread(null, runnable, "ecobugs-ls-analysis-" + threads.incrementAndGet(), 64L * 1024 * 1024);
            thread.setDaemon(true);
            return thread;
        });
        // Typing cancels an analysis per keystroke: without this, each would stay queued until its delay ran out.
        pool.setRemoveOnCancelPolicy(true);
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return pool;
    }

    void connect(LanguageClient languageClient) {
        this.client = languageClient;
    }

    void configure(Settings settings) {
        analyzer = analyzerFor(settings);
    }

    private Analyzer analyzerFor(Settings settings) {
        ProjectClasspath classpath = new ProjectClasspath(settings.resolveClasspath());
        models.close();
        models = settings.projectModel() ? new ProjectModels(classpath, new ModelChanges()) : ProjectModels.NONE;
        DocumentAnalyzer documentAnalyzer = new DocumentAnalyzer(classpath, models);
        return analyzerAround.apply(documentAnalyzer::analyze);
    }

    boolean keepsProjectModels() {
        return models.inUse();
    }

    void warmUp() {
        // Unsaved, so that no project around the server's working directory is looked for.
        submit(() -> analyzer.analyze("untitled:WarmUp", WARM_UP), 0);
    }

    /**
     * Drops the analyses not started, and the results of those running, and lets these finish: interrupting one could
     * stop it in the middle of a write, and an interrupted write closes an interruptible channel under it, the
     * connection's included.
     */
    void shutdown() {
        stop();
        try {
            if (!pool.awaitTermination(SHUTDOWN_WAIT_MS, TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Drops every analysis and stops the pool without waiting: its threads end with their analyses. */
    void stop() {
        models.close();
        analyses.values().forEach(DocumentAnalyses::close);
        analyses.clear();
        pool.shutdown();
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        documents.open(
                uri,
                params.getTextDocument().getLanguageId(),
                params.getTextDocument().getVersion(),
                params.getTextDocument().getText());
        schedule(uri, 0);
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        // Full synchronisation: the last change holds the whole text.
        List<org.eclipse.lsp4j.TextDocumentContentChangeEvent> changes = params.getContentChanges();
        if (!changes.isEmpty()) {
            documents.change(
                    uri,
                    params.getTextDocument().getVersion(),
                    changes.get(changes.size() - 1).getText());
            schedule(uri, CHANGE_DELAY_MS);
        }
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        schedule(params.getTextDocument().getUri(), 0);
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        Optional.ofNullable(analyses.remove(uri)).ifPresent(DocumentAnalyses::close);
        documents.close(uri);
        publish(uri, null, List.of());
        pathOf(uri).ifPresent(models::reread);
    }

    /**
     * Files changed outside the editor ({@code workspace/didChangeWatchedFiles}): a Java file that is not open is read
     * again into its project's model (or leaves it, deleted), and so are the files of a deleted folder; a build file
     * created or deleted drops the models, as it may move their projects' bounds. An open document is the editor's:
     * its text, not the file, is what the model holds until it is closed.
     */
    void filesChanged(List<FileEvent> changes) {
        if (!models.inUse()) {
            return;
        }
        Set<Path> files = new LinkedHashSet<>();
        boolean projectsMoved = false;
        for (FileEvent change : changes) {
            Optional<Path> path = pathOf(change.getUri());
            if (path.isEmpty() || path.get().getFileName() == null) {
                continue;
            }
            String name = path.get().getFileName().toString();
            if (ProjectClasspath.BUILD_FILES.contains(name)) {
                projectsMoved |= change.getType() != FileChangeType.Changed;
            } else if (name.endsWith(".java")) {
                files.add(path.get());
            } else if (change.getType() == FileChangeType.Deleted) {
                files.addAll(models.filesUnder(path.get()));
            }
        }
        if (projectsMoved) {
            models.forgetAll();
            analyses.values().forEach(documentAnalyses -> documentAnalyses.requestAgain(0));
            return;
        }
        analyses.keySet().forEach(uri -> pathOf(uri).ifPresent(files::remove));
        if (!files.isEmpty()) {
            models.rereadChangedOnDisk(files);
        }
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        String uri = params.getTextDocument().getUri();
        List<Either<Command, CodeAction>> actions = new ArrayList<>();
        documents.lastAnalysis(uri).ifPresent(analysed -> {
            for (Finding finding : analysed.findings()) {
                Range range = Diagnostics.rangeOf(finding, analysed.text());
                if (!overlaps(range, params.getRange())) {
                    continue;
                }
                Diagnostic diagnostic = Diagnostics.of(finding, uri, analysed.text(), analysed.catalog());
                actions.add(Either.forRight(suppression(uri, finding, analysed.text(), diagnostic)));
                annotation(uri, finding, analysed.text(), diagnostic).ifPresent(a -> actions.add(Either.forRight(a)));
                for (Fix fix : finding.fixes()) {
                    List<TextEdit> edits =
                            fix.edits().stream().map(Diagnostics::edit).toList();
                    CodeAction action = new CodeAction(fix.description() + " (" + finding.ruleKey() + ")");
                    action.setKind(CodeActionKind.QuickFix);
                    action.setDiagnostics(List.of(diagnostic));
                    action.setIsPreferred(true);
                    action.setEdit(new WorkspaceEdit(Map.of(uri, edits)));
                    actions.add(Either.forRight(action));
                }
            }
        });
        return CompletableFuture.completedFuture(actions);
    }

    /**
     * Marks a finding as intended with an {@code ecobugs:ignore} comment on the line above, indented like the reported
     * line, for the user to complete with the reason.
     */
    private static CodeAction suppression(String uri, Finding finding, String text, Diagnostic diagnostic) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        String reported = finding.line() - 1 < lines.length ? lines[finding.line() - 1] : "";
        String indent = reported.substring(
                0, reported.length() - reported.stripLeading().length());
        org.eclipse.lsp4j.Position start = new org.eclipse.lsp4j.Position(finding.line() - 1, 0);
        TextEdit comment = new TextEdit(
                new Range(start, start), indent + "// ecobugs:ignore " + finding.ruleKey() + " intended: \n");
        CodeAction action = new CodeAction("Mark " + finding.ruleKey() + " as intended here (ecobugs:ignore comment)");
        action.setKind(CodeActionKind.QuickFix);
        action.setDiagnostics(List.of(diagnostic));
        action.setEdit(new WorkspaceEdit(Map.of(uri, List.of(comment))));
        return action;
    }

    /**
     * Marks a finding as intended with {@code @SuppressWarnings("ecobugs:EBxxx")} on the method, constructor or field it
     * is in; none when the member already has a {@code @SuppressWarnings} (a second one would not compile) or the text
     * does not parse.
     */
    private static Optional<CodeAction> annotation(String uri, Finding finding, String text, Diagnostic diagnostic) {
        Optional<com.github.javaparser.ast.CompilationUnit> unit = org.ecobugs.rules.engine.JavaParsers.create(
                        org.ecobugs.rules.AnalysisRequest.DEFAULT_JAVA_VERSION)
                .parse(text)
                .getResult();
        if (unit.isEmpty()) {
            return Optional.empty();
        }
        Optional<com.github.javaparser.ast.body.BodyDeclaration<?>> member =
                unit.get().findAll(com.github.javaparser.ast.body.BodyDeclaration.class).stream()
                        .<com.github.javaparser.ast.body.BodyDeclaration<?>>map(
                                declaration -> (com.github.javaparser.ast.body.BodyDeclaration<?>) declaration)
                        .filter(declaration -> declaration.isCallableDeclaration() || declaration.isFieldDeclaration())
                        .filter(declaration -> declaration
                                .getRange()
                                .map(r -> r.begin.line <= finding.line() && finding.line() <= r.end.line)
                                .orElse(false))
                        .reduce((outer, inner) -> inner);
        if (member.isEmpty()
                || member.get().getAnnotationByName("SuppressWarnings").isPresent()) {
            return Optional.empty();
        }
        int line = member.get().getRange().orElseThrow().begin.line;
        String[] lines = text.split("\r\n|\r|\n", -1);
        String header = line - 1 < lines.length ? lines[line - 1] : "";
        String indent =
                header.substring(0, header.length() - header.stripLeading().length());
        org.eclipse.lsp4j.Position start = new org.eclipse.lsp4j.Position(line - 1, 0);
        TextEdit annotation = new TextEdit(
                new Range(start, start), indent + "@SuppressWarnings(\"ecobugs:" + finding.ruleKey() + "\")\n");
        String name = member.get().isFieldDeclaration()
                ? member.get().asFieldDeclaration().getVariable(0).getNameAsString()
                : member.get().asCallableDeclaration().getNameAsString();
        CodeAction action =
                new CodeAction("Mark " + finding.ruleKey() + " as intended in " + name + " (@SuppressWarnings)");
        action.setKind(CodeActionKind.QuickFix);
        action.setDiagnostics(List.of(diagnostic));
        action.setEdit(new WorkspaceEdit(Map.of(uri, List.of(annotation))));
        return Optional.of(action);
    }

    private void schedule(String uri, long delayMs) {
        if (documents.get(uri).filter(EcobugsTextDocumentService::isJava).isEmpty()) {
            return;
        }
        analyses.computeIfAbsent(uri, DocumentAnalyses::new).request(delayMs);
    }

    /**
     * A Java file, or an unsaved buffer in Java, which has no file name to tell, only its language. Documents of other
     * schemes (a diff's old side, a decompiled class) show other files, whose diagnostics would be noise.
     */
    private static boolean isJava(Documents.Document document) {
        String uri = document.uri();
        if (DocumentAnalyzer.isUntitled(uri)) {
            return JAVA_LANGUAGE.equals(document.languageId());
        }
        return uri.startsWith("file:") && uri.endsWith(".java");
    }

    /** Runs the task on the pool, unless the pool has stopped: a message after shutdown has nothing left to do. */
    private Future<?> submit(Runnable task, long delayMs) {
        try {
            return pool.schedule(task, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    private void analyze(DocumentAnalyses analyses, long generation) {
        String uri = analyses.uri;
        Optional<Documents.Document> document = documents.get(uri);
        if (document.isEmpty()) {
            return;
        }
        String text = document.get().text();
        Optional<Documents.Analysed> last = documents.lastAnalysis(uri);
        if (last.isPresent() && last.get().text().equals(text) && !analyses.isStale()) {
            return;
        }
        int version = document.get().version();
        if (isOverSizeLimit(text)) {
            String limit = MAX_SOURCE_FILE_BYTES / (1024 * 1024) + " MB";
            Diagnostic skipped = Diagnostics.notice("ecobugs skips documents over " + limit);
            boolean published = analyses.ifNewest(generation, () -> {
                documents.analysed(uri, new Documents.Analysed(version, text, List.of(), catalog));
                publish(uri, version, List.of(skipped));
            });
            if (published) {
                log(MessageType.Info, "ecobugs skipped " + uri + ": it is over " + limit);
            }
            return;
        }
        try {
            DocumentAnalyzer.Outcome outcome = analyzer.analyze(uri, text);
            List<Diagnostic> diagnostics = new ArrayList<>();
            for (Finding finding : outcome.findings()) {
                diagnostics.add(Diagnostics.of(finding, uri, text, outcome.catalog()));
            }
            boolean published = analyses.ifNewest(generation, () -> {
                documents.analysed(uri, new Documents.Analysed(version, text, outcome.findings(), outcome.catalog()));
                publish(uri, version, diagnostics);
            });
            if (!published) {
                return;
            }
            for (ProcessingError error : outcome.errors()) {
                log(MessageType.Warning, "ecobugs could not analyse " + error.input() + ": " + error.message());
            }
            log(
                    MessageType.Log,
                    "ecobugs analysed " + uri + " in " + outcome.millis() + " ms: "
                            + outcome.findings().size() + " energy bugs");
        } catch (RuntimeException e) {
            // A failure on one document must not stop the server: the user sees it in the log.
            log(MessageType.Error, "ecobugs failed on " + uri + ": " + e);
        }
    }

    /** Counts bytes only where characters do not settle it: each takes one to three bytes in UTF-8. */
    private static boolean isOverSizeLimit(String text) {
        return text.length() > MAX_SOURCE_FILE_BYTES
                || (text.length() * 3L > MAX_SOURCE_FILE_BYTES
                        && text.getBytes(StandardCharsets.UTF_8).length > MAX_SOURCE_FILE_BYTES);
    }

    private void publish(String uri, Integer version, List<Diagnostic> diagnostics) {
        LanguageClient current = client;
        if (current != null) {
            current.publishDiagnostics(new PublishDiagnosticsParams(uri, diagnostics, version));
        }
    }

    private void log(MessageType type, String message) {
        LanguageClient current = client;
        if (current != null) {
            current.logMessage(new MessageParams(type, message));
        }
    }

    /** The file of a {@code file:} document, as the analyses name it. */
    private static Optional<Path> pathOf(String uri) {
        if (!uri.startsWith("file:")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(URI.create(uri)).toAbsolutePath().normalize());
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Analyses again the open documents of a project whose model changed, as {@code which} says. */
    private void reanalyse(Path project, long delayMs, Predicate<String> which) {
        analyses.forEach((uri, documentAnalyses) -> {
            boolean inProject = pathOf(uri)
                    .flatMap(ProjectClasspath::projectOf)
                    .filter(project::equals)
                    .isPresent();
            if (inProject && which.test(uri)) {
                documentAnalyses.requestAgain(delayMs);
            }
        });
    }

    /** Keeps the open documents' findings in step with the project model. */
    private final class ModelChanges implements ProjectModels.Listener {

        @Override
        public void read(Path project, String outcome) {
            log(MessageType.Log, outcome);
            reanalyse(project, 0, uri -> true);
        }

        @Override
        public void changed(Path project, Path file, boolean chains) {
            // A finding that points into the file may point at lines that moved.
            reanalyse(
                    project,
                    CHANGE_DELAY_MS,
                    uri -> !pathOf(uri).equals(Optional.of(file)) && (chains || pointsInto(uri, file)));
        }

        @Override
        public void changedOnDisk(Path project, Map<Path, Boolean> chains) {
            boolean chainsChanged = chains.containsValue(true);
            reanalyse(
                    project,
                    0,
                    uri -> chainsChanged || chains.keySet().stream().anyMatch(file -> pointsInto(uri, file)));
        }

        private boolean pointsInto(String uri, Path file) {
            return documents.lastAnalysis(uri).stream()
                    .flatMap(analysed -> analysed.findings().stream())
                    .flatMap(finding -> finding.secondaryLocations().stream())
                    .anyMatch(secondary -> secondary.file().equals(file));
        }
    }

    private static boolean overlaps(Range a, Range b) {
        return !before(a.getEnd(), b.getStart()) && !before(b.getEnd(), a.getStart());
    }

    private static boolean before(org.eclipse.lsp4j.Position a, org.eclipse.lsp4j.Position b) {
        return a.getLine() < b.getLine() || (a.getLine() == b.getLine() && a.getCharacter() < b.getCharacter());
    }

    /**
     * The analyses of one open document. Each request to analyse it is a new generation, which cancels the request
     * still waiting; only the newest generation publishes, so an analysis overtaken by a change or a close while it
     * ran drops its result. One analysis of a document runs at a time, and a request made meanwhile runs after it:
     * typing in a slow document then holds one worker, not all of them, with analyses of texts already gone.
     */
    private final class DocumentAnalyses {

        private final String uri;
        private long newest;
        private Future<?> waiting;
        private boolean running;
        /** The generation that found another analysis running, to run when it ends; 0 for none. */
        private long deferred;

        private boolean closed;
        /**
         * Set when the project model changed under the document, until an analysis publishes: an analysis of a text
         * already analysed then runs anyway.
         */
        private boolean stale;

        DocumentAnalyses(String uri) {
            this.uri = uri;
        }

        synchronized void requestAgain(long delayMs) {
            stale = true;
            request(delayMs);
        }

        synchronized boolean isStale() {
            return stale;
        }

        synchronized void request(long delayMs) {
            if (closed) {
                return;
            }
            if (waiting != null) {
                waiting.cancel(false);
            }
            long generation = ++newest;
            waiting = submit(() -> run(generation), delayMs);
        }

        private void run(long generation) {
            synchronized (this) {
                if (closed || generation != newest) {
                    return;
                }
                if (running) {
                    deferred = generation;
                    return;
                }
                running = true;
            }
            try {
                analyze(this, generation);
            } finally {
                synchronized (this) {
                    running = false;
                    if (!closed && deferred == newest) {
                        long next = deferred;
                        waiting = submit(() -> run(next), 0);
                    }
                    deferred = 0;
                }
            }
        }

        /**
         * Runs the publication if no newer request and no close came since this generation's: under the lock that
         * they take, so that none comes between the check and the publication.
         */
        synchronized boolean ifNewest(long generation, Runnable publication) {
            if (closed || generation != newest) {
                return false;
            }
            publication.run();
            stale = false;
            return true;
        }

        synchronized void close() {
            closed = true;
            if (waiting != null) {
                waiting.cancel(false);
            }
        }
    }
}
