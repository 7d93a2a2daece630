package org.ecobugs.rules.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.AnnotationDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.printer.DefaultPrettyPrinter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.ecobugs.rules.config.Settings;

/**
 * The constants and configuration of the analysed project, read when a file's code asks for them and kept for the rest
 * of the run: shared by the threads that analyse files, and cheap where nothing asks.
 *
 * <p>A type is looked for in the file its name gives ({@code com.lab.PollSettings} in a {@code PollSettings.java} of
 * package {@code com.lab}, a nested {@code Outer.Inner} in {@code Outer.java}), as {@code javac} requires of public
 * types. That file is not parsed: its {@link SourceSkeleton} (the package, the imports, the types' headers, their
 * constants and their {@code @ConfigurationProperties} types, found by a scan of its tokens) is, a small part of the
 * file's text.
 *
 * <p>Each analysed file asks through its own {@link Recorder}, which keeps the questions and the answers: a file whose
 * result is cached is analysed again when an answer changed (another file's constant, a configuration file's setting),
 * and only then.
 */
public final class ProjectConstantIndex implements ProjectConstants {

    /** Reads and parses a source file's {@link SourceSkeleton}; empty when it cannot be read or parsed. */
    @FunctionalInterface
    public interface Skeletons {
        Optional<CompilationUnit> of(Path file);
    }

    /** A question a file asked of the project, and the answer it got, in a form that compares. */
    public record Lookup(String question, String answer) {}

    /** A bound on how deep the folding is that an answer may be cached for: deeper, the depth bound may have cut it. */
    private static final int MAX_CACHED_DEPTH = 16;

    /** A parsed skeleton, with what folds its constants. */
    private record Skeleton(
            Path file, String packageName, JavaNames names, ConstantFolder folder, CompilationUnit unit) {}

    /** A type found in the project, and the skeleton it is in. */
    private record Located(Skeleton skeleton, TypeDeclaration<?> type) {}

    private final Map<String, List<Path>> byFileName = new HashMap<>();
    private final Skeletons skeletons;
    private final Settings settings;
    private final BoundProperties properties;
    private final KnownTypes knownTypes;
    private final Map<Path, Optional<Skeleton>> parsed = new ConcurrentHashMap<>();
    private final Map<String, Optional<Folded>> answers = new ConcurrentHashMap<>();
    /** The time spent answering files' questions (reading the files asked for included), summed over threads. */
    private final AtomicLong nanos = new AtomicLong();

    public ProjectConstantIndex(
            Collection<Path> sources, Skeletons skeletons, Settings settings, KnownTypes knownTypes) {
        this.skeletons = skeletons;
        this.settings = settings;
        this.properties = new BoundProperties(settings);
        this.knownTypes = knownTypes;
        for (Path source : sources) {
            byFileName
                    .computeIfAbsent(source.getFileName().toString(), k -> new ArrayList<>())
                    .add(source);
        }
    }

    /** The view of one analysed file, which records what it asked. */
    public Recorder recorder() {
        return new Recorder(this);
    }

    /** Whether every question still gets the answer it got: then what was decided with them stands. */
    public boolean stillHolds(List<Lookup> lookups) {
        long start = System.nanoTime();
        try {
            for (Lookup lookup : lookups) {
                if (!answer(lookup.question()).equals(lookup.answer())) {
                    return false;
                }
            }
            return true;
        } finally {
            nanos.addAndGet(System.nanoTime() - start);
        }
    }

    @Override
    public Optional<Folded> constant(String qualifiedType, String field, int depth) {
        return cached(
                "c\u0000" + qualifiedType + '\u0000' + field, depth, () -> findConstant(qualifiedType, field, depth));
    }

    @Override
    public Optional<Folded> property(String qualifiedType, List<String> getters, int depth) {
        return cached(
                "p\u0000" + qualifiedType + '\u0000' + String.join(".", getters),
                depth,
                () -> findProperty(qualifiedType, getters, depth));
    }

    @Override
    public Optional<Settings.Resolved> resolve(String text) {
        return settings.resolve(text);
    }

    private Optional<Folded> cached(String key, int depth, java.util.function.Supplier<Optional<Folded>> compute) {
        Optional<Folded> known = answers.get(key);
        if (known != null) {
            return known;
        }
        Optional<Folded> found = compute.get();
        if (depth <= MAX_CACHED_DEPTH) {
            answers.putIfAbsent(key, found);
        }
        return found;
    }

