package org.ecobugs.lsp;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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
 * Analyses a Java document when it is opened or saved, and shortly after the user stops typing; one analysis at a time,
 * only of the document that changed, and not again for a text already analysed.
 */
final class EcobugsTextDocumentService implements TextDocumentService {

    /** How long typing must pause before a changed document is analysed. */
    private static final long CHANGE_DELAY_MS = 400;
    /** How long a shutdown waits for the running analysis, a file's worth of work. */
    private static final long SHUTDOWN_WAIT_MS = 10_000;

    /** A few lines with a loop, a call and a constant: enough to load the parser and the rules before the first file. */
    private static final String WARM_UP = "package warm.up;\nclass WarmUp {\n    volatile boolean ready;\n"
            + "    void await() {\n        while (!ready) Thread.onSpinWait();\n    }\n}\n";

    private final Documents documents;
    private final RuleCatalog catalog = RuleCatalog.builtIn();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(null, runnable, "ecobugs-ls-analysis", 64L * 1024 * 1024);
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final UnaryOperator<Analyzer> analyzerAround;
    private volatile LanguageClient client;
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

    void connect(LanguageClient languageClient) {
        this.client = languageClient;
    }

    void configure(Settings settings) {
        analyzer = analyzerFor(settings);
    }

    private Analyzer analyzerFor(Settings settings) {
        DocumentAnalyzer documentAnalyzer = new DocumentAnalyzer(new ProjectClasspath(settings.resolveClasspath()));
        return analyzerAround.apply((uri, text) -> documentAnalyzer.analyze(Path.of(URI.create(uri)), text));
    }

    void warmUp() {
        worker.execute(() -> analyzer.analyze(Path.of("WarmUp.java").toUri().toString(), WARM_UP));
    }

    /**
     * Drops the analyses not started and lets the running one finish: interrupting it could stop it in the middle of
     * publishing its diagnostics, and an interrupted write closes an interruptible channel under the connection.
     */
    void shutdown() {
        pending.values().forEach(task -> task.cancel(false));
        pending.clear();
        worker.shutdown();
        try {
            if (!worker.awaitTermination(SHUTDOWN_WAIT_MS, TimeUnit.MILLISECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        documents.open(
                uri,
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
        Optional.ofNullable(pending.remove(uri)).ifPresent(task -> task.cancel(false));
        documents.close(uri);
        publish(uri, List.of());
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        String uri = params.getTextDocument().getUri();
        List<Either<Command, CodeAction>> actions = new ArrayList<>();
        documents.lastAnalysis(uri).ifPresent(analysed -> {
            for (Finding finding : analysed.findings()) {
                Range range = Diagnostics.rangeOf(finding, analysed.text());
                if (finding.fixes().isEmpty() || !overlaps(range, params.getRange())) {
                    continue;
                }
                Diagnostic diagnostic = Diagnostics.of(finding, analysed.text(), catalog);
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

    private void schedule(String uri, long delayMs) {
        if (!uri.endsWith(".java")) {
            return;
        }
        ScheduledFuture<?> task = worker.schedule(() -> analyze(uri), delayMs, TimeUnit.MILLISECONDS);
        Optional.ofNullable(pending.put(uri, task)).ifPresent(previous -> previous.cancel(false));
    }

    private void analyze(String uri) {
        Optional<Documents.Document> document = documents.get(uri);
        if (document.isEmpty()) {
            return;
        }
        String text = document.get().text();
        Optional<Documents.Analysed> last = documents.lastAnalysis(uri);
        if (last.isPresent() && last.get().text().equals(text)) {
            return;
        }
        try {
            DocumentAnalyzer.Outcome outcome = analyzer.analyze(uri, text);
            documents.analysed(uri, new Documents.Analysed(document.get().version(), text, outcome.findings()));
            List<Diagnostic> diagnostics = new ArrayList<>();
            for (Finding finding : outcome.findings()) {
                diagnostics.add(Diagnostics.of(finding, text, catalog));
            }
            publish(uri, diagnostics);
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

    private void publish(String uri, List<Diagnostic> diagnostics) {
        LanguageClient current = client;
        if (current != null) {
            current.publishDiagnostics(new PublishDiagnosticsParams(uri, diagnostics));
        }
    }

    private void log(MessageType type, String message) {
        LanguageClient current = client;
        if (current != null) {
            current.logMessage(new MessageParams(type, message));
        }
    }

    private static boolean overlaps(Range a, Range b) {
        return !before(a.getEnd(), b.getStart()) && !before(b.getEnd(), a.getStart());
    }

    private static boolean before(org.eclipse.lsp4j.Position a, org.eclipse.lsp4j.Position b) {
        return a.getLine() < b.getLine() || (a.getLine() == b.getLine() && a.getCharacter() < b.getCharacter());
    }
}
