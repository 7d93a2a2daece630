package org.ecobugs.rules.engine;

import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.Suppression;
import org.ecobugs.rules.UnusedSuppression;
import org.ecobugs.rules.config.ConfigFile;
import org.ecobugs.rules.engine.limits.InputLimits;

/**
 * Findings the code says are intended, the same in every host:
 *
 * <ul>
 *   <li>{@code @SuppressWarnings("ecobugs:EB101")}, or {@code @SuppressWarnings("ecobugs")} for every rule, on a
 *       class, method, constructor, field, parameter or local variable: the findings inside its declaration;
 *   <li>a comment {@code // ecobugs:ignore EB101 EB102 why} (or {@code # ecobugs:ignore …} in a {@code .properties}
 *       or YAML file) on the reported line or on the line above; without a key, every rule.
 * </ul>
 *
 * <p>Only files whose text holds {@code ecobugs} are read further, so the cost is one read of each file with a finding.
 * Bytecode findings are judged by the source file they are reported in; a class analysed without its source keeps its
 * findings ({@code @SuppressWarnings} is not kept in class files).
 */
final class SourceSuppressions {

    private static final String MARK = "ecobugs";
    private static final Pattern IGNORE_COMMENT = Pattern.compile("(?://|/\\*|#)\\s*ecobugs:ignore\\b([^\\n]*)");
    private static final Pattern RULE_KEY = Pattern.compile("EB\\d{3}");
    private static final String ALL_RULES = "*";

    /** The findings left, and those the code suppresses with the reason it gives. */
    record Split(List<Finding> kept, Map<Finding, Suppression> suppressed) {}

    /** One suppression: rule keys (or all) over a range of lines, and why; {@code line} is where it is written. */
    private record Scope(int line, int firstLine, int lastLine, Set<String> keys, String justification) {
        boolean covers(Finding finding) {
            return finding.line() >= firstLine
                    && finding.line() <= lastLine
                    && (keys.contains(ALL_RULES) || keys.contains(finding.ruleKey()));
        }
    }

    private final int javaVersion;
    private final Charset encoding;
    private final long maxFileBytes;
    private final Map<Path, List<Scope>> scopes = new HashMap<>();
    private final Set<Scope> used = new java.util.HashSet<>();

    private final SourceTexts texts;

    SourceSuppressions(int javaVersion, Charset encoding, long maxFileBytes, SourceTexts texts) {
        this.texts = texts;
        this.javaVersion = javaVersion;
        this.encoding = encoding;
        this.maxFileBytes = maxFileBytes;
    }

    Split split(List<Finding> findings) {
        List<Finding> kept = new ArrayList<>();
        Map<Finding, Suppression> suppressed = new LinkedHashMap<>();
        for (Finding finding : findings) {
            List<Scope> inFile = scopes.computeIfAbsent(finding.file(), this::scopesOf);
            Optional<Scope> scope =
                    inFile.stream().filter(s -> s.covers(finding)).findFirst();
            if (scope.isPresent()) {
                used.add(scope.get());
                suppressed.put(
                        finding,
                        new Suppression(Suppression.Kind.IN_SOURCE, scope.get().justification()));
            } else {
                kept.add(finding);
            }
        }
        return new Split(kept, suppressed);
    }

    /**
     * The suppressions written in {@code files} that no finding met in {@link #split}, among those that name a rule
     * that ran (or every rule): one naming only rules that did not run is waiting for them, not unused.
     */
    List<UnusedSuppression> unused(List<Path> files, Set<String> rulesRun) {
        List<UnusedSuppression> unused = new ArrayList<>();
        for (Path file : files) {
            for (Scope scope : scopes.computeIfAbsent(file, this::scopesOf)) {
                boolean namesARuleThatRan = scope.keys().contains(ALL_RULES)
                        || scope.keys().stream().anyMatch(rulesRun::contains);
                if (!used.contains(scope) && namesARuleThatRan) {
                    unused.add(new UnusedSuppression(file, scope.line(), scope.justification()));
                }
            }
        }
        unused.sort(
                java.util.Comparator.comparing((UnusedSuppression u) -> u.file().toString())
                        .thenComparingInt(UnusedSuppression::line));
        return unused;
    }

    private List<Scope> scopesOf(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        boolean java = name.endsWith(".java");
        if (!java && !ConfigFile.isConfigFileName(name)) {
            return List.of();
        }
        String text;
        try {
            if (!texts.isInMemory(file) && !Files.isRegularFile(file)) {
                return List.of();
            }
            byte[] bytes = texts.read(file, maxFileBytes, "one source file");
            text = decode(bytes, java ? encoding : StandardCharsets.UTF_8);
        } catch (IOException | InputLimits.TooLarge | RuntimeException e) {
            // The file was analysed moments ago; if it cannot be read now, its findings stay reported.
            return List.of();
        }
        if (!text.contains(MARK)) {
            return List.of();
        }
        List<Scope> scopes = new ArrayList<>(comments(text));
        if (java) {
            scopes.addAll(annotations(text));
        }
        return scopes;
    }

