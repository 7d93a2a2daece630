package org.ecobugs.lsp;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: measures how long the server takes from a document's opening, and from an edit of it, to its
 * diagnostics, with the project model warm and without it, driving the server in this JVM as an editor does. It runs
 * only when {@code ecobugs.bench.lsp.projects} is set, prints its numbers and asserts nothing.
 *
 * <p>System properties: {@code ecobugs.bench.lsp.projects} (project folders, separated by the path separator; one
 * without a {@code pom.xml}, as the application corpus lays out sources, is copied to a temporary folder with an empty
 * one at its top, so that its every module folder is one project), {@code ecobugs.bench.lsp.files} (how many of a
 * project's files to measure, spread evenly over them; default 100), {@code ecobugs.bench.lsp.rounds} (how many times
 * each file is measured; default 1), {@code ecobugs.bench.output} (a file the lines are appended to).
 *
 * <p>An edit is a blank line put after the first line (everything below moves), followed by a save: a save analyses at
 * once, where typing waits {@value #TYPING_PAUSE_MS} ms for a pause first, which is not the server's work.
 */
@EnabledIfSystemProperty(named = "ecobugs.bench.lsp.projects", matches = ".+")
class LatencyMeasurement {

    private static final long TYPING_PAUSE_MS = 400;

    @Test
    void openAndEditToDiagnostics() throws Exception {
        int wanted = Integer.getInteger("ecobugs.bench.lsp.files", 100);
        int rounds = Integer.getInteger("ecobugs.bench.lsp.rounds", 1);
        List<String> lines = new ArrayList<>();
        for (String folder : System.getProperty("ecobugs.bench.lsp.projects").split(java.io.File.pathSeparator)) {
            Path given = Path.of(folder).toAbsolutePath().normalize();
            Path project = asProject(given);
            try {
                measure(given.getFileName().toString(), project, wanted, rounds, lines);
            } finally {
                if (!project.equals(given)) {
                    deleteTree(project);
                }
            }
        }
        lines.forEach(System.out::println);
        String output = System.getProperty("ecobugs.bench.output");
        if (output != null) {
            Files.write(
                    Path.of(output),
                    lines,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    private static void measure(String folder, Path project, int wanted, int rounds, List<String> lines)
            throws Exception {
        List<Path> all = ProjectSources.of(project);
        List<Path> files = spread(all, wanted);
        String name = folder + " (" + all.size() + " files)";
        // Once through the files, uncounted, for the JIT compiler.
        try (Session session = new Session(false)) {
            for (Path file : files) {
                session.openEditClose(file);
            }
        }
        Samples without = new Samples();
        Samples with = new Samples();
        for (int round = 0; round < rounds; round++) {
            // Each mode first in every other round: neither gets the machine's quieter moments.
            for (boolean model : round % 2 == 0 ? List.of(false, true) : List.of(true, false)) {
                session(name, model, files, model ? with : without, lines);
            }
        }
        lines.add(without.line(name, "without the model", "open -> diagnostics", without.opens));
        lines.add(without.line(name, "without the model", "edit -> diagnostics", without.edits));
        lines.add(with.line(name, "with the model", "open -> diagnostics", with.opens));
        lines.add(with.line(name, "with the model", "edit -> diagnostics", with.edits));
    }

    /** One session: the model read first when it is used, then each file opened, edited and closed. */
    private static void session(String name, boolean model, List<Path> files, Samples samples, List<String> lines)
            throws Exception {
        try (Session session = new Session(model)) {
            if (model) {
                long before = usedHeap();
                long started = System.nanoTime();
                session.open(files.get(0));
                String read = session.awaitLog("ecobugs read the project model");
                long millis = (System.nanoTime() - started) / 1_000_000;
                session.close(files.get(0));
                lines.add(String.format(
                        Locale.ROOT,
                        "%s\tmodel read\t%d ms from the first opening\t%s\theap +%d MB",
                        name,
                        millis,
                        read.substring(read.lastIndexOf(": ") + 2),
                        (usedHeap() - before) / (1024 * 1024)));
            }
            for (Path file : files) {
                long[] times = session.openEditClose(file);
                samples.opens.add(times[0]);
                samples.edits.add(times[1]);
                samples.diagnostics += (int) times[2];
            }
        }
    }

    private static final class Samples {
        final List<Long> opens = new ArrayList<>();
        final List<Long> edits = new ArrayList<>();
        int diagnostics;

        String line(String name, String mode, String what, List<Long> nanos) {
            return LatencyMeasurement.line(name, mode, what, nanos, diagnostics);
        }
    }

    private static String line(String name, String mode, String what, List<Long> nanos, int diagnostics) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format(
                Locale.ROOT,
                "%s\t%s\t%s\tmedian %.1f ms (%.1f-%.1f), p90 %.1f ms, %d samples, %d diagnostics on opening",
                name,
                mode,
                what,
                sorted.get(sorted.size() / 2) / 1e6,
                sorted.get(0) / 1e6,
                sorted.get(sorted.size() - 1) / 1e6,
                sorted.get((int) (sorted.size() * 0.9)) / 1e6,
                sorted.size(),
                diagnostics);
    }

    private static long usedHeap() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** {@code count} files spread evenly over the sorted list. */
    private static List<Path> spread(List<Path> files, int count) {
        if (files.size() <= count) {
            return files;
        }
        List<Path> picked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            picked.add(files.get((int) ((long) i * files.size() / count)));
        }
        return picked;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static Path asProject(Path folder) throws IOException {
        if (Files.isRegularFile(folder.resolve("pom.xml"))) {
            return folder;
        }
        Path copy = Files.createTempDirectory("ecobugs-lsp-" + folder.getFileName());
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path source : (Iterable<Path>) walk::iterator) {
                Path target = copy.resolve(folder.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        Files.writeString(copy.resolve("pom.xml"), "<project/>\n");
        return copy;
    }

    /** A server in this JVM, and the editor it talks to over operating-system pipes. */
    private static final class Session implements AutoCloseable {
        private final TestClient client = new TestClient();
        private final LanguageServer server;
        private final AtomicInteger version = new AtomicInteger();

        Session(boolean model) throws Exception {
            server = client.connect(new EcobugsLanguageServer(code -> {}));
            InitializeParams params = new InitializeParams();
            params.setCapabilities(new ClientCapabilities());
            JsonObject options = new JsonObject();
            options.addProperty("resolveClasspath", false);
            options.addProperty("projectModel", model);
            params.setInitializationOptions(options);
            server.initialize(params).get(30, TimeUnit.SECONDS);
            server.initialized(new InitializedParams());
        }

        void open(Path file) throws IOException {
            server.getTextDocumentService()
                    .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(
                            file.toUri().toString(), "java", version.incrementAndGet(), Files.readString(file))));
        }

        void close(Path file) {
            server.getTextDocumentService()
                    .didClose(new DidCloseTextDocumentParams(
                            new TextDocumentIdentifier(file.toUri().toString())));
        }

        /** Nanoseconds from the opening to the diagnostics, from the edit to its diagnostics, and how many on opening. */
        long[] openEditClose(Path file) throws Exception {
            String uri = file.toUri().toString();
            String text = Files.readString(file);
            long started = System.nanoTime();
            open(file);
            PublishDiagnosticsParams opened = awaitVersion(uri, version.get());
            long open = System.nanoTime() - started;

            int newline = text.indexOf('\n');
            String edited =
                    newline < 0 ? text + "\n" : text.substring(0, newline + 1) + "\n" + text.substring(newline + 1);
            started = System.nanoTime();
            server.getTextDocumentService()
                    .didChange(new DidChangeTextDocumentParams(
                            new VersionedTextDocumentIdentifier(uri, version.incrementAndGet()),
                            List.of(new TextDocumentContentChangeEvent(edited))));
            server.getTextDocumentService().didSave(new DidSaveTextDocumentParams(new TextDocumentIdentifier(uri)));
            awaitVersion(uri, version.get());
            long edit = System.nanoTime() - started;
            close(file);
            return new long[] {open, edit, opened.getDiagnostics().size()};
        }

        private PublishDiagnosticsParams awaitVersion(String uri, int wanted) throws InterruptedException {
            while (true) {
                PublishDiagnosticsParams published = client.nextDiagnostics(uri);
                if (published.getVersion() != null && published.getVersion() >= wanted) {
                    return published;
                }
            }
        }

        String awaitLog(String start) throws InterruptedException {
            while (true) {
                MessageParams message = client.nextLog(MessageType.Log);
                if (message.getMessage().startsWith(start)) {
                    return message.getMessage();
                }
            }
        }

        @Override
        public void close() throws Exception {
            server.shutdown().get(30, TimeUnit.SECONDS);
            server.exit();
        }
    }
}
