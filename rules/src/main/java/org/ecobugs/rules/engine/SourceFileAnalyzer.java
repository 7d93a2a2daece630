package org.ecobugs.rules.engine;

import com.github.javaparser.ParseResult;
import com.github.javaparser.Problem;
import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.Fix;
import org.ecobugs.rules.ProcessingError;
import org.ecobugs.rules.SecondaryLocation;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceDetector;
import org.ecobugs.rules.config.Settings;
import org.ecobugs.rules.engine.dependencies.UsageRecorder;
import org.ecobugs.rules.engine.limits.InputLimits;
import org.ecobugs.rules.engine.limits.MemoryGate;
import org.ecobugs.rules.java.ConstantFolder;
import org.ecobugs.rules.java.JavaNames;
import org.ecobugs.rules.java.KnownTypes;
import org.ecobugs.rules.java.ProjectConstantIndex;
import org.ecobugs.rules.java.SourceSkeleton;
import org.ecobugs.rules.project.CallSite;
import org.ecobugs.rules.project.DeferredFinding;
import org.ecobugs.rules.project.Effect;
import org.ecobugs.rules.project.FileSummary;
import org.ecobugs.rules.project.Site;

/**
 * Parses one source file and walks it once, handing each node to the source rules that subscribed to its type.
 * Shared by all worker threads. Each file gets a parser of its own, dropped with its tree: a JavaParser keeps the
 * tokens of the last file it parsed until its next parse (143 MB after a 2.7 MB generated file), which a parser per
 * thread would hold on to.
 */
final class SourceFileAnalyzer {

    /**
     * What one file yielded.
     *
     * @param parsed whether the source rules saw all of the file: it was parsed, or no rule could find anything in it
     * @param names the names the file uses, when collected for the dependency rules; else null
     * @param summary what the file declares, when the project's methods are summarised and the file was parsed; else
     *     null
     * @param deferred the findings that wait for the whole project to be read
     */
    record Outcome(
            List<RawFinding> findings,
            List<ProcessingError> errors,
            boolean parsed,
            Set<String> names,
            FileSummary summary,
            List<DeferredFinding> deferred,
            List<ProjectConstantIndex.Lookup> lookups) {

        Outcome(List<RawFinding> findings, List<ProcessingError> errors, boolean parsed) {
            this(findings, errors, parsed, null, null, List.of(), List.of());
        }
    }

    /**
     * The analysed project, whose constants and configuration a file's code may use.
     *
     * @param sources its source files
     * @param settings what its configuration files set
     */
    record Project(Collection<Path> sources, Settings settings) {

        static final Project NONE = new Project(List.of(), Settings.NONE);
    }

    private final List<Keyed<SourceDetector>> rules;
    private final Charset encoding;
    private final KnownTypes knownTypes;
    private final RuleTimer timer;
    private final int javaVersion;
    private final TextPrescreen prescreen;
    private final FileVisits.Dispatch dispatch = new FileVisits.Dispatch();
    private final UsageRecorder usage;
    private final ResultCache cache;
    private final MemoryGate gate = MemoryGate.forThisJvm();
    private final long maxFileBytes;
    private final SourceTexts texts;
    private final ProjectFacts facts;
    private final ProjectConstantIndex constants;

    SourceFileAnalyzer(
            List<Keyed<SourceDetector>> rules,
            int javaVersion,
            Charset encoding,
            KnownTypes knownTypes,
            RuleTimer timer) {
        this(
                rules,
                javaVersion,
                encoding,
                knownTypes,
                timer,
                UsageRecorder.NONE,
                null,
                AnalysisRequest.DEFAULT_MAX_SOURCE_FILE_BYTES,
                SourceTexts.NONE,
                ProjectFacts.NONE,
                Project.NONE);
    }

