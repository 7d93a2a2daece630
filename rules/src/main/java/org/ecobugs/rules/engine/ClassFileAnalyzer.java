package org.ecobugs.rules.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.ecobugs.rules.ProcessingError;
import org.ecobugs.rules.api.BytecodeContext;
import org.ecobugs.rules.api.BytecodeDetector;
import org.ecobugs.rules.bytecode.BytecodeLoops;
import org.ecobugs.rules.engine.dependencies.UsageRecorder;
import org.ecobugs.rules.engine.limits.InputLimits;
import org.ecobugs.rules.engine.limits.MemoryGate;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Reads class files, alone or from archives. A class is expanded into an ASM tree only when its constant pool holds
 * something one of the bytecode rules looks for; then every such rule visits that one tree.
 */
final class ClassFileAnalyzer {

    private static final int CONSTANT_UTF8 = 1;

    /**
     * What one class file or archive yielded.
     *
     * @param heapBound whether some class ran out of memory: what it yielded depends on the heap, not on the content
     *     alone, so it is not kept in the result cache
     */
    record Outcome(List<RawFinding> findings, List<ProcessingError> errors, int classes, boolean heapBound) {

        Outcome(List<RawFinding> findings, List<ProcessingError> errors, int classes) {
            this(findings, errors, classes, false);
        }
    }

    private final List<Keyed<BytecodeDetector>> rules;
    private final ConstantPoolNeedles needles;
    private final Inputs inputs;
    private final RuleTimer timer;
    private final UsageRecorder usage;
    private final ResultCache cache;
    private final InputLimits limits;

    ClassFileAnalyzer(List<Keyed<BytecodeDetector>> rules, Inputs inputs, RuleTimer timer, UsageRecorder usage) {
        this(rules, inputs, timer, usage, null, InputLimits.DEFAULT);
    }

    /**
     * Records in {@code usage} what each class refers to, in the same read (for the dependency rules); with {@code
     * cache}, reuses the findings of classes whose content did not change (their references are read again: one pass
     * of ASM's reader, without a tree). {@code limits} bound what a class file or an archive may hold.
     */
    ClassFileAnalyzer(
            List<Keyed<BytecodeDetector>> rules,
            Inputs inputs,
            RuleTimer timer,
            UsageRecorder usage,
            ResultCache cache,
            InputLimits limits) {
        this.limits = limits;
        this.rules = List.copyOf(rules);
        this.inputs = inputs;
        this.timer = timer;
        this.usage = usage;
        this.cache = cache;
        List<Set<String>> wanted = new ArrayList<>();
        for (Keyed<BytecodeDetector> rule : rules) {
            wanted.add(rule.detector().constantPoolPrescreen());
        }
        this.needles = new ConstantPoolNeedles(wanted);
    }

    Outcome analyzeClassFile(Path file) {
        try {
            return analyzeClassFileWithinHeap(file);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // The class and its tree went with the frames just left: the other files still have the heap.
            return new Outcome(List.of(), List.of(outOfResources(file.toString(), e)), 0, true);
        }
    }

    private Outcome analyzeClassFileWithinHeap(Path file) {
        List<RawFinding> findings = new ArrayList<>();
        List<ProcessingError> errors = new ArrayList<>();
        String input = file.toString();
        byte[] bytes;
        try {
            bytes = InputLimits.readFile(file, limits.classBytes(), "one class file");
        } catch (InputLimits.TooLarge e) {
            errors.add(new ProcessingError(
                    input, null, ProcessingError.Kind.CORRUPT_CLASS, "Not analysed: " + e.getMessage()));
            return new Outcome(findings, errors, 0);
        } catch (IOException | RuntimeException e) {
            errors.add(new ProcessingError(
                    input, null, ProcessingError.Kind.UNREADABLE_INPUT, ProcessingError.describe(e)));
            return new Outcome(findings, errors, 0);
        }
        if (cache == null) {
            analyze(input, bytes, findings, errors, null);
            return new Outcome(findings, errors, 1);
        }
        String key = ResultCacheKeys.key(input, bytes);
        Optional<ResultCache.Entry> cached = cache.get(key);
        if (cached.isPresent()) {
            usage.classFromCache(input, bytes);
            return fromCache(cached.get(), input);
        }
        List<ResultCache.ClassFinding> kept = new ArrayList<>();
        analyze(input, bytes, findings, errors, kept);
        cache.put(key, entry(kept, errors, input, 1));
        return new Outcome(findings, errors, 1);
    }

