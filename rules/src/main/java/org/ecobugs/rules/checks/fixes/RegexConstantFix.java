package org.ecobugs.rules.checks.fixes;

import com.github.javaparser.JavaToken;
import com.github.javaparser.Range;
import com.github.javaparser.TokenRange;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SimpleName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.Fix;
import org.ecobugs.rules.java.Fixes;
import org.ecobugs.rules.java.Scopes;

/**
 * The quick fix of EB304: the regex goes into a {@code private static final Pattern} of the enclosing class and the call
 * uses it. Offered only when the regex (and its flags) can be evaluated in a static initializer: literals, static final
 * fields and names the file does not declare (static imports such as {@code CASE_INSENSITIVE}).
 */
public final class RegexConstantFix {

    static final String DESCRIPTION = "Compile the regular expression once into a static final Pattern";
    static final String LITERAL_DESCRIPTION = "Use String.replace, which compiles nothing";

    private static final String PATTERN_TYPE = "java.util.regex.Pattern";

    private RegexConstantFix() {}

    /**
     * {@code s.replaceAll("<", "&lt;")} to {@code s.replace("<", "&lt;")}; an escaped regex becomes the text it matches
     * ({@code replaceAll("\\\\?", "")} to {@code replace("?", "")}), which only a literal argument can be rewritten to.
     */
    public static Optional<Fix> literalReplace(MethodCallExpr call, String regex, String text) {
        Fix rename = Fixes.replace(LITERAL_DESCRIPTION, call.getName(), "replace");
        if (regex.equals(text)) {
            return Optional.of(rename);
        }
        Expression argument = call.getArgument(0);
        if (!argument.isStringLiteralExpr() || argument.getRange().isEmpty()) {
            return Optional.empty();
        }
        Fix literal = Fixes.replace(LITERAL_DESCRIPTION, argument, javaStringLiteral(text));
        List<Fix.Edit> edits = new ArrayList<>(rename.edits());
        edits.addAll(literal.edits());
        return Optional.of(new Fix(LITERAL_DESCRIPTION, edits));
    }

