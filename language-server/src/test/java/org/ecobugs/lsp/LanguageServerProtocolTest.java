package org.ecobugs.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageServer;
import org.ecobugs.rules.Analysis;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.Finding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the server as an editor does, with JSON-RPC messages over piped streams. */
class LanguageServerProtocolTest {

    private static final Path SAMPLE = Path.of(System.getProperty("ecobugs.repo.dir"))
            .resolve("test-fixtures/sample-health-app")
            .toAbsolutePath()
            .normalize();
    private static final Path SAMPLE_SOURCES = SAMPLE.resolve("src/main/java");
    /** One EB201, on line 16 (15 from 0). */
    private static final String FHIR_JSON = "org/ecobugs/sample/fhir/FhirJson.java";
    /** One EB101 and one EB102. */
    private static final String LAB_RESULT_POLLER = "org/ecobugs/sample/lab/LabResultPoller.java";

    @TempDir
    Path temp;

    private final TestClient client = new TestClient();
    private final HeldAnalyses held = new HeldAnalyses();
    private final AtomicInteger exitCode = new AtomicInteger(-1);
    private LanguageServer server;
    private final AtomicInteger version = new AtomicInteger();

    @BeforeEach
    void connect() throws Exception {
        server = client.connect(new EcobugsLanguageServer(exitCode::set, held::around));

        InitializeParams params = new InitializeParams();
        WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
        workspace.setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(true));
        ClientCapabilities capabilities = new ClientCapabilities();
        capabilities.setWorkspace(workspace);
        params.setCapabilities(capabilities);
        JsonObject options = new JsonObject();
        options.addProperty("resolveClasspath", false);
        params.setInitializationOptions(options);
        InitializeResult result = server.initialize(params).get(30, TimeUnit.SECONDS);
        assertThat(result.getServerInfo().getName()).isEqualTo("ecobugs");
        assertThat(result.getCapabilities().getTextDocumentSync().getRight().getChange())
                .isEqualTo(TextDocumentSyncKind.Full);
        assertThat(result.getCapabilities().getCodeActionProvider().getRight().getCodeActionKinds())
                .containsExactly(CodeActionKind.QuickFix);
        server.initialized(new InitializedParams());
    }

    @AfterEach
    void shutDown() throws Exception {
        held.release();
        server.shutdown().get(30, TimeUnit.SECONDS);
        server.exit();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (exitCode.get() < 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(exitCode.get()).as("exit code after shutdown").isZero();
    }

    @Test
    void publishesEnergyBugsWithTheirRuleDocAndCriteria() throws Exception {
        Path file = SAMPLE_SOURCES.resolve("org/ecobugs/sample/fhir/FhirJson.java");
        PublishDiagnosticsParams published = open(file);

        Diagnostic diagnostic = single(published, "EB201");
        assertThat(diagnostic.getRange().getStart().getLine()).isEqualTo(15);
        assertThat(diagnostic.getSource()).isEqualTo("ecobugs");
        assertThat(diagnostic.getSeverity()).isEqualTo(DiagnosticSeverity.Warning);
        assertThat(diagnostic.getCodeDescription().getHref()).endsWith("/docs/rules/EB201.md");
        assertThat(diagnostic.getMessage().getLeft())
                .startsWith("Jackson INDENT_OUTPUT pads every payload")
                .endsWith("(RGESN-2024:6.1, RGESN-2024:6.3)");
        assertThat(diagnostic.getData().toString()).contains("RGESN-2024:6.3");
    }

    @Test
    void theOtherPlacesAFindingReliesOnAreItsRelatedInformation() throws Exception {
        Path file = SAMPLE_SOURCES.resolve(LAB_RESULT_POLLER);
        Diagnostic poll = single(open(file), "EB102");

        assertThat(poll.getRelatedInformation()).singleElement().satisfies(sleep -> {
            assertThat(sleep.getMessage()).isEqualTo("the sleep of 50 ms between checks");
            assertThat(sleep.getLocation().getUri()).isEqualTo(file.toUri().toString());
            int line = sleep.getLocation().getRange().getStart().getLine();
            assertThat(Files.readAllLines(file).get(line)).contains("Thread.sleep(POLL_INTERVAL_MS)");
        });
        assertThat(single(open(SAMPLE_SOURCES.resolve(FHIR_JSON)), "EB201").getRelatedInformation())
                .isNullOrEmpty();
    }

    @Test
    void aChangeIsAnalysedAndAQuickFixRemovesTheBug() throws Exception {
        Path file = copyOfSample("org/ecobugs/sample/fhir/FhirJson.java");
        String uri = file.toUri().toString();
        Diagnostic diagnostic = single(open(file), "EB201");

        List<CodeAction> actions = quickFixes(uri, diagnostic);
        assertThat(actions)
                .extracting(CodeAction::getTitle)
                .containsExactly(
                        "Mark EB201 as intended here (ecobugs:ignore comment)",
                        "Mark EB201 as intended in MAPPER (@SuppressWarnings)",
                        "Write compact output (EB201)");
        assertThat(actions).allMatch(action -> action.getKind().equals(CodeActionKind.QuickFix));
        String fixed = applied(file, uri, actions.get(2));
        assertThat(fixed).doesNotContain("INDENT_OUTPUT").contains("new ObjectMapper()");

        change(uri, fixed);
        assertThat(client.nextDiagnostics(uri).getDiagnostics()).isEmpty();
        Files.writeString(file, fixed);
        server.getTextDocumentService().didSave(new DidSaveTextDocumentParams(new TextDocumentIdentifier(uri)));

        // Reintroduce the bug: the next analysis reports it again.
        change(uri, Files.readString(SAMPLE_SOURCES.resolve("org/ecobugs/sample/fhir/FhirJson.java")));
        assertThat(client.nextDiagnostics(uri).getDiagnostics())
                .extracting(d -> d.getCode().getLeft())
                .containsExactly("EB201");
    }

    @Test
    void aFindingMarkedAsIntendedWithTheQuickFixIsNoLongerReported() throws Exception {
        Path file = copyOfSample("org/ecobugs/sample/fhir/FhirJson.java");
        String uri = file.toUri().toString();
        Diagnostic diagnostic = single(open(file), "EB201");
        String marked = applied(file, uri, quickFix(uri, diagnostic, "Mark EB201 as intended here"));
        assertThat(marked.lines().toList().get(diagnostic.getRange().getStart().getLine()))
                .matches("\\s*// ecobugs:ignore EB201 intended: ");

        assertNoDiagnosticsOnceSaved(file, uri, marked);
    }

    @Test
    void theAnnotationQuickFixMarksTheMemberAndTheFindingIsNoLongerReported() throws Exception {
        Path file = copyOfSample("org/ecobugs/sample/fhir/FhirJson.java");
        String uri = file.toUri().toString();
        Diagnostic diagnostic = single(open(file), "EB201");
        String marked = applied(file, uri, quickFix(uri, diagnostic, "Mark EB201 as intended in MAPPER"));
        assertThat(marked).contains("    @SuppressWarnings(\"ecobugs:EB201\")\n    static final ObjectMapper MAPPER");

        assertNoDiagnosticsOnceSaved(file, uri, marked);
    }

    /** The quick fixes the server offers for a diagnostic. */
    private List<CodeAction> quickFixes(String uri, Diagnostic diagnostic) throws Exception {
        CodeActionParams request = new CodeActionParams(
                new TextDocumentIdentifier(uri), diagnostic.getRange(), new CodeActionContext(List.of(diagnostic)));
        return server.getTextDocumentService().codeAction(request).get(30, TimeUnit.SECONDS).stream()
                .map(Either::getRight)
                .toList();
    }

    private CodeAction quickFix(String uri, Diagnostic diagnostic, String titleStart) throws Exception {
        return quickFixes(uri, diagnostic).stream()
                .filter(action -> action.getTitle().startsWith(titleStart))
                .findFirst()
                .orElseThrow();
    }

    /** The file's text with the action's edits applied. */
    private static String applied(Path file, String uri, CodeAction action) throws IOException {
        return apply(Files.readString(file), action.getEdit().getChanges().get(uri));
    }

    private void assertNoDiagnosticsOnceSaved(Path file, String uri, String text) throws Exception {
        Files.writeString(file, text);
        change(uri, text);
        assertThat(client.nextDiagnostics(uri).getDiagnostics()).isEmpty();
    }

    @Test
    void aFileThatDoesNotParseClearsItsDiagnosticsAndTheServerGoesOn() throws Exception {
        Path broken = temp.resolve("org/example/Broken.java");
        Files.createDirectories(broken.getParent());
        // A loop, so that some rule has to read the file (files no rule looks at are not parsed).
        Files.writeString(broken, "package org.example;\nclass Broken {\n    void m( {\n        while (busy) {}\n}\n");
        assertThat(open(broken).getDiagnostics()).isEmpty();
        assertThat(client.nextLog(MessageType.Warning).getMessage())
                .contains("Broken.java")
                .contains("Cannot parse: line 3, column 11");

        Path file = SAMPLE_SOURCES.resolve("org/ecobugs/sample/lab/LabResultPoller.java");
        assertThat(open(file).getDiagnostics())
                .extracting(d -> d.getCode().getLeft())
                .containsExactly("EB101", "EB102");
    }

    @Test
    void theProjectsConfigurationFileSetsRulesSeveritiesAndExcludedPaths() throws Exception {
        Path project = Files.createDirectories(temp.resolve("ward"));
        Files.createDirectories(project.resolve(".git"));
        String poller = "package org.example;\nclass Poller {\n    volatile boolean ready;\n"
                + "    void spin() {\n        while (!ready) {\n            Thread.onSpinWait();\n        }\n    }\n"
                + "    void poll() throws InterruptedException {\n        while (!ready) {\n"
                + "            Thread.sleep(25);\n        }\n    }\n}\n";
        Path kept = project.resolve("src/org/example/Poller.java");
        Path generated = project.resolve("src/generated/org/example/Poller.java");
        Files.createDirectories(kept.getParent());
        Files.createDirectories(generated.getParent());
        Files.writeString(kept, poller);
        Files.writeString(generated, poller);
        Path settings = Files.writeString(
                project.resolve("ecobugs.yml"),
                "rules:\n  EB102: off\n  EB101:\n    severity: INFO\nexclude:\n  - \"**/generated/**\"\n");

        assertThat(open(kept).getDiagnostics()).singleElement().satisfies(d -> {
            assertThat(d.getCode().getLeft()).isEqualTo("EB101");
            assertThat(d.getSeverity()).isEqualTo(DiagnosticSeverity.Information);
        });
        assertThat(open(generated).getDiagnostics()).isEmpty();

        // A file that cannot be used is reported, and documents are analysed as if there were none.
        Files.writeString(settings, "rules:\n  EB102: sometimes\n");
        Path another = Files.writeString(project.resolve("src/org/example/OtherPoller.java"), poller);
        assertThat(open(another).getDiagnostics())
                .extracting(d -> d.getCode().getLeft())
                .containsExactly("EB101", "EB102");
        assertThat(client.nextLog(MessageType.Warning).getMessage())
                .contains(settings + ":2:10: EB102 must be on or off", "analysed without it");
    }

    @Test
    void aFindingThatFollowsACallIntoAnotherFileOfTheProjectShowsAndGoesWithThatFilesEdit() throws Exception {
        Ward ward = openWard(WardProject.write(temp.resolve("ward"), "pom.xml", "<project/>\n", WardProject.REQUEST));
        Path task = ward.task();
        Path lab = ward.lab();
        String taskUri = ward.taskUri();

        // Analysed alone, then again once the project's files are read (the first publication may be either).
        assertFollowsTheCallInto(
                lab, awaitDiagnostics(taskUri, d -> d.getCode().getLeft().equals("EB104")));

        // The request goes from the other file, unsaved: the task's finding goes with it.
        String labUri = lab.toUri().toString();
        openText(labUri, Files.readString(lab));
        change(labUri, WardProject.CLIENT.formatted(WardProject.NO_REQUEST));
        awaitDiagnosticsWithout(taskUri, "EB104");
    }

    @Test
    void theServerAsksToBeToldOfTheJavaAndBuildFilesChangedOutsideTheEditor() throws Exception {
        Registration registration = client.registrations.poll(30, TimeUnit.SECONDS);
        assertThat(registration).as("registered within 30 s").isNotNull();
        assertThat(registration.getMethod()).isEqualTo("workspace/didChangeWatchedFiles");
        assertThat(registration.getRegisterOptions().toString())
                .contains("\"**/*.java\"")
                .contains("**/{build.gradle,build.gradle.kts,pom.xml,settings.gradle,settings.gradle.kts}");
    }

    @Test
    void aFileChangedOutsideTheEditorMakesAFindingOfAnOpenDocumentShowAndGo() throws Exception {
        Ward ward =
                openWard(WardProject.write(temp.resolve("ward"), "pom.xml", "<project/>\n", WardProject.NO_REQUEST));
        Path task = ward.task();
        Path lab = ward.lab();
        String taskUri = ward.taskUri();
        awaitLog("ecobugs read the project model of ");
        awaitDiagnosticsWithout(taskUri, "EB104");

        List<Long> millis = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            Files.writeString(lab, WardProject.CLIENT.formatted(WardProject.REQUEST));
            long start = System.nanoTime();
            changedOnDisk(lab, FileChangeType.Changed);
            assertFollowsTheCallInto(
                    lab, awaitDiagnostics(taskUri, d -> d.getCode().getLeft().equals("EB104")));
            long shown = System.nanoTime();

            Files.writeString(lab, WardProject.CLIENT.formatted(WardProject.NO_REQUEST));
            long edited = System.nanoTime();
            changedOnDisk(lab, FileChangeType.Changed);
            awaitDiagnosticsWithout(taskUri, "EB104");
            // The first round warms the engine and may wait on the analysis the model's reading asked for.
            if (round > 0) {
                millis.add((shown - start) / 1_000_000);
                millis.add((System.nanoTime() - edited) / 1_000_000);
            }
        }
        millis.sort(null);
        System.out.println("language server: watched-file change to diagnostics, median "
                + millis.get(millis.size() / 2) + " ms of " + millis.size() + " " + millis);
    }

    @Test
    void aFileOrFolderDeletedOutsideTheEditorTakesAwayTheFindingItKeptInAnOpenDocument() throws Exception {
        Ward ward = openWard(WardProject.write(temp.resolve("ward"), "pom.xml", "<project/>\n", WardProject.REQUEST));
        Path task = ward.task();
        Path lab = ward.lab();
        String taskUri = ward.taskUri();
        awaitDiagnostics(taskUri, d -> d.getCode().getLeft().equals("EB104"));

        Files.delete(lab);
        changedOnDisk(lab, FileChangeType.Deleted);
        awaitDiagnosticsWithout(taskUri, "EB104");

        // Created again in a package of its own (the task imports it), then that folder deleted.
        Path labPackage = Files.createDirectories(task.resolveSibling("lab"));
        Path moved = Files.writeString(
                labPackage.resolve("LabClient.java"),
                WardProject.CLIENT
                        .formatted(WardProject.REQUEST)
                        .replace("package org.example;", "package org.example.lab;")
                        .replace("class LabClient", "public class LabClient")
                        .replace("    String fetchResults", "    public String fetchResults"));
        String importing = Files.readString(task)
                .replace("import org.springframework", "import org.example.lab.LabClient;\nimport org.springframework");
        change(taskUri, importing);
        changedOnDisk(moved, FileChangeType.Created);
        assertFollowsTheCallInto(
                moved, awaitDiagnostics(taskUri, d -> d.getCode().getLeft().equals("EB104")));

        Files.delete(moved);
        Files.delete(labPackage);
        changedOnDisk(labPackage, FileChangeType.Deleted);
        awaitDiagnosticsWithout(taskUri, "EB104");
    }

    @Test
    void anOpenDocumentDeletedOutsideTheEditorKeepsItsPartUntilClosedThenItsDiagnosticsAndFindingsGo()
            throws Exception {
        Ward ward = openWard(WardProject.write(temp.resolve("ward"), "pom.xml", "<project/>\n", WardProject.REQUEST));
        Path task = ward.task();
        Path lab = ward.lab();
        String taskUri = ward.taskUri();
        String labUri = lab.toUri().toString();
        awaitDiagnostics(taskUri, d -> d.getCode().getLeft().equals("EB104"));
        openText(labUri, Files.readString(lab));
        client.nextDiagnostics(labUri);

        // The editor still shows it: its text stands for the file.
        Files.delete(lab);
        changedOnDisk(lab, FileChangeType.Deleted);
        change(taskUri, "\n" + Files.readString(task));
        assertThat(client.nextDiagnostics(taskUri).getDiagnostics())
                .extracting(d -> d.getCode().getLeft())
                .contains("EB104");

        server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(labUri)));
        assertThat(client.nextDiagnostics(labUri).getDiagnostics()).isEmpty();
        awaitDiagnosticsWithout(taskUri, "EB104");
    }

    @Test
    void aGradleSubprojectGetsAModelOfItsMainSources() throws Exception {
        Path build = Files.createDirectories(temp.resolve("clinic"));
        Files.writeString(build.resolve("settings.gradle"), "include 'ward'\n");
        Ward ward = openWard(WardProject.write(
                build.resolve("ward"), "build.gradle.kts", "plugins { java }\n", WardProject.REQUEST));

        assertFollowsTheCallInto(
                ward.lab(),
                awaitDiagnostics(ward.taskUri(), d -> d.getCode().getLeft().equals("EB104")));
        assertThat(awaitLog("ecobugs read the project model of ").getMessage())
                .startsWith("ecobugs read the project model of " + build.resolve("ward") + ": 2 of 2 files");
    }

    /** A {@link WardProject}'s two files, its task open in the editor. */
    private record Ward(Path task, Path lab) {
        String taskUri() {
            return task.toUri().toString();
        }
    }

    private Ward openWard(Path sources) throws IOException {
        Ward ward = new Ward(sources.resolve("ResultSync.java"), sources.resolve("LabClient.java"));
        openText(ward.taskUri(), Files.readString(ward.task()));
        return ward;
    }

    /** The task's finding names the call and points at the request in the client's file. */
    private static void assertFollowsTheCallInto(Path lab, Diagnostic polling) {
        assertThat(polling.getMessage().getLeft())
                .startsWith("This task calls LabClient.fetchResults(), which sends an HTTP request");
        assertThat(polling.getRelatedInformation()).anySatisfy(request -> {
            assertThat(request.getLocation().getUri()).isEqualTo(lab.toUri().toString());
            int line = request.getLocation().getRange().getStart().getLine();
            assertThat(Files.readAllLines(lab).get(line)).contains("rest.getForObject(");
        });
    }

    private void changedOnDisk(Path file, FileChangeType type) {
        server.getWorkspaceService()
                .didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                        List.of(new FileEvent(file.toUri().toString(), type))));
    }

    private MessageParams awaitLog(String start) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            MessageParams message = client.nextLog(MessageType.Log);
            if (message.getMessage().startsWith(start)) {
                return message;
            }
        }
        throw new AssertionError("No log starting with " + start + " within 30 s");
    }

    /** The first diagnostic of the first publication for the document that holds one {@code wanted}. */
    private Diagnostic awaitDiagnostics(String uri, java.util.function.Predicate<Diagnostic> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (Diagnostic diagnostic : client.nextDiagnostics(uri).getDiagnostics()) {
                if (wanted.test(diagnostic)) {
                    return diagnostic;
                }
            }
        }
        throw new AssertionError("No wanted diagnostic for " + uri + " within 30 s");
    }

    private void awaitDiagnosticsWithout(String uri, String rule) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (client.nextDiagnostics(uri).getDiagnostics().stream()
                    .noneMatch(d -> d.getCode().getLeft().equals(rule))) {
                return;
            }
        }
        throw new AssertionError(rule + " still reported on " + uri + " after 30 s");
    }

    @Test
    void aSessionOnTheSampleAppFindsWhatTheCommandLineFinds() throws Exception {
        Map<String, Set<String>> expected = new TreeMap<>();
        for (Finding finding : Analysis.run(AnalysisRequest.builder()
                        .addSourceRoot(SAMPLE_SOURCES)
                        .addClassInput(SAMPLE.resolve("target/classes"))
                        .build())
                .findings()) {
            expected.computeIfAbsent(finding.file().toString(), k -> new TreeSet<>())
                    .add(finding.line() + " " + finding.ruleKey());
        }

        Map<String, Set<String>> published = new TreeMap<>();
        long slowestMillis = 0;
        String slowest = "";
        List<Path> files = sampleFiles();
        for (Path file : files) {
            long start = System.nanoTime();
            PublishDiagnosticsParams diagnostics = open(file);
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (millis > slowestMillis) {
                slowestMillis = millis;
                slowest = file.getFileName().toString();
            }
            for (Diagnostic diagnostic : diagnostics.getDiagnostics()) {
                published
                        .computeIfAbsent(file.toString(), k -> new TreeSet<>())
                        .add((diagnostic.getRange().getStart().getLine() + 1) + " "
                                + diagnostic.getCode().getLeft());
            }
        }
        assertThat(published).isNotEmpty().isEqualTo(expected);
        System.out.println("language server: " + files.size() + " sample files, slowest open-to-diagnostics "
                + slowestMillis + " ms (" + slowest + ")");
    }

    @Test
    void aSlowDocumentDoesNotHoldBackTheDiagnosticsOfAnother() throws Exception {
        String slow = temp.resolve("org/example/Slow.java").toUri().toString();
        openText(slow, sampleText(FHIR_JSON) + HeldAnalyses.MARKER + "\n");
        held.awaitHeld(slow);

        assertThat(open(SAMPLE_SOURCES.resolve(LAB_RESULT_POLLER)).getDiagnostics())
                .extracting(d -> d.getCode().getLeft())
                .containsExactly("EB101", "EB102");

        held.release();
        assertThat(client.nextDiagnostics(slow).getDiagnostics())
                .extracting(d -> d.getCode().getLeft())
                .containsExactly("EB201");
    }

    @Test
    void aVersionChangedWhileItWasAnalysedPublishesNothing() throws Exception {
        String uri = temp.resolve(FHIR_JSON).toUri().toString();
        String text = sampleText(FHIR_JSON);
        openText(uri, text + HeldAnalyses.MARKER + "\n");
        held.awaitHeld(uri);
        // A line more above the bug moves its diagnostic down one line.
        change(uri, "\n" + text);
        int newest = version.get();
        awaitHandled(uri);
        held.release();

        PublishDiagnosticsParams published = client.nextDiagnostics(uri);
        assertThat(single(published, "EB201").getRange().getStart().getLine()).isEqualTo(16);
        assertThat(published.getVersion()).isEqualTo(newest);
    }

    @Test
    void aDocumentClosedWhileItWasAnalysedPublishesNothingMore() throws Exception {
        String uri = temp.resolve(FHIR_JSON).toUri().toString();
        openText(uri, sampleText(FHIR_JSON) + HeldAnalyses.MARKER + "\n");
        held.awaitHeld(uri);
        server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
        assertThat(client.nextDiagnostics(uri).getDiagnostics()).isEmpty();
        held.release();
        held.awaitFinished(uri);

        // By the time another document's diagnostics arrive, a stale publication would have been sent.
        Path next = SAMPLE_SOURCES.resolve(LAB_RESULT_POLLER);
        String nextUri = next.toUri().toString();
        openText(nextUri, Files.readString(next));
        assertThat(client.diagnosticsUntil(nextUri))
                .extracting(PublishDiagnosticsParams::getUri)
                .containsOnly(nextUri);
    }

    @Test
    void anUnsavedBufferGetsDiagnostics() throws Exception {
        String uri = "untitled:Untitled-1";
        openText(uri, sampleText(FHIR_JSON));

        Diagnostic diagnostic = single(client.nextDiagnostics(uri), "EB201");
        assertThat(diagnostic.getRange().getStart().getLine()).isEqualTo(15);
        assertThat(quickFixes(uri, diagnostic))
                .hasSize(3)
                .allSatisfy(action -> assertThat(action.getEdit().getChanges()).containsOnlyKeys(uri));
    }

    @Test
    void aDocumentOverTheSizeLimitIsNotAnalysedAndSaysSo() throws Exception {
        String uri = temp.resolve("org/example/Generated.java").toUri().toString();
        StringBuilder text = new StringBuilder("package org.example;\n\nclass Generated {\n");
        for (int row = 0; text.length() <= EcobugsTextDocumentService.MAX_SOURCE_FILE_BYTES; row++) {
            text.append("    // generated row ").append(row).append('\n');
        }
        text.append("}\n");
        openText(uri, text.toString());

        PublishDiagnosticsParams published = client.nextDiagnostics(uri);
        assertThat(published.getDiagnostics()).singleElement().satisfies(diagnostic -> {
            assertThat(diagnostic.getSeverity()).isEqualTo(DiagnosticSeverity.Information);
            assertThat(diagnostic.getSource()).isEqualTo("ecobugs");
            assertThat(diagnostic.getMessage().getLeft()).isEqualTo("ecobugs skips documents over 5 MB");
            assertThat(diagnostic.getRange().getStart().getLine()).isZero();
            assertThat(diagnostic.getRange().getStart().getCharacter()).isZero();
        });
        assertThat(held.analysed(uri)).as("analysed").isFalse();

        // Cut down to size, it is analysed again.
        change(uri, sampleText(FHIR_JSON));
        assertThat(client.nextDiagnostics(uri).getDiagnostics())
                .extracting(d -> d.getCode().getLeft())
                .containsExactly("EB201");
    }

    private PublishDiagnosticsParams open(Path file) throws IOException, InterruptedException {
        String uri = file.toUri().toString();
        server.getTextDocumentService()
                .didOpen(new DidOpenTextDocumentParams(
                        new TextDocumentItem(uri, "java", version.incrementAndGet(), Files.readString(file))));
        return client.nextDiagnostics(uri);
    }

    private void openText(String uri, String text) {
        server.getTextDocumentService()
                .didOpen(new DidOpenTextDocumentParams(
                        new TextDocumentItem(uri, "java", version.incrementAndGet(), text)));
    }

    /**
     * Returns once the server has handled every message sent before: it handles them in order, and answers this
     * request where it reads it.
     */
    private void awaitHandled(String uri) throws Exception {
        Range start = new Range(new Position(0, 0), new Position(0, 0));
        server.getTextDocumentService()
                .codeAction(
                        new CodeActionParams(new TextDocumentIdentifier(uri), start, new CodeActionContext(List.of())))
                .get(30, TimeUnit.SECONDS);
    }

    private static String sampleText(String relative) throws IOException {
        return Files.readString(SAMPLE_SOURCES.resolve(relative));
    }

    private void change(String uri, String text) {
        server.getTextDocumentService()
                .didChange(new DidChangeTextDocumentParams(
                        new VersionedTextDocumentIdentifier(uri, version.incrementAndGet()),
                        List.of(new TextDocumentContentChangeEvent(text))));
    }

    private Path copyOfSample(String relative) throws IOException {
        Path copy = temp.resolve(relative);
        Files.createDirectories(copy.getParent());
        Files.copy(SAMPLE_SOURCES.resolve(relative), copy);
        return copy;
    }

    private static Diagnostic single(PublishDiagnosticsParams published, String rule) {
        List<Diagnostic> matching = new ArrayList<>();
        for (Diagnostic diagnostic : published.getDiagnostics()) {
            if (diagnostic.getCode().getLeft().equals(rule)) {
                matching.add(diagnostic);
            }
        }
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private static List<Path> sampleFiles() throws IOException {
        try (Stream<Path> files = Files.walk(SAMPLE_SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** Applies LSP text edits (0-based, exclusive end) from the last to the first. */
    private static String apply(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort((a, b) -> Integer.compare(offset(text, b), offset(text, a)));
        StringBuilder result = new StringBuilder(text);
        for (TextEdit edit : sorted) {
            int start = offset(text, edit.getRange().getStart());
            int end = offset(text, edit.getRange().getEnd());
            result.replace(start, end, edit.getNewText());
        }
        return result.toString();
    }

    private static int offset(String text, TextEdit edit) {
        return offset(text, edit.getRange().getStart());
    }

    private static int offset(String text, org.eclipse.lsp4j.Position position) {
        String[] lines = text.split("\n", -1);
        int offset = 0;
        for (int i = 0; i < position.getLine(); i++) {
            offset += lines[i].length() + 1;
        }
        return offset + position.getCharacter();
    }
}