    /**
     * Records in {@code usage} the names each file imports or spells out (for the dependency rules); with {@code
     * cache}, reuses the results of files whose content did not change. A file of more than {@code
     * maxFileBytes} is not read. Sources {@code texts} holds are read from there. With {@code facts} in use, the
     * files with findings that wait for the project are summarised for its model, or every file when the facts say so. The
     * {@code project}'s other files and configuration are read where a file's code uses their constants and settings.
     */
    SourceFileAnalyzer(
            List<Keyed<SourceDetector>> rules,
            int javaVersion,
            Charset encoding,
            KnownTypes knownTypes,
            RuleTimer timer,
            UsageRecorder usage,
            ResultCache cache,
            long maxFileBytes,
            SourceTexts texts,
            ProjectFacts facts,
            Project project) {
        this.facts = facts;
        this.constants = new ProjectConstantIndex(project.sources(), this::skeleton, project.settings(), knownTypes);
        this.maxFileBytes = maxFileBytes;
        this.texts = texts;
        this.usage = usage;
        this.cache = cache;
        this.rules = List.copyOf(rules);
        this.encoding = encoding;
        this.knownTypes = knownTypes;
        this.timer = timer;
        this.javaVersion = javaVersion;
        this.prescreen = new TextPrescreen(this.rules);
    }

    Outcome analyze(Path file) {
        try {
            return analyzeWithinHeap(file);
        } catch (OutOfMemoryError e) {
            // The file's text and tree went with the frames just left: the other files still have the heap. Its
            // outcome is not cached, since a larger heap may do.
            return new Outcome(
                    List.of(),
                    List.of(MemoryGate.outOfMemory(file.toString(), ProcessingError.Kind.UNPARSABLE_SOURCE)),
                    false);
        } catch (StackOverflowError e) {
            return notAnalysed(file, "too deeply nested to analyse");
        }
    }

    /** A file left out, with the reason; not cached, since the reason may go (a larger heap, a raised limit). */
    private static Outcome notAnalysed(Path file, String reason) {
        return new Outcome(
                List.of(),
                List.of(new ProcessingError(
                        file.toString(), null, ProcessingError.Kind.UNPARSABLE_SOURCE, "Not analysed: " + reason)),
                false);
    }

    private Outcome analyzeWithinHeap(Path file) {
        byte[] bytes;
        try {
            bytes = texts.read(file, maxFileBytes, "one source file");
        } catch (InputLimits.TooLarge e) {
            // Checked before the cache: a file over the limit costs nothing, and is analysed once the limit is raised.
            return notAnalysed(
                    file,
                    e.getMessage() + " (generated code, most likely; raise the limit with --max-source-file-bytes on"
                            + " the command line or the Maven property ecobugs.maxSourceFileBytes)");
        } catch (IOException | RuntimeException e) {
            return new Outcome(
                    List.of(),
                    List.of(new ProcessingError(
                            file.toString(), null, ProcessingError.Kind.UNREADABLE_INPUT, ProcessingError.describe(e))),
                    false);
        }
        if (cache == null) {
            return analyze(file, bytes);
        }
        String path = file.toString();
        String key = ResultCacheKeys.key(path, bytes);
        // A result that relied on other files' constants or on the configuration stands while they say the same.
        Optional<ResultCache.Entry> cached = cache.get(key, entry -> constants.stillHolds(entry.lookups()));
        if (cached.isPresent()) {
            ResultCache.Entry entry = cached.get();
            usage.sourceFromCache(file, entry.names());
            List<RawFinding> findings = new ArrayList<>();
            entry.sourceFindings().forEach(f -> findings.add(ResultCache.toRaw(f, file)));
            List<ProcessingError> errors = new ArrayList<>();
            entry.errors().forEach(e -> errors.add(ResultCache.toError(e, path)));
            return new Outcome(
                    findings, errors, entry.parsed(), null, entry.summary(), entry.deferred(), entry.lookups());
        }
        Outcome outcome = analyze(file, bytes);
        cache.put(
                key,
                new ResultCache.Entry(
                        outcome.parsed(),
                        outcome.findings().stream().map(ResultCache::of).toList(),
                        List.of(),
                        outcome.errors().stream()
                                .map(e -> ResultCache.of(e, path))
                                .toList(),
                        usage.isRecording() ? Objects.requireNonNullElse(outcome.names(), Set.of()) : null,
                        0,
                        outcome.summary(),
                        outcome.deferred(),
                        outcome.lookups()));
        return outcome;
    }

