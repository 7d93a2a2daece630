package org.ecobugs.rules.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.ProcessingError;
import org.ecobugs.rules.api.BytecodeContext;
import org.ecobugs.rules.api.BytecodeRule;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Reads class files, alone or from archives. A class is expanded into an ASM tree only when its constant pool holds
 * something one of the bytecode rules looks for; then every such rule visits that one tree.
 */
final class ClassFileAnalyzer {

    private static final int CONSTANT_UTF8 = 1;

    /** What one class file or archive yielded. */
    record Outcome(List<RawFinding> findings, List<ProcessingError> errors, int classes) {}

    private final List<BytecodeRule> rules;
    private final List<String[]> prescreens = new ArrayList<>();
    private final Inputs inputs;
    private final RuleTimer timer;
    private final UsageCollector usage;

    ClassFileAnalyzer(List<BytecodeRule> rules, Inputs inputs, RuleTimer timer) {
        this(rules, inputs, timer, null);
    }

    /** With {@code usage}, also records what each class refers to, in the same read (for the dependency rules). */
    ClassFileAnalyzer(List<BytecodeRule> rules, Inputs inputs, RuleTimer timer, UsageCollector usage) {
        this.rules = List.copyOf(rules);
        this.inputs = inputs;
        this.timer = timer;
        this.usage = usage;
        for (BytecodeRule rule : rules) {
            Set<String> wanted = rule.constantPoolPrescreen();
            prescreens.add(wanted.toArray(String[]::new));
        }
    }

    Outcome analyzeClassFile(Path file) {
        List<RawFinding> findings = new ArrayList<>();
        List<ProcessingError> errors = new ArrayList<>();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            errors.add(new ProcessingError(
                    file.toString(), null, ProcessingError.Kind.UNREADABLE_INPUT, ProcessingError.describe(e)));
            return new Outcome(findings, errors, 0);
        }
        analyze(file.toString(), bytes, findings, errors);
        return new Outcome(findings, errors, 1);
    }

    Outcome analyzeArchive(Path archive) {
        List<RawFinding> findings = new ArrayList<>();
        List<ProcessingError> errors = new ArrayList<>();
        int classes = 0;
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
                    bytes = in.readAllBytes();
                } catch (IOException | RuntimeException e) {
                    errors.add(new ProcessingError(
                            input, null, ProcessingError.Kind.CORRUPT_CLASS, ProcessingError.describe(e)));
                    continue;
                }
                classes++;
                analyze(input, bytes, findings, errors);
            }
        } catch (IOException | RuntimeException e) {
            errors.add(new ProcessingError(
                    archive.toString(),
                    null,
                    ProcessingError.Kind.CORRUPT_CLASS,
                    "Cannot read archive: " + ProcessingError.describe(e)));
        }
        return new Outcome(findings, errors, classes);
    }

    private void analyze(String input, byte[] bytes, List<RawFinding> findings, List<ProcessingError> errors) {
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
            if (usage != null) {
                try {
                    reader.accept(usage.visitor(usage.sideOf(input), reader, null), ClassReader.SKIP_FRAMES);
                } catch (RuntimeException e) {
                    errors.add(new ProcessingError(
                            input,
                            null,
                            ProcessingError.Kind.CORRUPT_CLASS,
                            "Not a readable class file: " + describe(e)));
                }
            }
            return;
        }
        ClassNode classNode = new ClassNode();
        try {
            reader.accept(
                    usage == null ? classNode : usage.visitor(usage.sideOf(input), reader, classNode),
                    ClassReader.SKIP_FRAMES);
        } catch (RuntimeException e) {
            errors.add(new ProcessingError(
                    input, null, ProcessingError.Kind.CORRUPT_CLASS, "Not a readable class file: " + describe(e)));
            return;
        }
        Path source = inputs.sourceOf(classNode.name, classNode.sourceFile);
        for (int i = 0; i < rules.size(); i++) {
            if (!wanted[i]) {
                continue;
            }
            BytecodeRule rule = rules.get(i);
            long start = System.nanoTime();
            try {
                rule.visitClass(classNode, new Context(rule.key(), source, findings));
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
        boolean[] wanted = new boolean[rules.size()];
        int pending = 0;
        for (int i = 0; i < wanted.length; i++) {
            if (prescreens.get(i).length == 0) {
                wanted[i] = true;
            } else {
                pending++;
            }
        }
        int count = reader.getItemCount();
        for (int item = 1; item < count && pending > 0; item++) {
            int offset = reader.getItem(item);
            if (offset == 0 || bytes[offset - 1] != CONSTANT_UTF8) {
                continue;
            }
            int length = reader.readUnsignedShort(offset);
            // Names and SQL are ASCII; Latin-1 decoding keeps every byte and never fails.
            String entry = new String(bytes, offset + 2, length, StandardCharsets.ISO_8859_1);
            for (int i = 0; i < wanted.length; i++) {
                if (wanted[i]) {
                    continue;
                }
                for (String needle : prescreens.get(i)) {
                    if (entry.contains(needle)) {
                        wanted[i] = true;
                        pending--;
                        break;
                    }
                }
            }
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

        Context(String ruleKey, Path source, List<RawFinding> sink) {
            this.ruleKey = ruleKey;
            this.source = source;
            this.sink = sink;
        }

        @Override
        public void report(MethodNode method, AbstractInsnNode instruction, String message) {
            int line = lineOf(method, instruction);
            Finding finding = new Finding(ruleKey, source, line, 0, 0, 0, message, Finding.Origin.BYTECODE);
            sink.add(new RawFinding(finding, line, line));
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
}