    /** As the analysers read it; bytes not valid in the encoding as ISO-8859-1 (the marks are ASCII either way). */
    private static String decode(byte[] bytes, Charset encoding) {
        try {
            return ByteOrderMark.decode(bytes, encoding);
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** {@code ecobugs:ignore} comments: their line and the next one. */
    private static List<Scope> comments(String text) {
        List<Scope> scopes = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].contains(MARK)) {
                continue;
            }
            Matcher matcher = IGNORE_COMMENT.matcher(lines[i]);
            if (!matcher.find()) {
                continue;
            }
            String rest = matcher.group(1).strip();
            Set<String> keys = new java.util.TreeSet<>();
            Matcher key = RULE_KEY.matcher(rest);
            int reasonStart = 0;
            while (key.find() && rest.substring(reasonStart, key.start()).matches("[\\s,]*")) {
                keys.add(key.group());
                reasonStart = key.end();
            }
            String reason = rest.substring(reasonStart)
                    .replaceFirst("^[\\s,:\\-–—]+", "")
                    .strip();
            if (reason.endsWith("*/")) {
                reason = reason.substring(0, reason.length() - 2).strip();
            }
            if (keys.isEmpty()) {
                keys.add(ALL_RULES);
            }
            scopes.add(new Scope(
                    i + 1, i + 1, i + 2, keys, "ecobugs:ignore comment" + (reason.isEmpty() ? "" : ": " + reason)));
        }
        return scopes;
    }

    /** {@code @SuppressWarnings} naming ecobugs on declarations: their whole range. */
    private List<Scope> annotations(String text) {
        ParseResult<CompilationUnit> parsed = JavaParsers.create(javaVersion).parse(text);
        if (parsed.getResult().isEmpty()) {
            return List.of();
        }
        List<Scope> scopes = new ArrayList<>();
        for (AnnotationExpr annotation : parsed.getResult().get().findAll(AnnotationExpr.class)) {
            String annotationName = annotation.getNameAsString();
            if (!annotationName.equals("SuppressWarnings") && !annotationName.equals("java.lang.SuppressWarnings")) {
                continue;
            }
            Set<String> keys = new java.util.TreeSet<>();
            List<String> named = new ArrayList<>();
            for (String value : values(annotation)) {
                String lower = value.toLowerCase(Locale.ROOT);
                if (lower.equals(MARK)) {
                    keys.add(ALL_RULES);
                    named.add(value);
                } else if (lower.startsWith(MARK + ":")) {
                    keys.add(value.substring(MARK.length() + 1).strip().toUpperCase(Locale.ROOT));
                    named.add(value);
                }
            }
            Optional<Node> declaration = annotation.getParentNode();
            if (keys.isEmpty() || declaration.isEmpty() || !isDeclaration(declaration.get())) {
                continue;
            }
            Node target = declaration.get();
            if (target.getRange().isEmpty()) {
                continue;
            }
            scopes.add(new Scope(
                    annotation
                            .getRange()
                            .map(r -> r.begin.line)
                            .orElse(target.getRange().get().begin.line),
                    target.getRange().get().begin.line,
                    target.getRange().get().end.line,
                    keys,
                    "@SuppressWarnings(\"" + String.join("\", \"", named) + "\") on " + describe(target)));
        }
        return scopes;
    }

    private static boolean isDeclaration(Node node) {
        return node instanceof BodyDeclaration<?>
                || node instanceof Parameter
                || node instanceof VariableDeclarationExpr;
    }

    private static String describe(Node declaration) {
        if (declaration instanceof com.github.javaparser.ast.nodeTypes.NodeWithSimpleName<?> named) {
            return named.getNameAsString();
        }
        if (declaration instanceof VariableDeclarationExpr variables) {
            return variables.getVariable(0).getNameAsString();
        }
        if (declaration instanceof com.github.javaparser.ast.body.FieldDeclaration field) {
            return field.getVariable(0).getNameAsString();
        }
        return "line " + declaration.getRange().map(r -> r.begin.line).orElse(0);
    }

    private static List<String> values(AnnotationExpr annotation) {
        List<Expression> expressions = new ArrayList<>();
        if (annotation instanceof SingleMemberAnnotationExpr single) {
            expressions.add(single.getMemberValue());
        } else if (annotation instanceof NormalAnnotationExpr normal) {
            normal.getPairs().stream()
                    .filter(pair -> pair.getNameAsString().equals("value"))
                    .forEach(pair -> expressions.add(pair.getValue()));
        }
        List<String> values = new ArrayList<>();
        for (Expression expression : expressions) {
            if (expression instanceof ArrayInitializerExpr array) {
                array.getValues().forEach(value -> addString(value, values));
            } else {
                addString(expression, values);
            }
        }
        return values;
    }

    private static void addString(Expression expression, List<String> values) {
        if (expression instanceof StringLiteralExpr literal) {
            values.add(literal.asString());
        }
    }
}
