package org.ecobugs.rules.checks.fixes;

import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ecobugs.rules.Fix;

/**
 * The quick fix of EB304: the regex goes into a {@code private static final Pattern} of the enclosing class and the call
 * uses it. Offered only when the regex (and its flags) can be evaluated in a static initializer: literals, static final
 * fields and names the file does not declare (static imports such as {@code CASE_INSENSITIVE}). Where the constant goes
 * is {@link ClassConstants}'s to say, how the file names {@code Pattern} {@link PatternImports}'s.
 */
public final class RegexConstantFix {

    private static final String DESCRIPTION = "Compile the regular expression once into a static final Pattern";

    private RegexConstantFix() {}

    /**
     * The hoisting fix of a call, {@code api} being one of {@code Pattern.compile}, {@code Pattern.matches}, {@code
     * String.matches}, {@code String.replaceAll}, {@code String.replaceFirst}, {@code String.split}.
     */
    public static Optional<Fix> hoist(MethodCallExpr call, String api) {
        Optional<CompilationUnit> unit = call.findCompilationUnit();
        Optional<ClassOrInterfaceDeclaration> owner = ClassConstants.staticCapableClass(call);
        Optional<Range> callRange = call.getRange();
        if (unit.isEmpty() || owner.isEmpty() || callRange.isEmpty()) {
            return Optional.empty();
        }
        List<Expression> compileArguments =
                api.equals("Pattern.compile") ? call.getArguments() : List.of(call.getArgument(0));
        if (!compileArguments.stream().allMatch(ClassConstants::isStaticallyEvaluable)) {
            return Optional.empty();
        }
        Optional<Integer> bodyStart = ClassConstants.bodyStartLine(owner.get());
        if (bodyStart.isEmpty()) {
            return Optional.empty();
        }

        String type = PatternImports.typeName(unit.get());
        String constant = ClassConstants.freeName(unit.get(), "PATTERN");
        List<String> arguments = new ArrayList<>();
        for (Expression argument : compileArguments) {
            arguments.add(text(argument));
        }
        String use = usage(call, api, constant);
        if (use == null) {
            return Optional.empty();
        }

        List<Fix.Edit> edits = new ArrayList<>();
        if (type.equals("Pattern")) {
            PatternImports.missingImport(unit.get()).ifPresent(edits::add);
        }
        int line = ClassConstants.line(owner.get(), bodyStart.get());
        edits.add(new Fix.Edit(
                line,
                1,
                line,
                0,
                ClassConstants.memberIndent(owner.get()) + "private static final " + type + " " + constant + " = "
                        + type + ".compile(" + String.join(", ", arguments) + ");\n"
                        + (ClassConstants.hasStaticFields(owner.get()) ? "" : "\n")));
        Range whole = callRange.get();
        edits.add(new Fix.Edit(whole.begin.line, whole.begin.column, whole.end.line, whole.end.column, use));
        return Optional.of(new Fix(DESCRIPTION, edits));
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

    /** The source text of a node as written, comments and layout included. */
    private static String text(Node node) {
        return node.getTokenRange().map(Object::toString).orElseGet(node::toString);
    }
}
