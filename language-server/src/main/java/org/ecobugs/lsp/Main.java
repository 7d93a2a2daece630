package org.ecobugs.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/** {@code java -jar ecobugs-ls.jar}: the language server over standard input and output. */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws InterruptedException, ExecutionException {
        InputStream in = System.in;
        OutputStream out = System.out;
        // Standard output carries the protocol: anything else printed there would corrupt it.
        System.setOut(new PrintStream(System.err, true));
        EcobugsLanguageServer server = new EcobugsLanguageServer(System::exit);
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        listening.get();
    }
}