    /**
     * Summarises a file for the project model, when a chain of calls leads to it: from the result cache when its entry
     * holds the summary, else parsed again (the rules' pass kept no tree), and the summary kept in its entry. Empty
     * when it cannot be read or parsed (the rules' pass already said why).
     */
    /** The project's constants and configuration, as the files' code used them. */
    ProjectConstantIndex constants() {
        return constants;
    }

    Optional<FileSummary> summarise(Path file) {
        try {
            byte[] bytes = texts.read(file, maxFileBytes, "one source file");
            String key = cache == null ? null : ResultCacheKeys.key(file.toString(), bytes);
            Optional<ResultCache.Entry> cached = cache == null ? Optional.empty() : cache.kept(key);
            if (cached.isPresent() && cached.get().summary() != null) {
                return Optional.of(cached.get().summary());
            }
            Optional<FileSummary> summary = parseAndSummarise(file, bytes);
            if (summary.isPresent() && cached.isPresent()) {
                cache.put(key, cached.get().withSummary(summary.get()));
            }
            return summary;
        } catch (IOException | InputLimits.TooLarge | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return Optional.empty();
        }
    }

    private Optional<FileSummary> parseAndSummarise(Path file, byte[] bytes) {
        int held = gate.acquire(bytes.length);
        try {
            String text = decode(file, bytes, new ArrayList<>());
            long start = System.nanoTime();
            ParseResult<CompilationUnit> result;
            try {
                result = JavaParsers.create(javaVersion, true).parse(text);
            } finally {
                timer.addParse(System.nanoTime() - start);
            }
            if (result.getResult().isEmpty() || !result.isSuccessful()) {
                return Optional.empty();
            }
            long summarising = System.nanoTime();
            try {
                FileState state = new FileState(file, result.getResult().get(), knownTypes, constants.recorder());
                return Optional.of(facts.summaries()
                        .of(state.unit, new RuleContext(state, null, new ArrayList<>(), new ArrayList<>())));
            } finally {
                timer.addSummaries(System.nanoTime() - summarising);
            }
        } finally {
            gate.release(held);
        }
    }

    /**
     * The identifiers of a file's text that start with a capital, type names mostly (comments and strings included:
     * what the project model looks for in them is a necessary condition only); empty when it cannot be read.
     */
    Set<String> typeNames(Path file) {
        try {
            String text = decode(file, texts.read(file, maxFileBytes, "one source file"), new ArrayList<>());
            return capitalisedWords(text);
        } catch (IOException | InputLimits.TooLarge | RuntimeException e) {
            return Set.of();
        }
    }

