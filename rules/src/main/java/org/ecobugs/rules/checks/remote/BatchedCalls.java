package org.ecobugs.rules.checks.remote;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.type.Type;
import java.util.HashSet;
import java.util.Set;
import org.ecobugs.rules.java.Scopes;

/**
 * Remote calls in a loop that batching would not reduce: the loop's elements are batches already, the call is given a
 * collection (the batched form), or each element is a statement of its own to run (a script).
 */
final class BatchedCalls {

    private static final Set<String> COLLECTIONS = Set.of(
            "Collection",
            "List",
            "Set",
            "Iterable",
            "ArrayList",
            "LinkedList",
            "HashSet",
            "LinkedHashSet",
            "TreeSet",
            "SortedSet",
            "Queue",
            "Deque");

    /** Methods whose first argument is the text of the statement to run. */
    private static final Set<String> STATEMENT_TAKERS = Set.of(
            "createQuery",
            "createNativeQuery",
            "createSQLQuery",
            "prepareStatement",
            "executeQuery",
            "executeUpdate",
            "execute",
            "update",
            "query",
            "queryForList",
            "queryForObject",
            "queryForMap",
            "batchUpdate");

    private BatchedCalls() {}

    /** A loop over chunks ({@code for (List<Long> chunk : partitions)}): each round already handles many elements. */
    static boolean overBatches(Node repetition) {
        if (repetition instanceof ForEachStmt forEach) {
            return forEach.getVariable().getVariables().stream().anyMatch(v -> isCollectionType(v.getType()));
        }
        return false;
    }

    /** A call given a collection ({@code findAllById(chunk)}, {@code findByCodeIn(codes)}): the batched form. */
    static boolean passesACollection(MethodCallExpr call) {
        for (Expression argument : call.getArguments()) {
            if (argument instanceof NameExpr name
                    && Scopes.declarationOf(name)
                            .map(d -> isCollectionType(d.type()))
                            .orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the statement run is the element itself ({@code for (String sql : statements) em.createNativeQuery(sql)
     * .executeUpdate()}, {@code for (PreparedStatement s : statements) s.executeUpdate()}): a script of different
     * statements, not one statement per element.
     */
    static boolean runsTheElement(MethodCallExpr remote, Node repetition) {
        if (!(repetition instanceof ForEachStmt forEach)) {
            return false;
        }
        Set<String> elements = new HashSet<>();
        forEach.getVariable().getVariables().forEach(v -> elements.add(v.getNameAsString()));
        if (remote.getScope().map(scope -> isElement(scope, elements)).orElse(false)) {
            // for (PreparedStatement statement : statements) statement.executeUpdate(): each element is a statement.
            return true;
        }
        Expression current = remote;
        while (current instanceof MethodCallExpr method) {
            if (!method.getArguments().isEmpty()
                    && method.getArgument(0) instanceof NameExpr first
                    && elements.contains(first.getNameAsString())
                    && STATEMENT_TAKERS.contains(method.getNameAsString())) {
                return true;
            }
            current = method.getScope().orElse(null);
        }
        return false;
    }

    private static boolean isCollectionType(Type type) {
        if (type.isArrayType()) {
            return !type.asArrayType().getComponentType().isPrimitiveType()
                    || type.asArrayType().getArrayLevel() > 1;
        }
        return type.isClassOrInterfaceType()
                && COLLECTIONS.contains(type.asClassOrInterfaceType().getNameAsString());
    }

    /** The element itself, maybe cast or in parentheses: {@code ((PreparedStatement) statement)}. */
    private static boolean isElement(Expression expression, Set<String> elements) {
        Expression current = expression;
        while (current instanceof EnclosedExpr || current instanceof CastExpr) {
            current = current instanceof EnclosedExpr enclosed
                    ? enclosed.getInner()
                    : ((CastExpr) current).getExpression();
        }
        return current instanceof NameExpr name && elements.contains(name.getNameAsString());
    }
}
