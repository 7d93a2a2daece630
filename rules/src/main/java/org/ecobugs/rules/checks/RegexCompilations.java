package org.ecobugs.rules.checks;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.java.Scopes;

/**
 * The calls that compile a regular expression in source, as EB304 tells them: {@code String.matches}, {@code
 * replaceAll}, {@code replaceFirst} and {@code split} on what may be a string, {@code Pattern.compile} and {@code
 * Pattern.matches}. EB304 reports them where they repeat, and the project model records those whose regex is a constant
 * as an effect of the method that makes them.
 */
final class RegexCompilations {

    private static final String PATTERN = "java.util.regex.Pattern";
    private static final Set<String> REGEX_METHODS =
            Set.of("compile", "matches", "replaceAll", "replaceFirst", "split");
    private static final String STRING = "java.lang.String";

    /**
     * A call that compiles its regex argument.
     *
     * @param api {@code String.split}, {@code Pattern.compile}, …
     */
    record RegexCall(MethodCallExpr call, String api, Expression regex, Optional<Expression> replacement) {

        /**
         * The regex when it is a constant that the call compiles into a {@code Pattern}: the same at every call. A
         * {@code split} on a fast-path separator compiles nothing.
         */
        Optional<String> compiledConstant(SourceContext context) {
            return context.constants()
                    .string(regex)
                    .filter(constant ->
                            !(api.equals("String.split") && RegexRecompiledInLoopRule.isSplitFastPath(constant)));
        }
    }

    private RegexCompilations() {}

    /** The call as a regex compilation, if it is one. */
    static Optional<RegexCall> of(MethodCallExpr call, SourceContext context) {
        String name = call.getNameAsString();
        if (!REGEX_METHODS.contains(name)) {
            return Optional.empty();
        }
        int arity = call.getArguments().size();
        boolean onPattern = call.getScope()
                .map(s -> context.names().isTypeName(s, PATTERN))
                .orElseGet(() -> context.names()
                        .staticImportOwner(name)
                        .filter(PATTERN::equals)
                        .isPresent());
        if (onPattern) {
            if (name.equals("compile") && (arity == 1 || arity == 2)) {
                return Optional.of(new RegexCall(call, "Pattern.compile", call.getArgument(0), Optional.empty()));
            }
            if (name.equals("matches") && arity == 2) {
                return Optional.of(new RegexCall(call, "Pattern.matches", call.getArgument(0), Optional.empty()));
            }
            return Optional.empty();
        }
        boolean stringMethod = switch (name) {
            case "matches" -> arity == 1;
            case "replaceAll", "replaceFirst" -> arity == 2;
            case "split" -> arity == 1 || arity == 2;
            default -> false;
        };
        if (!stringMethod
                || call.getScope().isEmpty()
                || !mayBeString(call.getScope().get(), context)) {
            return Optional.empty();
        }
        Optional<Expression> replacement =
                arity == 2 && !name.equals("split") ? Optional.of(call.getArgument(1)) : Optional.empty();
        return Optional.of(new RegexCall(call, "String." + name, call.getArgument(0), replacement));
    }

    /** Whether the receiver may be a string: a literal, or an expression whose declared type is unknown or String. */
    private static boolean mayBeString(Expression scope, SourceContext context) {
        if (scope instanceof StringLiteralExpr) {
            return true;
        }
        Optional<Scopes.Declaration> declaration = Optional.empty();
        if (scope instanceof NameExpr name) {
            if (Character.isUpperCase(name.getNameAsString().charAt(0))
                    && Scopes.declarationOf(name).isEmpty()) {
                // A type name: a static method of some utility class, not String's.
                return false;
            }
            declaration = Scopes.declarationOf(name);
        } else if (scope instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
            declaration = Scopes.declarationOf(access, access.getNameAsString());
        } else if (scope instanceof FieldAccessExpr access && context.names().isTypeName(access, STRING)) {
            return false;
        }
        if (declaration.isEmpty()) {
            return true;
        }
        com.github.javaparser.ast.type.Type type = declaration.get().type();
        if (type.isVarType() || type.isUnknownType()) {
            // var, or an untyped lambda parameter: only the classpath could tell.
            return true;
        }
        return type.isClassOrInterfaceType()
                && context.names().mayBe(type.asClassOrInterfaceType().getNameWithScope(), STRING);
    }
}
