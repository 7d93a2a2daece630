package org.ecobugs.lsp;

import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
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

    private final Documents documents = new Documents();
    private final EcobugsTextDocumentService textDocuments;
    private final EcobugsWorkspaceService workspace = new EcobugsWorkspaceService();
    private final IntConsumer onExit;
    private volatile int exitCode = 1;

    /** @param onExit ends the process with the protocol's exit code ({@code System::exit} when run as a program) */
    public EcobugsLanguageServer(IntConsumer onExit) {
        this(onExit, UnaryOperator.identity());
    }

    /** @param analyzerAround wraps every analyzer the server makes, so that tests can hold analyses back */
    EcobugsLanguageServer(IntConsumer onExit, UnaryOperator<EcobugsTextDocumentService.Analyzer> analyzerAround) {
        this.onExit = onExit;
        this.textDocuments = new EcobugsTextDocumentService(documents, analyzerAround);
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        textDocuments.configure(Settings.from(params.getInitializationOptions()));
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Full);
        sync.setSave(new SaveOptions(false));
        ServerCapabilities capabilities = new ServerCapabilities();
        capabilities.setTextDocumentSync(sync);
        capabilities.setCodeActionProvider(new CodeActionOptions(java.util.List.of(CodeActionKind.QuickFix)));
        return CompletableFuture.completedFuture(
                new InitializeResult(capabilities, new ServerInfo(ProductInfo.NAME, ProductInfo.version())));
    }

    @Override
    public void initialized(InitializedParams params) {
        textDocuments.warmUp();
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
    public void connect(LanguageClient client) {
        textDocuments.connect(client);
    }
}
