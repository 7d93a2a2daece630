package org.ecobugs.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/** An editor as the server sees it: records what the server publishes and logs. */
final class TestClient implements LanguageClient {

    final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
    final BlockingQueue<MessageParams> logs = new LinkedBlockingQueue<>();
    final BlockingQueue<Registration> registrations = new LinkedBlockingQueue<>();

    /**
     * Connects this editor to a server in this JVM with JSON-RPC messages over operating-system pipes (java.io's piped
     * streams break when the last thread that wrote to them ends), and returns the server as the editor sees it.
     */
    LanguageServer connect(EcobugsLanguageServer implementation) throws IOException {
        Pipe toServer = Pipe.open();
        Pipe toClient = Pipe.open();
        InputStream serverIn = Channels.newInputStream(toServer.source());
        OutputStream clientOut = Channels.newOutputStream(toServer.sink());
        InputStream clientIn = Channels.newInputStream(toClient.source());
        OutputStream serverOut = Channels.newOutputStream(toClient.sink());
        Launcher<LanguageClient> serverSide = LSPLauncher.createServerLauncher(implementation, serverIn, serverOut);
        implementation.connect(serverSide.getRemoteProxy());
        serverSide.startListening();
        Launcher<LanguageServer> clientSide = LSPLauncher.createClientLauncher(this, clientIn, clientOut);
        clientSide.startListening();
        return clientSide.getRemoteProxy();
    }

    PublishDiagnosticsParams nextDiagnostics(String uri) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            PublishDiagnosticsParams params = diagnostics.poll(1, TimeUnit.SECONDS);
            if (params != null && params.getUri().equals(uri)) {
                return params;
            }
        }
        throw new AssertionError("No diagnostics for " + uri + " within 30 s");
    }

    /** Every publication up to and including the next one for {@code uri}, whichever document they are for. */
    List<PublishDiagnosticsParams> diagnosticsUntil(String uri) throws InterruptedException {
        List<PublishDiagnosticsParams> received = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            PublishDiagnosticsParams params = diagnostics.poll(1, TimeUnit.SECONDS);
            if (params != null) {
                received.add(params);
                if (params.getUri().equals(uri)) {
                    return received;
                }
            }
        }
        throw new AssertionError("No diagnostics for " + uri + " within 30 s, only " + received);
    }

    /** The next logged message of a type, waiting for it. */
    MessageParams nextLog(org.eclipse.lsp4j.MessageType type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            MessageParams params = logs.poll(1, TimeUnit.SECONDS);
            if (params != null && params.getType() == type) {
                return params;
            }
        }
        throw new AssertionError("No " + type + " message within 30 s");
    }

    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams params) {
        diagnostics.add(params);
    }

    @Override
    public void showMessage(MessageParams params) {
        logs.add(params);
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> registerCapability(RegistrationParams params) {
        registrations.addAll(params.getRegistrations());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams params) {
        logs.add(params);
    }
}