    static Set<String> capitalisedWords(String text) {
        Set<String> words = new java.util.HashSet<>();
        int length = text.length();
        int i = 0;
        while (i < length) {
            if (!Character.isJavaIdentifierStart(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < length && Character.isJavaIdentifierPart(text.charAt(i))) {
                i++;
            }
            if (Character.isUpperCase(text.charAt(start))) {
                words.add(text.substring(start, i));
            }
        }
        return words;
    }

    private Outcome analyze(Path file, byte[] bytes) {
        int held = gate.acquire(bytes.length);
        try {
            return analyzeWithinGate(file, bytes);
        } finally {
            gate.release(held);
        }
    }

    private Outcome analyzeWithinGate(Path file, byte[] bytes) {
        List<ProcessingError> errors = new ArrayList<>();
        String text = decode(file, bytes, errors);
        long screened = System.nanoTime();
        TextPrescreen.Screen screen = prescreen.screen(text, javaVersion >= 10);
        boolean[] wanted = screen.rules();
        timer.addPrescreen(System.nanoTime() - screened);
        if (!TextPrescreen.any(wanted) && !facts.everyFile()) {
            // No rule can find anything here: the parse would only be dropped. The dependency rules need the names the
            // file uses, which its text tells without a parse.
            timer.skipParse();
            return new Outcome(List.of(), errors, true, usage.sourceNotParsed(file, text), null, List.of(), List.of());
        }
        long start = System.nanoTime();
        CompilationUnit unit;
        try {
            ParseResult<CompilationUnit> result =
                    JavaParsers.create(javaVersion, screen.mentionsVar()).parse(text);
            if (!result.isSuccessful() || result.getResult().isEmpty()) {
                errors.add(new ProcessingError(
                        file.toString(),
                        null,
                        ProcessingError.Kind.UNPARSABLE_SOURCE,
                        "Cannot parse: " + firstProblem(result.getProblems())));
                return new Outcome(List.of(), errors, false);
            }
            unit = result.getResult().get();
        } catch (RuntimeException | StackOverflowError e) {
            errors.add(new ProcessingError(
                    file.toString(),
                    null,
                    ProcessingError.Kind.UNPARSABLE_SOURCE,
                    "Cannot parse: " + ProcessingError.describe(e)));
            return new Outcome(List.of(), errors, false);
        } finally {
            timer.addParse(System.nanoTime() - start);
        }
        Set<String> names = usage.sourceParsed(file, unit);
        List<RawFinding> findings = new ArrayList<>();
        List<DeferredFinding> deferred = new ArrayList<>();
        FileState state = new FileState(file, unit, knownTypes, constants.recorder());
        if (TextPrescreen.any(wanted)) {
            walk(state, wanted, findings, deferred, errors);
        }
        FileSummary summary = null;
        // A file whose findings wait for the project is summarised now, while its tree is here: its own methods are the
        // first of their chains. The others are summarised only if a chain leads to them (see ProjectPass), unless the
        // host asked for every file's summary.
        if (facts.inUse() && (facts.everyFile() || !deferred.isEmpty())) {
            long summarising = System.nanoTime();
            try {
                summary =
                        facts.summaries().of(unit, new RuleContext(state, null, new ArrayList<>(), new ArrayList<>()));
            } catch (RuntimeException | StackOverflowError e) {
                errors.add(new ProcessingError(
                        file.toString(),
                        null,
                        ProcessingError.Kind.RULE_FAILURE,
                        "Cannot summarise its methods for the project model: " + ProcessingError.describe(e)));
            } finally {
                timer.addSummaries(System.nanoTime() - summarising);
            }
        }
        return new Outcome(findings, errors, true, names, summary, deferred, state.project.lookups());
    }

    private void walk(
            FileState state,
            boolean[] wanted,
            List<RawFinding> findings,
            List<DeferredFinding> deferred,
            List<ProcessingError> errors) {
        Path file = state.path;
        CompilationUnit unit = state.unit;
        RuleContext[] contexts = new RuleContext[rules.size()];
        long[] nanos = new long[rules.size()];
        // A detector the prescreen ruled out is skipped as one that failed is.
        boolean[] failed = new boolean[rules.size()];
        FileVisits visits = new FileVisits();
        for (int i = 0; i < rules.size(); i++) {
            failed[i] = !wanted[i];
            if (failed[i]) {
                continue;
            }
            contexts[i] = new RuleContext(state, rules.get(i).key(), findings, deferred);
            long start = System.nanoTime();
            try {
                rules.get(i).detector().subscribe(visits.of(i));
            } catch (RuntimeException e) {
                failed[i] = true;
                errors.add(ruleFailure(file, rules.get(i).key(), unit, e));
            } finally {
                nanos[i] += System.nanoTime() - start;
            }
        }
        FileVisits.Runner runner = (index, node, action) -> {
            if (failed[index]) {
                return;
            }
            long start = System.nanoTime();
            try {
                action.accept(contexts[index]);
            } catch (RuntimeException | StackOverflowError e) {
                failed[index] = true;
                errors.add(ruleFailure(file, rules.get(index).key(), node, e));
            } finally {
                nanos[index] += System.nanoTime() - start;
            }
        };
        visits.walk(unit, dispatch, runner);
        for (int i = 0; i < rules.size(); i++) {
            timer.add(rules.get(i).key(), nanos[i]);
        }
    }

    private static ProcessingError ruleFailure(Path file, String key, Node node, Throwable e) {
        String where = node == null
                ? ""
                : node.getRange().map(r -> " at line " + r.begin.line).orElse("");
        return new ProcessingError(
                file.toString(),
                key,
                ProcessingError.Kind.RULE_FAILURE,
                "Rule failed" + where + ": " + ProcessingError.describe(e));
    }

    private String decode(Path file, byte[] bytes, List<ProcessingError> errors) {
        try {
            return ByteOrderMark.decode(bytes, encoding);
        } catch (CharacterCodingException e) {
            ByteOrderMark mark = ByteOrderMark.of(bytes);
            java.nio.charset.Charset charset = mark == null ? encoding : mark.charset();
            // ISO-8859-1 decodes every byte to a character, most of them legal in identifiers, so the file still
            // parses; replacement characters would not.
            errors.add(new ProcessingError(
                    file.toString(),
                    null,
                    ProcessingError.Kind.MALFORMED_ENCODING,
                    "Not valid " + charset.name() + "; analysed as ISO-8859-1"
                            + (mark == null
                                    ? " (set the source encoding to fix this)"
                                    : " (its byte-order mark says " + charset.name() + ")")));
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static String firstProblem(List<Problem> problems) {
        if (problems.isEmpty()) {
            return "unknown parse error";
        }
        Problem problem = problems.get(0);
        String where = problem.getLocation()
                .flatMap(l -> l.getBegin().getRange())
                .map(r -> "line " + r.begin.line + ", column " + r.begin.column + ": ")
                .orElse("");
        String message = problem.getMessage().strip().lines().findFirst().orElse("");
        String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : "";
        return where + message + more;
    }

    /**
     * The skeleton of a source file, parsed: its constants, for other files' code (see {@link ProjectConstantIndex}).
     * Empty when it cannot be read or parsed.
     */
    private Optional<CompilationUnit> skeleton(Path file) {
        try {
            String skeleton = SourceSkeleton.of(
                    decode(file, texts.read(file, maxFileBytes, "one source file"), new ArrayList<>()));
            if (skeleton == null) {
                return Optional.empty();
            }
            ParseResult<CompilationUnit> result =
                    JavaParsers.create(javaVersion, false).parse(skeleton);
            return result.isSuccessful() ? result.getResult() : Optional.empty();
        } catch (IOException | InputLimits.TooLarge | RuntimeException | StackOverflowError e) {
            return Optional.empty();
        }
    }

    /** What all rules share about one file; names and constants are computed on first use. */
    private static final class FileState {
        final Path path;
        final CompilationUnit unit;
        final KnownTypes knownTypes;
        final ProjectConstantIndex.Recorder project;
        JavaNames names;
        ConstantFolder constants;

        FileState(Path path, CompilationUnit unit, KnownTypes knownTypes, ProjectConstantIndex.Recorder project) {
            this.path = path;
            this.unit = unit;
            this.knownTypes = knownTypes;
            this.project = project;
        }

        JavaNames names() {
            if (names == null) {
                names = new JavaNames(unit, knownTypes);
            }
            return names;
        }

        ConstantFolder constants() {
            if (constants == null) {
                constants = new ConstantFolder(names(), project);
            }
            return constants;
        }
    }

    /** The context of one rule on one file. */
    private static final class RuleContext implements SourceContext {
        private final FileState state;
        private final String ruleKey;
        private final List<RawFinding> sink;
        private final List<DeferredFinding> deferred;

        RuleContext(FileState state, String ruleKey, List<RawFinding> sink, List<DeferredFinding> deferred) {
            this.state = state;
            this.ruleKey = ruleKey;
            this.sink = sink;
            this.deferred = deferred;
        }

        @Override
        public Path path() {
            return state.path;
        }

        @Override
        public CompilationUnit compilationUnit() {
            return state.unit;
        }

        @Override
        public JavaNames names() {
            return state.names();
        }

        @Override
        public ConstantFolder constants() {
            return state.constants();
        }

        @Override
        public void report(Node node, String message, List<Secondary> secondaries, Optional<Fix> fix) {
            report(rangeOf(node), node, message, secondaries, fix);
        }

        @Override
        public void report(Range range, Node node, String message, List<Secondary> secondaries, Optional<Fix> fix) {
            Range cover = coverOf(node).getRange().orElse(range);
            List<SecondaryLocation> locations = locations(secondaries);
            Finding finding = new Finding(
                    ruleKey,
                    state.path,
                    range.begin.line,
                    range.begin.column,
                    range.end.line,
                    range.end.column,
                    message,
                    Finding.Origin.SOURCE,
                    fix.map(List::of).orElse(List.of()),
                    locations);
            sink.add(new RawFinding(finding, cover.begin.line, cover.end.line));
        }

        @Override
        public void reportThrough(
                Node node,
                MethodCallExpr call,
                Map<Effect.Kind, String> messages,
                int maxStatements,
                List<Secondary> secondaries) {
            defer(
                    node,
                    call,
                    DeferredFinding.Condition.REACHES,
                    List.copyOf(messages.keySet()),
                    List.copyOf(messages.values()),
                    maxStatements,
                    -1,
                    secondaries);
        }

        @Override
        public void reportUnlessReaches(
                Node node, MethodCallExpr call, Set<Effect.Kind> effects, String message, List<Secondary> secondaries) {
            defer(
                    node,
                    call,
                    DeferredFinding.Condition.REACHES_NONE,
                    List.copyOf(new java.util.TreeSet<>(effects)),
                    List.of(message),
                    Integer.MAX_VALUE,
                    -1,
                    secondaries);
        }

        @Override
        public void reportIfDropped(
                Node node, MethodCallExpr call, int argument, String message, List<Secondary> secondaries) {
            defer(
                    node,
                    call,
                    DeferredFinding.Condition.DROPS_ARGUMENT,
                    List.of(),
                    List.of(message),
                    Integer.MAX_VALUE,
                    argument,
                    secondaries);
        }

        private void defer(
                Node node,
                MethodCallExpr call,
                DeferredFinding.Condition condition,
                List<Effect.Kind> wanted,
                List<String> messages,
                int maxStatements,
                int argument,
                List<Secondary> secondaries) {
            Optional<CallSite> site = MethodSummaries.callSite(call, this);
            if (site.isEmpty()) {
                return; // a call on a receiver of unknown or library type runs none of the project's code
            }
            Range range = rangeOf(node);
            Range cover = coverOf(node).getRange().orElse(range);
            deferred.add(new DeferredFinding(
                    ruleKey,
                    new Site(state.path, range.begin.line, range.begin.column, range.end.line, range.end.column),
                    cover.begin.line,
                    cover.end.line,
                    locations(secondaries),
                    site.get(),
                    condition,
                    wanted,
                    messages,
                    maxStatements,
                    argument));
        }

        private List<SecondaryLocation> locations(List<Secondary> secondaries) {
            List<SecondaryLocation> locations = new ArrayList<>(secondaries.size());
            for (Secondary secondary : secondaries) {
                if (secondary.elsewhere() != null) {
                    locations.add(secondary.elsewhere());
                    continue;
                }
                Range at = rangeOf(secondary.node());
                locations.add(new SecondaryLocation(
                        state.path, at.begin.line, at.begin.column, at.end.line, at.end.column, secondary.message()));
            }
            return locations;
        }

        private static Range rangeOf(Node node) {
            Node current = node;
            while (current != null) {
                if (current.getRange().isPresent()) {
                    return current.getRange().get();
                }
                current = current.getParentNode().orElse(null);
            }
            throw new IllegalStateException("Cannot report on a node without a position: " + node.getClass());
        }

        private static Node coverOf(Node node) {
            Node current = node;
            while (current != null) {
                if ((current instanceof Statement && !(current instanceof BlockStmt))
                        || current instanceof BodyDeclaration) {
                    return current;
                }
                current = current.getParentNode().orElse(null);
            }
            return node;
        }
    }
}
