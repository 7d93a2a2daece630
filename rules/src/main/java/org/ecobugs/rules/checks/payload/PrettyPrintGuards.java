package org.ecobugs.rules.checks.payload;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.IfStmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.java.ValueOrigin;

/**
 * Where indentation found in source is meant (EB201), or never happens: the code writes files (see {@link FileWrites}),
 * lays text out for people, re-indents text already serialized, lets a run-time condition decide, only parses, or keeps
 * a compact twin (see {@link ConfiguredObjects}); or a condition known to be false (a configuration key set to {@code
 * false}) keeps the setting from running.
 */
public final class PrettyPrintGuards {

    /**
     * Method names that say the method lays text out for people ({@code prettyPrint}, {@code toPrettyJson}, {@code
     * beautify}, {@code indentXml}); not names that merely mention indentation ({@code indented()}, {@code pretty()}).
     */
    private static final Pattern FORMATTER_NAME = Pattern.compile(
            "pretty_?print|prettif|beautif|pretty_?(string|json|xml)|^(re)?indent(json|xml|text|string)?$|^reformat",
            Pattern.CASE_INSENSITIVE);

    private PrettyPrintGuards() {}

    /** Whether the indentation a call sets is meant, where the code around it shows that it is. */
    public static boolean isMeant(MethodCallExpr call, SourceContext context) {
        return FileWrites.around(call, context)
                || isInAFormatter(call)
                || ConfiguredObjects.reindentsText(call)
                || dependsOnACondition(call, context)
                || neverRuns(call, context)
                || ConfiguredObjects.isUsedOnlyToRead(call)
                || ConfiguredObjects.offersACompactVariant(call);
    }

    /** Whether a method's name says it formats for people: indenting is its job (see {@link #isInAFormatter}). */
    public static boolean isFormatterName(String method) {
        return FORMATTER_NAME.matcher(method).find();
    }

    /**
     * Whether the setting sits in a method whose name says it formats for people ({@code prettyPrint}, {@code
     * toPrettyString}, {@code beautify}, {@code indentXml}): indenting is its job, and whether its output reaches a
     * payload is decided by its callers.
     */
    private static boolean isInAFormatter(MethodCallExpr call) {
        return call.findAncestor(CallableDeclaration.class)
                .filter(method -> isFormatterName(method.getNameAsString()))
                .isPresent();
    }

    /**
     * Whether a condition whose value is known keeps the setting from running: {@code if (props.isPrettyPrint())} when
     * the configuration sets {@code fhir.pretty-print=false}.
     */
    private static boolean neverRuns(MethodCallExpr call, SourceContext context) {
        for (Guard guard : guards(call)) {
            Optional<Boolean> value = context.constants().bool(guard.condition());
            if (value.isPresent() && value.get() != guard.whenTrue()) {
                return true;
            }
        }
        return false;
    }

    /**
     * What outside the file decided the conditions the setting runs under ({@code if (props.isPrettyPrint())}, with
     * {@code fhir.pretty-print} set to {@code true}, or true by default).
     */
    public static List<ValueOrigin> conditionOrigins(MethodCallExpr call, SourceContext context) {
        List<ValueOrigin> origins = new ArrayList<>();
        for (Guard guard : guards(call)) {
            origins.addAll(context.constants().origins(guard.condition()));
        }
        return origins;
    }

    /** A condition a setting runs under: its branch runs when the condition is {@code whenTrue}. */
    private record Guard(Expression condition, boolean whenTrue) {}

    /** The conditions of the branches that hold the call, inside its method or lambda. */
    private static List<Guard> guards(MethodCallExpr call) {
        List<Guard> guards = new ArrayList<>();
        Node child = call;
        for (Node parent = call.getParentNode().orElse(null);
                parent != null && !(parent instanceof CallableDeclaration<?>) && !(parent instanceof LambdaExpr);
                parent = parent.getParentNode().orElse(null)) {
            if (parent instanceof IfStmt ifStmt && child != ifStmt.getCondition()) {
                guards.add(new Guard(ifStmt.getCondition(), child == ifStmt.getThenStmt()));
            }
            if (parent instanceof ConditionalExpr ternary && child != ternary.getCondition()) {
                guards.add(new Guard(ternary.getCondition(), child == ternary.getThenExpr()));
            }
            child = parent;
        }
        return guards;
    }

    /**
     * Whether the setting applies only under a run-time condition ({@code if (pretty)}, a {@code _pretty} request
     * parameter): the choice of indentation is then left to the caller.
     */
    private static boolean dependsOnACondition(MethodCallExpr call, SourceContext context) {
        return guards(call).stream()
                .anyMatch(guard -> context.constants().bool(guard.condition()).isEmpty());
    }
}
