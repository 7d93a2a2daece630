package org.ecobugs.rules.checks.fields;

import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.java.Scopes;

/**
 * What the class that declares a collection field does with it (EB308): where it reads the field, the calls it makes
 * on it, and whether it ever reads or searches it, or only ever uses it inside blocks synchronized on it.
 */
public final class CollectionFieldUses {

    /** Calls that change a collection without reading it, when their result is dropped. */
    private static final Set<String> MUTATORS = Set.of(
            "put",
            "putAll",
            "putIfAbsent",
            "add",
            "addAll",
            "addElement",
            "remove",
            "removeAll",
            "removeElement",
            "retainAll",
            "clear",
            "push",
            "set");
    /** Calls that search a collection by key or element. */
    private static final Set<String> LOOKUPS = Set.of(
            "get",
            "getOrDefault",
            "containsKey",
            "containsValue",
            "contains",
            "containsAll",
            "computeIfAbsent",
            "computeIfPresent",
            "compute",
            "merge",
            "indexOf",
            "search");

    private CollectionFieldUses() {}

    public static boolean isPrivate(Scopes.Declaration field) {
        return field.node()
                .findAncestor(FieldDeclaration.class)
                .map(FieldDeclaration::isPrivate)
                .orElse(false);
    }

    static boolean isStatic(Scopes.Declaration field) {
        return field.node()
                .findAncestor(FieldDeclaration.class)
                .map(FieldDeclaration::isStatic)
                .orElse(false);
    }

    public static boolean isFieldRead(Expression expression, String name) {
        return (expression instanceof NameExpr n && n.getNameAsString().equals(name))
                || (expression instanceof FieldAccessExpr access
                        && access.getScope() instanceof ThisExpr
                        && access.getNameAsString().equals(name));
    }

    /**
     * The expressions of the declaring class that read the field ({@code name}, {@code this.name},
     * {@code Owner.name}), assignments to it left out.
     */
    public static List<Expression> uses(Scopes.Declaration field, TypeDeclaration<?> owner) {
        List<Expression> uses = new ArrayList<>();
        for (NameExpr name :
                owner.findAll(NameExpr.class, n -> n.getNameAsString().equals(field.name()))) {
            if (Scopes.declarationOf(name).filter(d -> d.node() == field.node()).isPresent()) {
                uses.add(name);
            }
        }
        for (FieldAccessExpr access :
                owner.findAll(FieldAccessExpr.class, a -> a.getNameAsString().equals(field.name()))) {
            if (access.getScope() instanceof ThisExpr
                    || (access.getScope() instanceof NameExpr scope
                            && scope.getNameAsString().equals(owner.getNameAsString()))) {
                uses.add(access);
            }
        }
        uses.removeIf(
                use -> use.getParentNode().orElse(null) instanceof AssignExpr assign && assign.getTarget() == use);
        return uses;
    }

    /** The call made on the collection a use reads ({@code use.put(…)}), if that is what the use is. */
    static Optional<MethodCallExpr> callOn(Expression use) {
        return use.getParentNode().orElse(null) instanceof MethodCallExpr call
                        && call.getScope().orElse(null) == use
                ? Optional.of(call)
                : Optional.empty();
    }

    private static boolean resultDropped(MethodCallExpr call) {
        return call.getParentNode().orElse(null) instanceof ExpressionStmt;
    }

    private static boolean isLockOf(Expression use) {
        return use.getParentNode().orElse(null) instanceof SynchronizedStmt block && block.getExpression() == use;
    }

    /** Whether the class only ever writes into the collection: filled, and never read. */
    public static boolean neverRead(List<Expression> uses) {
        return uses.stream()
                .allMatch(use -> isLockOf(use)
                        || callOn(use)
                                .filter(call -> MUTATORS.contains(call.getNameAsString()) && resultDropped(call))
                                .isPresent());
    }

    /**
     * Whether a set is a registry of members that come and go, never searched: added to and removed from (results
     * dropped), counted, copied or iterated. Such a set of running tasks or deploying channels is touched once when
     * each member comes and once when it goes. A set that is only filled is a lookup table, even when it is searched by
     * scanning it.
     */
    public static boolean neverSearched(List<Expression> uses) {
        boolean removes = uses.stream()
                .map(CollectionFieldUses::callOn)
                .flatMap(Optional::stream)
                .anyMatch(call -> call.getNameAsString().startsWith("remove")
                        || call.getNameAsString().equals("clear"));
        if (!removes) {
            return false;
        }
        for (Expression use : uses) {
            Optional<MethodCallExpr> call = callOn(use);
            if (call.isPresent()) {
                String name = call.get().getNameAsString();
                if (LOOKUPS.contains(name)
                        || (MUTATORS.contains(name) && !resultDropped(call.get()))
                        || (FieldEscapes.VIEWS.contains(name) && FieldEscapes.viewHandedOut(call.get()))) {
                    return false;
                }
            } else if (!isLockOf(use) && FieldEscapes.handedOut(use, true)) {
                return false;
            }
        }
        return true;
    }

    /** Whether every use of the collection is inside a {@code synchronized} block on the collection itself. */
    public static boolean allLocked(List<Expression> uses) {
        List<Expression> locks = uses.stream().filter(use -> isLockOf(use)).toList();
        List<Expression> others = uses.stream().filter(use -> !isLockOf(use)).toList();
        if (locks.isEmpty() || others.isEmpty()) {
            return false;
        }
        return others.stream()
                .allMatch(use -> use.findAncestor(
                                SynchronizedStmt.class,
                                block -> locks.stream().anyMatch(lock -> block.getExpression() == lock))
                        .isPresent());
    }
}
