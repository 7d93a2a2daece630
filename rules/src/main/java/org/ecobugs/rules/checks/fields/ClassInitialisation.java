package org.ecobugs.rules.checks.fields;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.java.Scopes;

/**
 * The code that runs only while a class initialises (its static initializers and field initializers, and the private
 * static methods only they call), and the static tables that only this code fills (EB308).
 */
public final class ClassInitialisation {

    /** Calls that read a table without changing it or handing out a part of it. */
    private static final Set<String> READ_ONLY =
            Set.of("get", "getOrDefault", "containsKey", "containsValue", "contains", "size", "isEmpty");

    private ClassInitialisation() {}

    /**
     * Whether a private static table is a constant: every write happens while the class initialises (a static
     * initializer, the field's initializer, or private static methods only they call), and the rest of the class
     * only looks values up or iterates. A table that nothing writes after initialisation is never contended by a
     * writer, and a plain map would be safe to read.
     */
    public static boolean onlyFilledByInitialiser(Scopes.Declaration field, TypeDeclaration<?> owner) {
        if (!CollectionFieldUses.isStatic(field)) {
            return false;
        }
        Set<String> initialisers = initialiserMethods(owner);
        for (AssignExpr assign : owner.findAll(AssignExpr.class)) {
            if (CollectionFieldUses.isFieldRead(assign.getTarget(), field.name())
                    && Scopes.declarationOf(assign, field.name())
                            .filter(d -> d.node() == field.node())
                            .isPresent()
                    && !inInitialisation(assign, initialisers)) {
                return false;
            }
        }
        for (Expression use : CollectionFieldUses.uses(field, owner)) {
            if (inInitialisation(use, initialisers)) {
                continue;
            }
            Optional<MethodCallExpr> call = CollectionFieldUses.callOn(use);
            boolean reads = call.map(c -> READ_ONLY.contains(c.getNameAsString()))
                    .orElse(use.getParentNode().orElse(null) instanceof ForEachStmt);
            if (!reads) {
                return false;
            }
        }
        return true;
    }

    /** The private static methods of the class that only its initialisation calls, directly or through each other. */
    private static Set<String> initialiserMethods(TypeDeclaration<?> owner) {
        Set<String> found = new HashSet<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (MethodDeclaration method : owner.getMethods()) {
                String name = method.getNameAsString();
                if (found.contains(name)
                        || owner.getMethodsByName(name).stream().anyMatch(m -> !m.isPrivate() || !m.isStatic())) {
                    continue;
                }
                List<MethodCallExpr> calls = owner.findAll(
                        MethodCallExpr.class,
                        c -> c.getNameAsString().equals(name)
                                && c.getScope()
                                        .map(s -> s instanceof NameExpr scope
                                                && scope.getNameAsString().equals(owner.getNameAsString()))
                                        .orElse(true));
                if (!calls.isEmpty() && calls.stream().allMatch(c -> inInitialisation(c, found))) {
                    found.add(name);
                    changed = true;
                }
            }
        }
        return found;
    }

    /** Whether code runs only while the class initialises: a static initializer, or one of {@code initialisers}. */
    private static boolean inInitialisation(Node node, Set<String> initialisers) {
        Node current = node.getParentNode().orElse(null);
        while (current != null) {
            if (current instanceof LambdaExpr
                    || (current instanceof ObjectCreationExpr creation
                            && creation.getAnonymousClassBody().isPresent())) {
                return false;
            }
            if (current instanceof InitializerDeclaration initializer) {
                return initializer.isStatic();
            }
            if (current instanceof FieldDeclaration declaration) {
                return declaration.isStatic();
            }
            if (current instanceof MethodDeclaration method) {
                return initialisers.contains(method.getNameAsString());
            }
            if (current instanceof CallableDeclaration<?> || current instanceof TypeDeclaration<?>) {
                return false;
            }
            current = current.getParentNode().orElse(null);
        }
        return false;
    }
}