    private static String javaStringLiteral(String text) {
        StringBuilder literal = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\t' -> literal.append("\\t");
                case '\n' -> literal.append("\\n");
                case '\r' -> literal.append("\\r");
                case '\f' -> literal.append("\\f");
                case '"' -> literal.append("\\\"");
                case '\\' -> literal.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        literal.append(String.format("\\u%04x", (int) c));
                    } else {
                        literal.append(c);
                    }
                }
            }
        }
        return literal.append('"').toString();
    }

    /**
     * The hoisting fix of a call, {@code api} being one of {@code Pattern.compile}, {@code Pattern.matches}, {@code
     * String.matches}, {@code String.replaceAll}, {@code String.replaceFirst}, {@code String.split}.
     */
    public static Optional<Fix> hoist(MethodCallExpr call, String api) {
        Optional<CompilationUnit> unit = call.findCompilationUnit();
        Optional<ClassOrInterfaceDeclaration> owner = staticCapableClass(call);
        Optional<Range> callRange = call.getRange();
        if (unit.isEmpty() || owner.isEmpty() || callRange.isEmpty()) {
            return Optional.empty();
        }
        List<Expression> compileArguments =
                api.equals("Pattern.compile") ? call.getArguments() : List.of(call.getArgument(0));
        if (!compileArguments.stream().allMatch(RegexConstantFix::isStaticallyEvaluable)) {
            return Optional.empty();
        }
        Optional<Integer> bodyStart = bodyStartLine(owner.get());
        if (bodyStart.isEmpty()) {
            return Optional.empty();
        }

        String type = patternTypeName(unit.get());
        String constant = freeName(unit.get());
        List<String> arguments = new ArrayList<>();
        for (Expression argument : compileArguments) {
            arguments.add(text(argument));
        }
        String use = usage(call, api, constant);
        if (use == null) {
            return Optional.empty();
        }

        List<Fix.Edit> edits = new ArrayList<>();
        if (type.equals("Pattern") && !importsPattern(unit.get())) {
            importEdit(unit.get()).ifPresent(edits::add);
        }
        // After the last static field, so that the constants the regex names are declared before it.
        Optional<Integer> lastStaticField = owner.get().getFields().stream()
                .filter(FieldDeclaration::isStatic)
                .map(Node::getRange)
                .flatMap(Optional::stream)
                .map(r -> r.end.line)
                .max(Integer::compare);
        int line = lastStaticField.orElse(bodyStart.get()) + 1;
        edits.add(new Fix.Edit(
                line,
                1,
                line,
                0,
                memberIndent(owner.get()) + "private static final " + type + " " + constant + " = " + type + ".compile("
                        + String.join(", ", arguments) + ");\n" + (lastStaticField.isPresent() ? "" : "\n")));
        Range whole = callRange.get();
        edits.add(new Fix.Edit(whole.begin.line, whole.begin.column, whole.end.line, whole.end.column, use));
        return Optional.of(new Fix(DESCRIPTION, edits));
    }

    /**
     * The line of the class body's opening brace, when the body ends on a later line: the constant goes on the line
     * after it, above any comment of the first member.
     */
    private static Optional<Integer> bodyStartLine(ClassOrInterfaceDeclaration owner) {
        Optional<TokenRange> nameTokens = owner.getName().getTokenRange();
        Optional<TokenRange> ownerTokens = owner.getTokenRange();
        if (nameTokens.isEmpty() || ownerTokens.isEmpty()) {
            return Optional.empty();
        }
        Optional<JavaToken> token = Optional.of(nameTokens.get().getEnd());
        while (token.isPresent() && !token.get().getText().equals("{")) {
            token = token.get().getNextToken();
        }
        Optional<Range> brace = token.flatMap(JavaToken::getRange);
        Optional<Range> close = ownerTokens.get().getEnd().getRange();
        if (brace.isEmpty() || close.isEmpty() || close.get().begin.line <= brace.get().begin.line) {
            return Optional.empty();
        }
        return Optional.of(brace.get().begin.line);
    }

    /** The indentation of the class's members: its first member's, or the class's own plus four spaces. */
    private static String memberIndent(ClassOrInterfaceDeclaration owner) {
        int column = owner.getMembers()
                .getFirst()
                .flatMap(Node::getRange)
                .map(r -> r.begin.column - 1)
                .orElseGet(() -> owner.getRange().map(r -> r.begin.column + 3).orElse(4));
        return " ".repeat(column);
    }

    private static String usage(MethodCallExpr call, String api, String constant) {
        switch (api) {
            case "Pattern.compile":
                return constant;
            case "Pattern.matches":
                return constant + ".matcher(" + text(call.getArgument(1)) + ").matches()";
            default:
                break;
        }
        if (call.getScope().isEmpty()) {
            return null;
        }
        String receiver = text(call.getScope().get());
        return switch (api) {
            case "String.matches" -> constant + ".matcher(" + receiver + ").matches()";
            case "String.replaceAll" ->
                constant + ".matcher(" + receiver + ").replaceAll(" + text(call.getArgument(1)) + ")";
            case "String.replaceFirst" ->
                constant + ".matcher(" + receiver + ").replaceFirst(" + text(call.getArgument(1)) + ")";
            // String.split(regex, limit) is Pattern.compile(regex).split(s, limit); split(regex) has limit 0.
            case "String.split" ->
                constant + ".split(" + receiver
                        + (call.getArguments().size() == 2 ? ", " + text(call.getArgument(1)) : "") + ")";
            default -> null;
        };
    }

    /**
     * The nearest enclosing class that may declare a static field whatever the language level: a top-level or static
     * nested class, not an interface (whose fields cannot be private), an inner, local or anonymous class.
     */
    private static Optional<ClassOrInterfaceDeclaration> staticCapableClass(Node node) {
        Optional<ClassOrInterfaceDeclaration> current = node.findAncestor(ClassOrInterfaceDeclaration.class);
        while (current.isPresent()) {
            ClassOrInterfaceDeclaration type = current.get();
            boolean nestedInType = type.getParentNode()
                    .filter(parent -> parent instanceof ClassOrInterfaceDeclaration)
                    .isPresent();
            boolean staticCapable = !type.isInterface()
                    && !type.isLocalClassDeclaration()
                    && (type.isTopLevelType() || (nestedInType && type.isStatic()));
            if (staticCapable) {
                return current;
            }
            if (type.isInterface()) {
                return Optional.empty();
            }
            current = type.findAncestor(ClassOrInterfaceDeclaration.class);
        }
        return Optional.empty();
    }

    /** Literals and constants: no local variable, parameter or instance field of the call's context. */
    private static boolean isStaticallyEvaluable(Expression expression) {
        if (expression.findFirst(MethodCallExpr.class).isPresent()
                || expression
                        .findFirst(com.github.javaparser.ast.expr.ThisExpr.class)
                        .isPresent()) {
            return false;
        }
        for (NameExpr name : expression.findAll(NameExpr.class)) {
            Optional<Scopes.Declaration> declaration = Scopes.declarationOf(name);
            if (declaration.isPresent()
                    && !(declaration.get().isStaticField() && declaration.get().isFinalField())) {
                return false;
            }
        }
        return true;
    }

    private static boolean importsPattern(CompilationUnit unit) {
        for (ImportDeclaration declaration : unit.getImports()) {
            String name = declaration.getNameAsString();
            if (!declaration.isStatic()
                    && (declaration.isAsterisk() ? name.equals("java.util.regex") : name.equals(PATTERN_TYPE))) {
                return true;
            }
        }
        return false;
    }

    /** {@code Pattern}, unless the file has another type of that simple name in scope. */
    private static String patternTypeName(CompilationUnit unit) {
        if (importsPattern(unit)) {
            return "Pattern";
        }
        boolean otherPattern = unit.getImports().stream()
                        .anyMatch(i -> !i.isStatic()
                                && !i.isAsterisk()
                                && i.getName().getIdentifier().equals("Pattern"))
                || unit.findAll(com.github.javaparser.ast.body.TypeDeclaration.class).stream()
                        .anyMatch(t -> t.getNameAsString().equals("Pattern"));
        return otherPattern ? PATTERN_TYPE : "Pattern";
    }

    private static Optional<Fix.Edit> importEdit(CompilationUnit unit) {
        String line = "import " + PATTERN_TYPE + ";\n";
        if (!unit.getImports().isEmpty()) {
            Optional<Range> last =
                    unit.getImports().get(unit.getImports().size() - 1).getRange();
            return last.map(r -> new Fix.Edit(r.end.line + 1, 1, r.end.line + 1, 0, line));
        }
        Optional<Range> packageLine = unit.getPackageDeclaration().flatMap(Node::getRange);
        if (packageLine.isPresent()) {
            int after = packageLine.get().end.line + 1;
            return Optional.of(new Fix.Edit(after, 1, after, 0, "\n" + line));
        }
        return Optional.of(new Fix.Edit(1, 1, 1, 0, line + "\n"));
    }

    /** {@code PATTERN}, or {@code PATTERN_2}, … when the file already uses the name. */
    private static String freeName(CompilationUnit unit) {
        Set<String> used = new HashSet<>();
        unit.findAll(SimpleName.class).forEach(name -> used.add(name.getIdentifier()));
        String candidate = "PATTERN";
        for (int n = 2; used.contains(candidate); n++) {
            candidate = "PATTERN_" + n;
        }
        return candidate;
    }

    /** The source text of a node as written, comments and layout included. */
    private static String text(Node node) {
        return node.getTokenRange().map(Object::toString).orElseGet(node::toString);
    }
}
