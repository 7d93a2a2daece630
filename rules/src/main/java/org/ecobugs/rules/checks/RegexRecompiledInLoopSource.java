package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceDetector;
import org.ecobugs.rules.api.SourceVisits;
import org.ecobugs.rules.checks.fixes.LiteralReplaceFix;
import org.ecobugs.rules.checks.fixes.RegexConstantFix;
import org.ecobugs.rules.java.OneOffCode;
import org.ecobugs.rules.java.Repetition;
import org.ecobugs.rules.java.Scopes;

/**
 * EB304 in source: a call that compiles a regex, in a loop or per-element lambda, with a constant regex or a variable
 * the repeated code does not change; with the fix that hoists it into a constant, or that calls
 * {@code String.replace} instead.
 */
final class RegexRecompiledInLoopSource implements SourceDetector {

    private static final String PATTERN = "java.util.regex.Pattern";
    private static final Set<String> REGEX_METHODS =
            Set.of("compile", "matches", "replaceAll", "replaceFirst", "split");
    private static final String STRING = "java.lang.String";

    /** A call that compiles its regex argument. */
    private record RegexCall(String api, Expression regex, Optional<Expression> replacement) {}

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(Repetition.WORDS);
    }

    @Override
    public void subscribe(SourceVisits visits) {
        visits.enter(MethodCallExpr.class, RegexRecompiledInLoopSource::visit);
    }

    private static void visit(MethodCallExpr call, SourceContext context) {
        RegexCall regexCall = regexCall(call, context);
        if (regexCall == null) {
            return;
        }
        Optional<Node> repeating = Repetition.repeatingContext(call);
        if (repeating.isEmpty() || OneOffCode.runsOnce(call)) {
            return;
        }
        Optional<String> constant = context.constants().string(regexCall.regex());
        if (constant.isPresent()) {
            if (regexCall.api().equals("String.split") && RegexRecompiledInLoopRule.isSplitFastPath(constant.get())) {
                return;
            }
            Optional<String> replacement =
                    regexCall.replacement().flatMap(r -> context.constants().string(r));
            String message = RegexRecompiledInLoopRule.message(regexCall.api(), constant.get(), replacement);
            context.report(
                    call,
                    message,
                    message.equals(RegexRecompiledInLoopRule.LITERAL_REPLACE_ALL)
                            ? LiteralReplaceFix.of(
                                    call,
                                    constant.get(),
                                    RegexRecompiledInLoopRule.literalText(constant.get())
                                            .get())
                            : RegexConstantFix.hoist(call, regexCall.api()));
            return;
        }
        // An unknown split separator may well be a fast-path one; the others always compile.
        if (!regexCall.api().equals("String.split") && isInvariant(regexCall.regex(), repeating.get())) {
            context.report(
                    call,
                    RegexRecompiledInLoopRule.message(regexCall.api()),
                    RegexConstantFix.hoist(call, regexCall.api()));
        }
    }

    private static RegexCall regexCall(MethodCallExpr call, SourceContext context) {
        String name = call.getNameAsString();
        if (!REGEX_METHODS.contains(name)) {
            return null;
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
                return new RegexCall("Pattern.compile", call.getArgument(0), Optional.empty());
            }
            if (name.equals("matches") && arity == 2) {
                return new RegexCall("Pattern.matches", call.getArgument(0), Optional.empty());
            }
            return null;
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
            return null;
        }
        Optional<Expression> replacement =
                arity == 2 && !name.equals("split") ? Optional.of(call.getArgument(1)) : Optional.empty();
        return new RegexCall("String." + name, call.getArgument(0), replacement);
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

    /** A variable declared outside the repeated code and never assigned in it: the same regex every time. */
    private static boolean isInvariant(Expression regex, Node repeating) {
        if (!(regex instanceof NameExpr name)) {
            return false;
        }
        Optional<Scopes.Declaration> declaration = Scopes.declarationOf(name);
        if (declaration.isEmpty()) {
            return false;
        }
        if (declaration.get().field()) {
            return declaration.get().isFinalField();
        }
        return !declaration.get().node().isDescendantOf(repeating)
                && !Scopes.isAssignedIn(repeating, name.getNameAsString());
    }
}
