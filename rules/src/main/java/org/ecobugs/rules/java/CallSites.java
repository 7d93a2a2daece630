package org.ecobugs.rules.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import java.util.Optional;

/**
 * Where a method is called from, one level deep and within its own class: enough to see that a helper runs once per
 * iteration or per request because its caller does.
 */
public final class CallSites {

    private CallSites() {}

    /**
     * A call of {@code method} from its own class ({@code name(…)} or {@code this.name(…)} with as many arguments) that
     * runs repeatedly: in a loop or a per-element lambda, or in a request handler, message listener or scheduled
     * method.
     */
    public static Optional<MethodCallExpr> repeatedCallSite(MethodDeclaration method, JavaNames names) {
        Optional<TypeDeclaration> type = method.findAncestor(TypeDeclaration.class);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        String name = method.getNameAsString();
        int arity = method.getParameters().size();
        for (MethodCallExpr call : type.get().findAll(MethodCallExpr.class)) {
            if (call.getNameAsString().equals(name)
                    && call.getArguments().size() == arity
                    && call.getScope().map(s -> s instanceof ThisExpr).orElse(true)
                    && sameType(call, type.get())
                    && !isInside(call, method)
                    && (Repetition.isRepeated(call)
                            || Handlers.enclosingHandler(call, names).isPresent())) {
                return Optional.of(call);
            }
        }
        return Optional.empty();
    }

    private static boolean sameType(Node call, TypeDeclaration<?> type) {
        return call.findAncestor(TypeDeclaration.class).map(t -> t == type).orElse(false);
    }

    private static boolean isInside(Node node, Node container) {
        return node.isDescendantOf(container);
    }
}