    // ---- constants ----

    private Optional<Folded> findConstant(String qualifiedType, String field, int depth) {
        if (depth > MAX_CACHED_DEPTH * 4) {
            return Optional.empty();
        }
        Optional<Located> located = type(qualifiedType);
        if (located.isEmpty()) {
            return Optional.empty();
        }
        TypeDeclaration<?> type = located.get().type();
        Skeleton skeleton = located.get().skeleton();
        for (FieldDeclaration declaration : type.getFields()) {
            for (VariableDeclarator variable : declaration.getVariables()) {
                if (!variable.getNameAsString().equals(field)) {
                    continue;
                }
                if (!isConstant(declaration, type)) {
                    return Optional.empty(); // it hides what a supertype declares
                }
                Object value = skeleton.folder().initialValue(variable, depth, null);
                return value == null
                        ? Optional.empty()
                        : Optional.of(new Folded(
                                value,
                                List.of(ValueOrigin.constant(label(type) + "." + field, skeleton.file(), variable))));
            }
        }
        for (ClassOrInterfaceType supertype : supertypes(type)) {
            for (String candidate : skeleton.names().possibleNames(supertype.getNameWithScope())) {
                Optional<Folded> inherited = constant(candidate, field, depth + 1);
                if (inherited.isPresent()) {
                    return inherited;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isConstant(FieldDeclaration field, TypeDeclaration<?> type) {
        return (field.isStatic() && field.isFinal())
                || type instanceof AnnotationDeclaration
                || (type instanceof ClassOrInterfaceDeclaration c && c.isInterface());
    }

    private static List<ClassOrInterfaceType> supertypes(TypeDeclaration<?> type) {
        List<ClassOrInterfaceType> all = new ArrayList<>();
        if (type instanceof ClassOrInterfaceDeclaration c) {
            all.addAll(c.getExtendedTypes());
            all.addAll(c.getImplementedTypes());
        } else if (type instanceof EnumDeclaration e) {
            all.addAll(e.getImplementedTypes());
        } else if (type instanceof RecordDeclaration r) {
            all.addAll(r.getImplementedTypes());
        }
        return all;
    }

    /** A type's name as its file's code writes it from outside: {@code PollSettings}, {@code Outer.Inner}. */
    static String label(TypeDeclaration<?> type) {
        StringBuilder label = new StringBuilder(type.getNameAsString());
        for (Node n = type.getParentNode().orElse(null);
                n instanceof TypeDeclaration<?> outer;
                n = n.getParentNode().orElse(null)) {
            label.insert(0, outer.getNameAsString() + ".");
        }
        return label.toString();
    }

    // ---- @ConfigurationProperties ----

    private Optional<Folded> findProperty(String qualifiedType, List<String> getters, int depth) {
        return type(qualifiedType)
                .flatMap(located -> properties.read(
                        located.type(),
                        located.skeleton().names(),
                        located.skeleton().folder(),
                        located.skeleton().file(),
                        getters,
                        depth));
    }

    // ---- types ----

    /**
     * The project's type of this qualified name: for each way to split it into a package and a top-level type's name
     * ({@code a.b.Outer.Inner}: {@code Outer} in {@code a.b}, {@code Inner} in {@code a.b.Outer}), the files of that
     * name whose package it is.
     */
    private Optional<Located> type(String qualifiedName) {
        String[] parts = qualifiedName.split("\\.");
        for (int top = 0; top < parts.length; top++) {
            List<Path> files = byFileName.get(parts[top] + ".java");
            if (files == null) {
                continue;
            }
            String packageName = String.join(".", java.util.Arrays.asList(parts).subList(0, top));
            for (Path file : files) {
                Optional<Skeleton> skeleton = skeleton(file);
                if (skeleton.isEmpty() || !skeleton.get().packageName().equals(packageName)) {
                    continue;
                }
                Optional<TypeDeclaration<?>> type = member(skeleton.get().unit().getTypes(), parts[top]);
                for (int i = top + 1; i < parts.length && type.isPresent(); i++) {
                    type = member(type.get().getMembers(), parts[i]);
                }
                if (type.isPresent()) {
                    return Optional.of(new Located(skeleton.get(), type.get()));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<TypeDeclaration<?>> member(List<? extends BodyDeclaration<?>> members, String name) {
        for (BodyDeclaration<?> member : members) {
            if (member instanceof TypeDeclaration<?> type
                    && type.getNameAsString().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** How many files were read for their constants. */
    public int filesRead() {
        return parsed.size();
    }

    /**
     * How long answering the files' questions took, reading the files asked for included, summed over threads: what
     * the project's constants and configuration cost the analysis.
     */
    public long nanos() {
        return nanos.get();
    }

    private Optional<Skeleton> skeleton(Path file) {
        return parsed.computeIfAbsent(file, this::read);
    }

    private Optional<Skeleton> read(Path file) {
        return skeletons.of(file).map(unit -> {
            // Nodes print themselves (toString) through their unit's printer, which the unit would otherwise create
            // on first use: set before the threads share the unit, so that they only read it.
            unit.printer(new DefaultPrettyPrinter());
            JavaNames names = new JavaNames(unit, knownTypes);
            return new Skeleton(file, names.packageName(), names, new ConstantFolder(names, this), unit);
        });
    }

    // ---- what files asked ----

    /** The answer a question gets now, as a {@link Recorder} wrote it down. */
    private String answer(String question) {
        String[] parts = question.split("\u0000", -1);
        return switch (parts[0]) {
            case "c" -> describe(constant(parts[1], parts[2], 1));
            case "p" -> describe(property(parts[1], List.of(parts[2].split("\\.")), 1));
            case "r" -> describeResolved(resolve(parts[1]));
            default -> "";
        };
    }

    private static String describe(Optional<Folded> folded) {
        if (folded.isEmpty()) {
            return "-";
        }
        Object value = folded.get().value();
        StringBuilder out =
                new StringBuilder(value.getClass().getSimpleName()).append(':').append(value);
        for (ValueOrigin origin : folded.get().origins()) {
            out.append('|')
                    .append(origin.kind())
                    .append(' ')
                    .append(origin.name())
                    .append(' ')
                    .append(origin.holder())
                    .append(' ')
                    .append(origin.file().map(Path::toString).orElse(""))
                    .append(':')
                    .append(origin.node()
                            .flatMap(Node::getRange)
                            .map(r -> r.begin.line + "," + r.begin.column + "," + r.end.line + "," + r.end.column)
                            .orElse(String.valueOf(origin.line())));
        }
        return out.toString();
    }

    private static String describeResolved(Optional<Settings.Resolved> resolved) {
        if (resolved.isEmpty()) {
            return "-";
        }
        StringBuilder out = new StringBuilder(resolved.get().text());
        resolved.get()
                .set()
                .forEach(s -> out.append('|').append(s.file()).append(':').append(s.line()));
        resolved.get().defaulted().forEach(d -> out.append("|default ").append(d.key()));
        return out.toString();
    }

    /**
     * What one analysed file sees of the project: the index's answers, each question kept with its answer. Used by one
     * thread, on one file.
     */
    public static final class Recorder implements ProjectConstants {
        private final ProjectConstantIndex index;
        private final Map<String, String> asked = new LinkedHashMap<>();

        private Recorder(ProjectConstantIndex index) {
            this.index = index;
        }

        @Override
        public Optional<Folded> constant(String qualifiedType, String field, int depth) {
            long start = System.nanoTime();
            Optional<Folded> answer = index.constant(qualifiedType, field, depth);
            index.nanos.addAndGet(System.nanoTime() - start);
            asked.putIfAbsent("c\u0000" + qualifiedType + '\u0000' + field, describe(answer));
            return answer;
        }

        @Override
        public Optional<Folded> property(String qualifiedType, List<String> getters, int depth) {
            long start = System.nanoTime();
            Optional<Folded> answer = index.property(qualifiedType, getters, depth);
            index.nanos.addAndGet(System.nanoTime() - start);
            asked.putIfAbsent("p\u0000" + qualifiedType + '\u0000' + String.join(".", getters), describe(answer));
            return answer;
        }

        @Override
        public Optional<Settings.Resolved> resolve(String text) {
            Optional<Settings.Resolved> answer = index.resolve(text);
            if (text.contains("${")) {
                asked.putIfAbsent("r\u0000" + text, describeResolved(answer));
            }
            return answer;
        }

        /** The questions asked so far, with their answers. */
        public List<Lookup> lookups() {
            List<Lookup> lookups = new ArrayList<>(asked.size());
            asked.forEach((question, answer) -> lookups.add(new Lookup(question, answer)));
            return lookups;
        }
    }
}
