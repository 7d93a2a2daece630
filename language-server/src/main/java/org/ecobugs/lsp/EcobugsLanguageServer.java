package org.ecobugs.lsp;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WatchKind;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;
import org.ecobugs.rules.ProductInfo;

/**
 * The ecobugs language server: analyses Java files on open, change and save, publishes energy bugs as diagnostics and
 * offers the rules' mechanical fixes as quick fixes.
 */
public final class EcobugsLanguageServer implements LanguageServer, LanguageClientAware {

    private static final String WATCHERS_ID = "ecobugs-project-files";

    private final Documents documents = new Documents();
    private final EcobugsTextDocumentService textDocuments;
    private final EcobugsWorkspaceService workspace;
    private final IntConsumer onExit;
    private volatile int exitCode = 1;
    private volatile LanguageClient client;
    private volatile boolean watchersRegistrable;

    /** @param onExit ends the process with the protocol's exit code ({@code System::exit} when run as a program) */
    public EcobugsLanguageServer(IntConsumer onExit) {
        this(onExit, UnaryOperator.identity());
    }

    /** @param analyzerAround wraps every analyzer the server makes, so that tests can hold analyses back */
    EcobugsLanguageServer(IntConsumer onExit, UnaryOperator<EcobugsTextDocumentService.Analyzer> analyzerAround) {
        this.onExit = onExit;
        this.textDocuments = new EcobugsTextDocumentService(documents, analyzerAround);
        this.workspace = new EcobugsWorkspaceService(textDocuments);
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        textDocuments.configure(Settings.from(params.getInitializationOptions()));
        watchersRegistrable = Optional.ofNullable(params.getCapabilities())
                .map(ClientCapabilities::getWorkspace)
                .map(WorkspaceClientCapabilities::getDidChangeWatchedFiles)
                .map(DidChangeWatchedFilesCapabilities::getDynamicRegistration)
                .orElse(false);
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Full);
        sync.setSave(new SaveOptions(false));
        ServerCapabilities capabilities = new ServerCapabilities();
        capabilities.setTextDocumentSync(sync);
        capabilities.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
        return CompletableFuture.completedFuture(
                new InitializeResult(capabilities, new ServerInfo(ProductInfo.NAME, ProductInfo.version())));
    }

    @Override
    public void initialized(InitializedParams params) {
        textDocuments.warmUp();
        LanguageClient current = client;
        if (watchersRegistrable && textDocuments.keepsProjectModels() && current != null) {
            // A client that cannot register watchers sends what its own configuration watches, if anything.
            current.registerCapability(new RegistrationParams(List.of(new Registration(
                    WATCHERS_ID,
                    "workspace/didChangeWatchedFiles",
                    new DidChangeWatchedFilesRegistrationOptions(watchers())))));
        }
    }

    /**
     * The files whose changes outside the editor the project models follow: Java files; build files created or
     * deleted, which move projects' bounds; and deleted folders, whose files a client reports as the folder alone.
     */
    static List<FileSystemWatcher> watchers() {
        String buildFiles = "**/{" + String.join(",", new TreeSet<>(ProjectClasspath.BUILD_FILES)) + "}";
        return List.of(
                new FileSystemWatcher(Either.forLeft("**/*.java")),
                new FileSystemWatcher(Either.forLeft(buildFiles), WatchKind.Create + WatchKind.Delete),
                new FileSystemWatcher(Either.forLeft("**/*"), WatchKind.Delete));
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        textDocuments.shutdown();
        exitCode = 0;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        // Without a shutdown request first, analyses may still be queued.
        textDocuments.stop();
        // The protocol's exit code: 0 after a shutdown request, 1 otherwise.
        onExit.accept(exitCode);
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return textDocuments;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspace;
    }

    @Override
    public void connect(LanguageClient languageClient) {
        this.client = languageClient;
        textDocuments.connect(languageClient);
    }
}
