package org.ecobugs.rules.checks.code;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.java.Scopes;

/** The methods called on a builder in the method that creates it, as far as the builder stays there. */
public final class BuilderCalls {

    private BuilderCalls() {}

    /**
     * The methods called on the builder: along its chain, and on the local variable it is stored in. Empty when the
     * builder leaves the method before it is built (an argument, a return value, a field).
     */
    public static Optional<Set<String>> of(ObjectCreationExpr creation) {
        Set<String> calls = new HashSet<>();
        Node end = chainEnd(creation, calls);
        if (calls.contains("build")) {
            return Optional.of(calls);
        }
        Node parent = end.getParentNode().orElse(null);
        VariableDeclarator local = null;
        if (parent instanceof VariableDeclarator variable
                && variable.getInitializer().orElse(null) == end) {
            local = variable;
        } else if (parent instanceof AssignExpr assign
                && assign.getValue() == end
                && assign.getTarget() instanceof NameExpr target) {
            local = Scopes.declarationOf(target)
                    .filter(d -> !d.field())
                    .map(Scopes.Declaration::node)
                    .filter(VariableDeclarator.class::isInstance)
                    .map(VariableDeclarator.class::cast)
                    .orElse(null);
        }
        if (local == null) {
            return Optional.empty();
        }
        Optional<Node> region =
                local.findAncestor(n -> n instanceof CallableDeclaration<?> || n instanceof LambdaExpr, Node.class);
        if (region.isEmpty()) {
            return Optional.empty();
        }
        for (NameExpr use : region.get().findAll(NameExpr.class)) {
            if (!use.getNameAsString().equals(local.getNameAsString())
                    || Scopes.declarationOf(use).map(Scopes.Declaration::node).orElse(null) != local) {
                continue;
            }
            Node useParent = use.getParentNode().orElse(null);
            if (useParent instanceof AssignExpr assign && assign.getTarget() == use) {
                continue;
            }
            if (!(useParent instanceof MethodCallExpr call && call.getScope().orElse(null) == use)) {
                return Optional.empty();
            }
            Node useEnd = chainEnd(use, calls);
            Node after = useEnd.getParentNode().orElse(null);
            boolean dropped = after instanceof ExpressionStmt;
            if (!dropped && !calls.contains("build")) {
                return Optional.empty();
            }
        }
        return Optional.of(calls);
    }

    /** Follows {@code x.a().b()…} up from {@code start}, collecting the method names; returns the last call. */
    private static Node chainEnd(Expression start, Set<String> calls) {
        Expression current = start;
        while (true) {
            Node parent = current.getParentNode().orElse(null);
            if (parent instanceof EnclosedExpr enclosed) {
                current = enclosed;
            } else if (parent instanceof MethodCallExpr call && call.getScope().orElse(null) == current) {
                calls.add(call.getNameAsString());
                current = call;
            } else {
                return current;
            }
        }
    }
}
