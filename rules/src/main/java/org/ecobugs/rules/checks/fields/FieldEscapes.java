package org.ecobugs.rules.checks.fields;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import java.util.Set;
import org.ecobugs.rules.java.Scopes;

/**
 * Whether the object of a collection field, or a live view of it, leaves the code of the class that declares the field
 * (EB308): returned, passed on, or kept elsewhere.
 */
public final class FieldEscapes {

    /** Calls that return a live view of the collection, through which a caller reads or changes it. */
    static final Set<String> VIEWS = Set.of(
            "keySet",
            "values",
            "entrySet",
            "keys",
            "elements",
            "iterator",
            "listIterator",
            "subList",
            "stream",
            "spliterator");
    /** Collections whose constructor copies the collection it is given. */
    private static final Set<String> COPIES = Set.of(
            "ArrayList", "LinkedList", "HashSet", "LinkedHashSet", "TreeSet", "ArrayDeque", "HashMap", "LinkedHashMap");

    private FieldEscapes() {}

    /**
     * Whether the class passes the field's object (or a live view of it: keySet(), keys(), iterator()…) to a method,
     * returns it, or stores it elsewhere.
     */
    public static boolean escapes(Scopes.Declaration field) {
        TypeDeclaration<?> owner =
                field.node().findAncestor(TypeDeclaration.class).orElse(null);
        if (owner == null) {
            return true;
        }
        for (Expression use : owner.findAll(Expression.class, e -> CollectionFieldUses.isFieldRead(e, field.name()))) {
            if (handedOut(use, false) || viewHandedOut(viewOf(use))) {
                return true;
            }
        }
        return false;
    }

    /** The call that makes a live view of the collection {@code use} reads, or null. */
    private static Expression viewOf(Expression use) {
        return use.getParentNode().orElse(null) instanceof MethodCallExpr call
                        && call.getScope().orElse(null) == use
                        && VIEWS.contains(call.getNameAsString())
                ? call
                : null;
    }

    /**
     * Whether a live view leaves the class's code: returned, passed on, or kept in a field. A view read through a local
     * variable ({@code Enumeration keys = table.keys()}) stays in the method.
     */
    static boolean viewHandedOut(Expression view) {
        if (view == null) {
            return false;
        }
        Node parent = view.getParentNode().orElse(null);
        if (parent instanceof VariableDeclarator variable) {
            return variable.getParentNode().orElse(null) instanceof FieldDeclaration;
        }
        if (parent instanceof AssignExpr assign && assign.getValue() == view) {
            return Scopes.variableName(assign.getTarget())
                    .flatMap(name -> Scopes.declarationOf(assign, name))
                    .map(Scopes.Declaration::field)
                    .orElse(true);
        }
        return handedOut(view, false);
    }

    /**
     * Whether a value leaves the code that reads it: returned, passed to a method or constructor (unless
     * {@code copiesAllowed} and the callee only copies it), stored in a variable, or made the body of a lambda.
     */
    static boolean handedOut(Expression value, boolean copiesAllowed) {
        if (value == null) {
            return false;
        }
        Node parent = value.getParentNode().orElse(null);
        if (parent instanceof EnclosedExpr || parent instanceof CastExpr || parent instanceof ConditionalExpr) {
            return handedOut((Expression) parent, copiesAllowed);
        }
        if (parent instanceof MethodCallExpr call && call.getArguments().contains(value)) {
            return !(copiesAllowed
                    && (call.getNameAsString().equals("addAll")
                            || call.getNameAsString().equals("removeAll")));
        }
        if (parent instanceof ObjectCreationExpr creation
                && creation.getArguments().contains(value)) {
            return !(copiesAllowed
                    && creation.getArguments().size() == 1
                    && COPIES.contains(creation.getType().getNameAsString()));
        }
        return parent instanceof ReturnStmt
                || (parent instanceof VariableDeclarator variable
                        && variable.getInitializer().orElse(null) == value)
                || (parent instanceof AssignExpr assign && assign.getValue() == value)
                || parent instanceof LambdaExpr;
    }
}
