package org.ecobugs.rules.checks.remote;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the value of a query or a FHIR search is used in the method that gets it: the chains of calls made on it
 * ({@code result.getEntry().size()}), directly or through the local variable it is stored in. Null checks are not
 * uses; a use that is not a call on the value (an argument, a return, a field) is kept as a use without calls, so
 * that callers can tell the value escapes.
 */
public final class ResultUses {

    /**
     * One use of the value.
     *
     * @param calls the calls made one after the other on the value, first one first; empty when the value is used
     *     otherwise (passed, returned, stored)
     * @param end the node the last value flows into: the parent of the last call, or of the value itself
     */
    public record Use(List<MethodCallExpr> calls, Node end) {

        public List<String> names() {
            return calls.stream().map(MethodCallExpr::getNameAsString).toList();
        }

        public boolean escapes() {
            return calls.isEmpty();
        }

        /** Whether the calls start with these names. */
        public boolean startsWith(String... names) {
            List<String> mine = names();
            if (mine.size() < names.length) {
                return false;
            }
            for (int i = 0; i < names.length; i++) {
                if (!mine.get(i).equals(names[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    private ResultUses() {}

    /**
     * The uses of the value {@code producer} computes; empty when they cannot be followed (the variable is assigned
     * elsewhere too, or is a field).
     */
    public static Optional<List<Use>> of(Expression producer) {
        Node holder = producer;
        while (holder.getParentNode().orElse(null) instanceof EnclosedExpr
                || holder.getParentNode().orElse(null) instanceof CastExpr) {
            holder = holder.getParentNode().get();
        }
        Node parent = holder.getParentNode().orElse(null);
        if (parent instanceof MethodCallExpr call && call.getScope().orElse(null) == holder) {
            return Optional.of(List.of(chainFrom(call)));
        }
        String variable;
        if (parent instanceof VariableDeclarator declarator
                && declarator.getInitializer().orElse(null) == holder) {
            variable = declarator.getNameAsString();
        } else if (parent instanceof AssignExpr assign
                && assign.getValue() == holder
                && assign.getTarget() instanceof NameExpr target
                && assign.getOperator() == AssignExpr.Operator.ASSIGN) {
            variable = target.getNameAsString();
        } else {
            return Optional.of(List.of(new Use(List.of(), parent)));
        }
        Optional<Node> method =
                producer.findAncestor(n -> n instanceof CallableDeclaration<?> || n instanceof LambdaExpr, Node.class);
        if (method.isEmpty()) {
            return Optional.empty();
        }
        if (assignedElsewhere(method.get(), variable, holder)) {
            return Optional.empty();
        }
        return Optional.of(usesIn(method.get(), variable));
    }

    /**
     * The uses of a variable declared outside {@code region} and never assigned in it (a loop variable in the loop's
     * body, a lambda parameter in the lambda's body); empty when it is assigned there.
     */
    public static Optional<List<Use>> ofVariable(String variable, Node region) {
        if (org.ecobugs.rules.java.Scopes.isAssignedIn(region, variable)) {
            return Optional.empty();
        }
        for (VariableDeclarator declarator : region.findAll(VariableDeclarator.class)) {
            if (declarator.getNameAsString().equals(variable)) {
                // Shadowed in a nested lambda or class: too subtle to follow.
                return Optional.empty();
            }
        }
        return Optional.of(usesIn(region, variable));
    }

    /**
     * Whether every use only counts the rows or tests that there are some ({@code size()}, {@code isEmpty()}, {@code
     * stream().count()}).
     */
    public static boolean onlyCount(List<Use> uses) {
        return !uses.isEmpty()
                && uses.stream()
                        .allMatch(use -> use.startsWith("isEmpty")
                                || use.startsWith("size")
                                || use.startsWith("stream", "count"));
    }

    private static List<Use> usesIn(Node region, String variable) {
        List<Use> uses = new ArrayList<>();
        for (NameExpr name : region.findAll(NameExpr.class)) {
            if (!name.getNameAsString().equals(variable) || isAssignmentTarget(name)) {
                continue;
            }
            if (isNullCheck(name)) {
                continue;
            }
            Node use = name;
            while (use.getParentNode().orElse(null) instanceof EnclosedExpr) {
                use = use.getParentNode().get();
            }
            if (use.getParentNode().orElse(null) instanceof MethodCallExpr call
                    && call.getScope().orElse(null) == use) {
                uses.add(chainFrom(call));
            } else {
                uses.add(new Use(List.of(), use.getParentNode().orElse(use)));
            }
        }
        return uses;
    }

    /** The calls made one on the result of the other from {@code first} on. */
    private static Use chainFrom(MethodCallExpr first) {
        List<MethodCallExpr> calls = new ArrayList<>();
        Node current = first;
        calls.add(first);
        while (current.getParentNode().orElse(null) instanceof MethodCallExpr next
                && next.getScope().orElse(null) == current) {
            calls.add(next);
            current = next;
        }
        return new Use(List.copyOf(calls), current.getParentNode().orElse(current));
    }

    private static boolean assignedElsewhere(Node method, String variable, Node holder) {
        int declarations = 0;
        for (VariableDeclarator declarator : method.findAll(VariableDeclarator.class)) {
            if (declarator.getNameAsString().equals(variable)) {
                declarations++;
            }
        }
        for (AssignExpr assign : method.findAll(AssignExpr.class)) {
            if (assign.getTarget() instanceof NameExpr target
                    && target.getNameAsString().equals(variable)
                    && assign.getValue() != holder) {
                return true;
            }
        }
        return declarations > 1;
    }

    private static boolean isAssignmentTarget(NameExpr name) {
        return name.getParentNode().orElse(null) instanceof AssignExpr assign && assign.getTarget() == name;
    }

    private static boolean isNullCheck(NameExpr name) {
        return name.getParentNode().orElse(null) instanceof BinaryExpr binary
                && (binary.getOperator() == BinaryExpr.Operator.EQUALS
                        || binary.getOperator() == BinaryExpr.Operator.NOT_EQUALS)
                && (binary.getLeft() instanceof NullLiteralExpr || binary.getRight() instanceof NullLiteralExpr);
    }
}