    Outcome analyzeArchive(Path archive) {
        // An archive's classes are cached together, by the archive's content; not when their references are needed.
        if (cache == null || usage.isRecording()) {
            return analyzeArchive(archive, null);
        }
        String input = archive.toString();
        String key;
        try {
            key = ResultCacheKeys.key(input, archive);
        } catch (IOException | RuntimeException e) {
            return analyzeArchive(archive, null);
        }
        Optional<ResultCache.Entry> cached = cache.get(key);
        if (cached.isPresent()) {
            return fromCache(cached.get(), input);
        }
        List<ResultCache.ClassFinding> kept = new ArrayList<>();
        Outcome outcome = analyzeArchive(archive, kept);
        if (!outcome.heapBound()) {
            cache.put(key, entry(kept, outcome.errors(), input, outcome.classes()));
        }
        return outcome;
    }

    private static ResultCache.Entry entry(
            List<ResultCache.ClassFinding> findings, List<ProcessingError> errors, String input, int classes) {
        return new ResultCache.Entry(
                true,
                List.of(),
                List.copyOf(findings),
                errors.stream().map(e -> ResultCache.of(e, input)).toList(),
                null,
                classes);
    }

    private Outcome fromCache(ResultCache.Entry entry, String input) {
        List<RawFinding> findings = new ArrayList<>();
        for (ResultCache.ClassFinding f : entry.classFindings()) {
            Path source = inputs.sourceOf(f.className(), f.sourceFile());
            findings.add(new RawFinding(f.on(source), f.line(), f.line()));
        }
        List<ProcessingError> errors = new ArrayList<>();
        entry.errors().forEach(e -> errors.add(ResultCache.toError(e, input)));
        return new Outcome(findings, errors, entry.classes());
    }

