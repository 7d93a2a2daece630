package org.ecobugs.rules.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.Optional;
import java.util.Set;

/**
 * Tells whether code runs once per element or iteration: inside the repeated part of a loop (its body, condition or
 * update, not the collection an enhanced {@code for} iterates over), or in a lambda handed to a stream or collection
 * operation that calls it per element ({@code forEach}, {@code map}, {@code filter}, …). The search stops at the
 * enclosing method, class, or a lambda that is not called per element.
 */
public final class Repetition {

    /** Stream, collection and optional operations whose function argument runs once per element. */
    private static final Set<String> PER_ELEMENT = Set.of(
            "forEach",
            "forEachOrdered",
            "map",
            "mapToInt",
            "mapToLong",
            "mapToDouble",
            "mapToObj",
            "flatMap",
            "mapMulti",
            "filter",
            "peek",
            "anyMatch",
            "allMatch",
            "noneMatch",
            "takeWhile",
            "dropWhile",
            "reduce",
            "removeIf",
            "replaceAll",
            "iterate",
            "generate",
            "forEachRemaining");

    /**
     * The words of which code that runs repeatedly holds at least one: a loop keyword or a per-element operation, for
     * the text prescreen of the rules that look at repeated code only.
     */
    public static final Set<String> WORDS = WordSets.union(Loops.KEYWORDS, PER_ELEMENT);

    private Repetition() {}

    /** The loop statement or per-element call that makes {@code node} run repeatedly, if any. */
    public static Optional<Node> repeatingContext(Node node) {
        Node child = node;
        Optional<Node> parent = node.getParentNode();
        while (parent.isPresent()) {
            Node current = parent.get();
            if (current instanceof CallableDeclaration<?> || current instanceof TypeDeclaration<?>) {
                return Optional.empty();
            }
            if (current instanceof ObjectCreationExpr creation
                    && creation.getAnonymousClassBody().isPresent()
                    && child != creation.getScope().orElse(null)
                    && !creation.getArguments().contains(child)) {
                return Optional.empty();
            }
            if (isRepeatedPartOfLoop(current, child)) {
                return Optional.of(current);
            }
            if (current instanceof LambdaExpr lambda) {
                Optional<MethodCallExpr> call = perElementCall(lambda);
                if (call.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(call.get());
            }
            child = current;
            parent = current.getParentNode();
        }
        return Optional.empty();
    }

    public static boolean isRepeated(Node node) {
        return repeatingContext(node).isPresent();
    }

    /** Whether a stream, collection or optional operation of this name calls its function once per element. */
    public static boolean isPerElementOperation(String methodName) {
        return PER_ELEMENT.contains(methodName);
    }

    /** Whether a method reference or lambda is the argument of a per-element operation. */
    public static boolean isPerElementFunction(Node function) {
        if (function instanceof LambdaExpr || function instanceof MethodReferenceExpr) {
            return function.getParentNode()
                    .filter(MethodCallExpr.class::isInstance)
                    .map(MethodCallExpr.class::cast)
                    .filter(call -> PER_ELEMENT.contains(call.getNameAsString()))
                    .filter(call -> call.getArguments().contains(function))
                    .isPresent();
        }
        return false;
    }

    private static Optional<MethodCallExpr> perElementCall(LambdaExpr lambda) {
        if (!isPerElementFunction(lambda)) {
            return Optional.empty();
        }
        return lambda.getParentNode().map(MethodCallExpr.class::cast);
    }

    private static boolean isRepeatedPartOfLoop(Node loop, Node child) {
        if (loop instanceof ForEachStmt forEach) {
            return child == forEach.getBody();
        }
        if (loop instanceof ForStmt forStmt) {
            return !forStmt.getInitialization().contains(child);
        }
        return loop instanceof WhileStmt || loop instanceof DoStmt;
    }
}
