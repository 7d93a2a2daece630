package org.ecobugs.rules.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import java.util.Set;

/**
 * Recognises conditions that only <em>look</em> at state another thread may change: field and flag reads, accessors
 * ({@code isDone()}, {@code get()}, {@code isEmpty()}), non-blocking attempts ({@code tryLock()}, {@code poll()},
 * {@code compareAndSet}) and clock reads. Waiting on such a condition by re-checking it is polling.
 */
public final class StateProbes {

    /** Calls that read or attempt without blocking; any {@code is*}, {@code has*}, {@code get*} accessor too. */
    private static final Set<String> PROBES = Set.of(
            "size",
            "peek",
            "poll",
            "contains",
            "containsKey",
            "tryLock",
            "tryAcquire",
            "offer",
            "compareAndSet",
            "weakCompareAndSet",
            "weakCompareAndSetVolatile",
            "weakCompareAndSetPlain",
            "availablePermits",
            "currentThread",
            "currentTimeMillis",
            "nanoTime",
            "equals");

    /** Accessors that advance an iterator or a stream rather than look at state. */
    private static final Set<String> PROGRESS = Set.of("hasNext", "hasMoreElements", "hasMoreTokens", "hasRemaining");

    private StateProbes() {}

    /**
     * Whether every condition only reads, and one of them reads state another thread may change: the exit tests of a
     * loop that waits, like {@code r = queue.poll();} followed by {@code if (r != null) break;}.
     */
    public static boolean areProbes(java.util.List<Expression> conditions) {
        boolean shared = false;
        for (Expression condition : conditions) {
            Reading reading = read(condition);
            if (!reading.pure()) {
                return false;
            }
            shared |= reading.readsShared();
        }
        return shared;
    }

    /** What evaluating an expression does: whether it only reads, and whether it reads shared state. */
    private record Reading(boolean pure, boolean readsShared) {}

    private static Reading read(Expression condition) {
        boolean[] readsShared = {false};
        boolean[] pure = {true};
        condition.walk(node -> {
            if (!pure[0]) {
                return;
            }
            if (node instanceof LambdaExpr
                    || node instanceof MethodReferenceExpr
                    || node instanceof ObjectCreationExpr) {
                pure[0] = false;
            } else if (node instanceof UnaryExpr unary && Scopes.isIncrementOrDecrement(unary)) {
                pure[0] = false;
            } else if (node instanceof AssignExpr assign) {
                // (r = queue.poll()) == null keeps the probe's result; any other assignment is work.
                pure[0] = assign.getOperator() == AssignExpr.Operator.ASSIGN
                        && assign.getValue() instanceof MethodCallExpr;
            } else if (node instanceof MethodCallExpr call) {
                if (!isProbeCall(call)) {
                    pure[0] = false;
                } else if (isDrain(call)) {
                    pure[0] = false;
                } else if (!call.getNameAsString().equals("currentThread")) {
                    // The clock counts as shared state: spinning until a deadline is a busy wait too.
                    readsShared[0] = true;
                }
            } else if (node instanceof FieldAccessExpr) {
                readsShared[0] = true;
            } else if (node instanceof NameExpr name && !isAssignTarget(name) && isMutableField(name)) {
                readsShared[0] = true;
            }
        });
        return new Reading(pure[0], readsShared[0]);
    }

    private static boolean isProbeCall(MethodCallExpr call) {
        return isProbeMethod(call.getNameAsString(), call.getArguments().size());
    }

    /** Whether a method of this name and arity reads state or attempts without blocking. */
    public static boolean isProbeMethod(String name, int arity) {
        if (PROGRESS.contains(name)) {
            return false;
        }
        if (PROBES.contains(name)) {
            return true;
        }
        if (name.equals("get")) {
            return arity <= 1;
        }
        return arity == 0 && (accessor(name, "is") || accessor(name, "has") || accessor(name, "get"));
    }

    private static boolean accessor(String name, String prefix) {
        return name.startsWith(prefix)
                && name.length() > prefix.length()
                && Character.isUpperCase(name.charAt(prefix.length()));
    }

    /** {@code queue.poll() != null} empties a queue; it is not waiting for one to fill. */
    private static boolean isDrain(MethodCallExpr call) {
        if (!call.getNameAsString().equals("poll") || !call.getArguments().isEmpty()) {
            return false;
        }
        Node parent = call.getParentNode().orElse(null);
        return parent instanceof BinaryExpr binary
                && binary.getOperator() == BinaryExpr.Operator.NOT_EQUALS
                && (binary.getLeft().isNullLiteralExpr() || binary.getRight().isNullLiteralExpr());
    }

    /**
     * A field another thread may write: declared here and not final, or not declared in the file (inherited) and
     * neither a type name ({@code System} in {@code System.nanoTime()}) nor a constant ({@code MAX_WAIT}).
     */
    private static boolean isMutableField(NameExpr name) {
        java.util.Optional<Scopes.Declaration> declaration = Scopes.declarationOf(name);
        if (declaration.isPresent()) {
            return declaration.get().field() && !declaration.get().isFinalField();
        }
        String text = name.getNameAsString();
        boolean typeName = Character.isUpperCase(text.charAt(0))
                && name.getParentNode()
                        .filter(p -> p instanceof MethodCallExpr || p instanceof FieldAccessExpr)
                        .isPresent();
        boolean constant = text.equals(text.toUpperCase(java.util.Locale.ROOT));
        return !typeName && !constant;
    }

    private static boolean isAssignTarget(NameExpr name) {
        return name.getParentNode()
                .filter(AssignExpr.class::isInstance)
                .map(p -> ((AssignExpr) p).getTarget() == name)
                .orElse(false);
    }
}