    /**
     * Reads the classes of an archive one entry at a time, each within the limits: an entry past them is reported and
     * skipped, and once the archive's whole limit is reached, so are the entries after it.
     */
    private Outcome analyzeArchive(Path archive, List<ResultCache.ClassFinding> kept) {
        List<RawFinding> findings = new ArrayList<>();
        List<ProcessingError> errors = new ArrayList<>();
        int classes = 0;
        boolean heapBound = false;
        InputLimits.Budget budget = limits.archiveBudget();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                // Multi-release variants repeat the base classes; module descriptors hold no code.
                if (!name.endsWith(".class") || name.startsWith("META-INF/") || name.endsWith("module-info.class")) {
                    continue;
                }
                String input = archive + "!/" + name;
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = budget.readClass(in);
                } catch (InputLimits.TooLarge e) {
                    errors.add(new ProcessingError(
                            input,
                            null,
                            ProcessingError.Kind.CORRUPT_CLASS,
                            e.archiveSpent()
                                    ? "Not analysed, nor the entries after it: " + e.getMessage()
                                            + "; the entries before it were analysed"
                                    : "Not analysed: " + e.getMessage()
                                            + "; the other entries of the archive were analysed"));
                    if (e.archiveSpent()) {
                        break;
                    }
                    continue;
                } catch (IOException | RuntimeException e) {
                    errors.add(new ProcessingError(
                            input, null, ProcessingError.Kind.CORRUPT_CLASS, ProcessingError.describe(e)));
                    continue;
                } catch (OutOfMemoryError e) {
                    heapBound = true;
                    errors.add(outOfResources(input, e));
                    continue;
                }
                classes++;
                heapBound |= !analyzeWithinHeap(input, bytes, findings, errors, kept);
            }
        } catch (IOException | RuntimeException e) {
            errors.add(new ProcessingError(
                    archive.toString(),
                    null,
                    ProcessingError.Kind.CORRUPT_CLASS,
                    "Cannot read archive: " + ProcessingError.describe(e)));
        } catch (OutOfMemoryError e) {
            heapBound = true;
            errors.add(outOfResources(archive.toString(), e));
        }
        return new Outcome(findings, errors, classes, heapBound);
    }

    /**
     * Analyses one class of an archive, so that a class that takes more memory or stack than there is costs only its
     * own findings, not those of the archive's other classes. False when it ran out of memory.
     */
    private boolean analyzeWithinHeap(
            String input,
            byte[] bytes,
            List<RawFinding> findings,
            List<ProcessingError> errors,
            List<ResultCache.ClassFinding> kept) {
        int foundBefore = findings.size();
        int keptBefore = kept == null ? 0 : kept.size();
        try {
            analyze(input, bytes, findings, errors, kept);
            return true;
        } catch (OutOfMemoryError | StackOverflowError e) {
            // Its tree went with the frames just left. What it had found is dropped with it: "not analysed" is whole.
            findings.subList(foundBefore, findings.size()).clear();
            if (kept != null) {
                kept.subList(keptBefore, kept.size()).clear();
            }
            errors.add(outOfResources(input, e));
            return !(e instanceof OutOfMemoryError);
        }
    }

    private static ProcessingError outOfResources(String input, Throwable e) {
        return e instanceof OutOfMemoryError
                ? MemoryGate.outOfMemory(input, ProcessingError.Kind.CORRUPT_CLASS)
                : new ProcessingError(
                        input, null, ProcessingError.Kind.CORRUPT_CLASS, "Not analysed: too deeply nested to read");
    }

    /** Analyses one class; with {@code kept}, also keeps its findings as the cache stores them. */
    private void analyze(
            String input,
            byte[] bytes,
            List<RawFinding> findings,
            List<ProcessingError> errors,
            List<ResultCache.ClassFinding> kept) {
        ClassReader reader;
        boolean[] wanted;
        try {
            reader = new ClassReader(bytes);
            wanted = prescreen(reader, bytes);
        } catch (RuntimeException e) {
            errors.add(new ProcessingError(
                    input, null, ProcessingError.Kind.CORRUPT_CLASS, "Not a readable class file: " + describe(e)));
            return;
        }
        if (!anyTrue(wanted)) {
            try {
                usage.classNotVisited(input, reader);
            } catch (RuntimeException e) {
                errors.add(new ProcessingError(
                        input, null, ProcessingError.Kind.CORRUPT_CLASS, "Not a readable class file: " + describe(e)));
            }
            return;
        }
        ClassNode classNode = new ClassNode();
        try {
            reader.accept(usage.classVisitor(input, reader, classNode), ClassReader.SKIP_FRAMES);
        } catch (RuntimeException e) {
            errors.add(new ProcessingError(
                    input, null, ProcessingError.Kind.CORRUPT_CLASS, "Not a readable class file: " + describe(e)));
            return;
        }
        Path source = inputs.sourceOf(classNode.name, classNode.sourceFile);
        MethodFacts facts = new MethodFacts(classNode.name);
        for (int i = 0; i < rules.size(); i++) {
            if (!wanted[i]) {
                continue;
            }
            Keyed<BytecodeDetector> rule = rules.get(i);
            long start = System.nanoTime();
            try {
                rule.detector()
                        .visitClass(
                                classNode,
                                new Context(
                                        rule.key(),
                                        source,
                                        findings,
                                        kept,
                                        classNode.name,
                                        classNode.sourceFile,
                                        facts));
            } catch (RuntimeException | StackOverflowError e) {
                errors.add(new ProcessingError(
                        input, rule.key(), ProcessingError.Kind.RULE_FAILURE, "Rule failed: " + describe(e)));
            } finally {
                timer.add(rule.key(), System.nanoTime() - start);
            }
        }
    }

    private static String describe(Throwable e) {
        return ProcessingError.describe(e);
    }

    /** For each rule, whether some constant-pool UTF-8 entry contains one of the strings it looks for. */
    private boolean[] prescreen(ClassReader reader, byte[] bytes) {
        boolean[] wanted = needles.always();
        int pending = needles.pending(wanted);
        int count = reader.getItemCount();
        for (int item = 1; item < count && pending > 0; item++) {
            int offset = reader.getItem(item);
            if (offset == 0 || bytes[offset - 1] != CONSTANT_UTF8) {
                continue;
            }
            int length = reader.readUnsignedShort(offset);
            pending = needles.find(bytes, offset + 2, offset + 2 + length, wanted, pending);
        }
        return wanted;
    }

    private static boolean anyTrue(boolean[] values) {
        for (boolean value : values) {
            if (value) {
                return true;
            }
        }
        return false;
    }

    /** Reports at the source line of an instruction. */
    private static final class Context implements BytecodeContext {
        private final String ruleKey;
        private final Path source;
        private final List<RawFinding> sink;
        private final List<ResultCache.ClassFinding> kept;
        private final String className;
        private final String sourceFile;
        private final MethodFacts facts;

        Context(
                String ruleKey,
                Path source,
                List<RawFinding> sink,
                List<ResultCache.ClassFinding> kept,
                String className,
                String sourceFile,
                MethodFacts facts) {
            this.ruleKey = ruleKey;
            this.source = source;
            this.sink = sink;
            this.kept = kept;
            this.className = className;
            this.sourceFile = sourceFile;
            this.facts = facts;
        }

        @Override
        public Optional<Frame<SourceValue>[]> frames(MethodNode method) {
            return facts.frames(method);
        }

        @Override
        public List<BytecodeLoops.Loop> loops(MethodNode method) {
            return facts.loops(method);
        }

        @Override
        public void report(
                MethodNode method, AbstractInsnNode instruction, String message, List<Secondary> secondaries) {
            int line = lineOf(method, instruction);
            List<ResultCache.LineNote> notes = new ArrayList<>(secondaries.size());
            for (Secondary secondary : secondaries) {
                notes.add(new ResultCache.LineNote(lineOf(method, secondary.instruction()), secondary.message()));
            }
            ResultCache.ClassFinding found =
                    new ResultCache.ClassFinding(ruleKey, className, sourceFile, line, message, notes);
            sink.add(new RawFinding(found.on(source), line, line));
            if (kept != null) {
                kept.add(found);
            }
        }

        private static int lineOf(MethodNode method, AbstractInsnNode instruction) {
            // A label (a loop head, a jump target) takes the line entry that starts at it, before the code it labels;
            // the entry before it belongs to the code that falls through into it.
            for (AbstractInsnNode insn = instruction; insn != null && insn.getOpcode() < 0; insn = insn.getNext()) {
                if (insn instanceof LineNumberNode lineNumber) {
                    return lineNumber.line;
                }
            }
            for (AbstractInsnNode insn = instruction; insn != null; insn = insn.getPrevious()) {
                if (insn instanceof LineNumberNode lineNumber) {
                    return lineNumber.line;
                }
            }
            // Before the first line entry: the method's first line; without any line table, the top of the file.
            return firstLine(method);
        }

        private static int firstLine(MethodNode method) {
            for (AbstractInsnNode insn : method.instructions) {
                if (insn instanceof LineNumberNode lineNumber) {
                    return lineNumber.line;
                }
            }
            return 1;
        }
    }

    /**
     * What the detectors of one class share about each of its methods, computed on first use: the frames, which cost
     * an abstract interpretation of the method, and the loops. One class is analysed on one thread.
     */
    private static final class MethodFacts {
        private final String owner;
        private final Map<MethodNode, Optional<Frame<SourceValue>[]>> frames = new IdentityHashMap<>();
        private final Map<MethodNode, List<BytecodeLoops.Loop>> loops = new IdentityHashMap<>();

        MethodFacts(String owner) {
            this.owner = owner;
        }

        Optional<Frame<SourceValue>[]> frames(MethodNode method) {
            return frames.computeIfAbsent(method, m -> {
                try {
                    return Optional.of(new Analyzer<>(new SourceInterpreter()).analyze(owner, m));
                } catch (AnalyzerException e) {
                    // Code the verifier would reject: nothing reliable to say about it.
                    return Optional.empty();
                }
            });
        }

        List<BytecodeLoops.Loop> loops(MethodNode method) {
            return loops.computeIfAbsent(method, m -> BytecodeLoops.of(m.instructions));
        }
    }
}
