package org.ecobugs.rules.checks.remote;

import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.checks.loops.RetryLoops;
import org.ecobugs.rules.java.Loops;
import org.ecobugs.rules.java.Waits;

/**
 * Whether a loop or a per-element call runs once per element of something ("one call per item"), rather than polling
 * or working (it sleeps or blocks on an event), retrying, walking cursors and pages (its condition depends on what the
 * body computes), or going over a few constants. The answer is kept on the loop's node, since every call in it asks.
 */
final class PerElementLoops {

    /*
     * What this class works out about a file's nodes is kept on the nodes themselves (JavaParser's per-node data): the
     * AST belongs to one file and one thread, so nothing is shared across files or threads.
     */
    private static final DataKey<Boolean> PER_ELEMENT = new DataKey<>() {};

    /** At most this many constant elements make a loop too small to batch. */
    private static final int FEW = 3;

    /** Calls that start a stream of elements. */
    private static final Set<String> STREAM_SOURCES = Set.of(
            "stream",
            "parallelStream",
            "range",
            "rangeClosed",
            "iterate",
            "generate",
            "fromIterable",
            "fromArray",
            "fromStream",
            "lines",
            "chars",
            "entrySet",
            "values",
            "keySet");

    private static final Set<String> STREAM_TYPES =
            Set.of("Stream", "IntStream", "LongStream", "DoubleStream", "Flux", "Observable", "Flowable");

    private PerElementLoops() {}

    /** Whether the repetition runs once per element of something, remembered on the loop's node. */
    static boolean isPerElement(Node repetition, SourceContext context) {
        if (repetition.containsData(PER_ELEMENT)) {
            return repetition.getData(PER_ELEMENT);
        }
        boolean perElement = decidePerElement(repetition, context);
        repetition.setData(PER_ELEMENT, perElement);
        return perElement;
    }

    /** Whether the repetition runs once per element of something, rather than polling, retrying or paging. */
    private static boolean decidePerElement(Node repetition, SourceContext context) {
        if (repetition instanceof MethodCallExpr perElement) {
            return overElements(perElement)
                    && !overFewConstants(perElement.getScope().orElse(null));
        }
        Statement loop = (Statement) repetition;
        if (waits(loop, context) || RetryLoops.match(loop, context).isPresent()) {
            return false;
        }
        if (loop instanceof ForEachStmt forEach) {
            return !overFewConstants(forEach.getIterable());
        }
        if (loop instanceof ForStmt forLoop) {
            return countsOverElements(forLoop, context);
        }
        if (loop instanceof WhileStmt || loop instanceof DoStmt) {
            return advancesACursor(loop) && !conditionDependsOnBody(loop);
        }
        return false;
    }

    /**
     * Whether a per-element operation runs over the elements of a collection or stream, not over the one value of an
     * {@code Optional}, a {@code Mono} or a future ({@code findById(id).map(…)}): {@code forEach}, {@code removeIf} and
     * {@code replaceAll} always; {@code map}, {@code filter} and the others when their chain starts from a stream.
     */
    private static boolean overElements(MethodCallExpr operation) {
        String name = operation.getNameAsString();
        if (name.equals("forEach") || name.equals("removeIf") || name.equals("replaceAll")) {
            return true;
        }
        Expression current = operation.getScope().orElse(null);
        while (current instanceof MethodCallExpr call) {
            if (STREAM_SOURCES.contains(call.getNameAsString())
                    || (call.getNameAsString().equals("of")
                            && call.getScope()
                                    .filter(s -> STREAM_TYPES.contains(s.toString()))
                                    .isPresent())) {
                return true;
            }
            current = call.getScope().orElse(null);
        }
        return current != null
                && DeclaredTypes.simpleNameOf(current)
                        .filter(STREAM_TYPES::contains)
                        .isPresent();
    }

    /** Whether the loop sleeps or blocks on an event: a poller or a worker, not a loop over elements. */
    private static boolean waits(Statement loop, SourceContext context) {
        for (MethodCallExpr inside : loop.findAll(MethodCallExpr.class)) {
            if (Waits.sleep(inside, context).isPresent() || Waits.isEventWait(inside, context)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A counting loop whose index the repeated code uses ({@code ids.get(i)}): one call per element. A loop that does
     * not use its index repeats the same call (attempts, warm-ups); a small constant bound is not worth batching.
     */
    private static boolean countsOverElements(ForStmt loop, SourceContext context) {
        if (loop.getUpdate().isEmpty()
                || loop.getCompare().isEmpty()
                || !loop.getUpdate().stream().allMatch(PerElementLoops::isCounterUpdate)) {
            return false;
        }
        Set<String> indexes = new HashSet<>();
        for (Expression init : loop.getInitialization()) {
            init.findAll(VariableDeclarator.class).forEach(v -> indexes.add(v.getNameAsString()));
        }
        if (indexes.isEmpty()) {
            return false;
        }
        Expression compare = loop.getCompare().get();
        if (compare.isBinaryExpr()) {
            OptionalLong bound =
                    context.constants().integer(compare.asBinaryExpr().getRight());
            if (bound.isPresent() && bound.getAsLong() <= FEW) {
                return false;
            }
        }
        return usesAny(loop.getBody(), indexes);
    }

    /** {@code i++}, {@code --i}, {@code i += step}: a counter, not a cursor ({@code c = c.next()}). */
    private static boolean isCounterUpdate(Expression update) {
        if (update instanceof com.github.javaparser.ast.expr.UnaryExpr unary) {
            return org.ecobugs.rules.java.Scopes.isIncrementOrDecrement(unary);
        }
        return update instanceof com.github.javaparser.ast.expr.AssignExpr assign
                && (assign.getOperator() == com.github.javaparser.ast.expr.AssignExpr.Operator.PLUS
                        || assign.getOperator() == com.github.javaparser.ast.expr.AssignExpr.Operator.MINUS);
    }

    /** A {@code while} over an iterator, a result set, a cursor or a reader: {@code while (it.hasNext())}. */
    private static boolean advancesACursor(Statement loop) {
        Optional<Expression> condition = Loops.condition(loop);
        if (condition.isEmpty()) {
            return false;
        }
        for (MethodCallExpr call : condition.get().findAll(MethodCallExpr.class)) {
            String name = call.getNameAsString();
            if (name.equals("hasNext")
                    || name.equals("next")
                    || name.equals("hasMoreElements")
                    || name.equals("readLine")
                    || name.equals("moveToNext")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the condition reads a variable the body assigns: a walk driven by each round's result. */
    private static boolean conditionDependsOnBody(Statement loop) {
        Optional<Expression> condition = Loops.condition(loop);
        if (condition.isEmpty()) {
            return true;
        }
        Statement body = Loops.body(loop);
        for (NameExpr name : condition.get().findAll(NameExpr.class)) {
            if (org.ecobugs.rules.java.Scopes.isAssignedIn(body, name.getNameAsString())) {
                return true;
            }
        }
        return false;
    }

    /** Iteration over a handful of constants: {@code List.of(a, b)}, {@code new String[] {a, b}}, {@code {a, b}}. */
    private static boolean overFewConstants(Expression iterable) {
        if (iterable == null) {
            return false;
        }
        NodeList<Expression> elements = null;
        if (iterable instanceof MethodCallExpr factory
                && (factory.getNameAsString().equals("of")
                        || factory.getNameAsString().equals("asList"))) {
            elements = factory.getArguments();
        } else if (iterable instanceof MethodCallExpr stream
                && stream.getNameAsString().equals("stream")
                && stream.getScope().isPresent()) {
            return overFewConstants(stream.getScope().get());
        } else if (iterable instanceof ArrayCreationExpr array
                && array.getInitializer().isPresent()) {
            elements = array.getInitializer().get().getValues();
        } else if (iterable instanceof ArrayInitializerExpr initializer) {
            elements = initializer.getValues();
        }
        return elements != null && elements.size() <= FEW;
    }

    private static boolean usesAny(Node region, Set<String> names) {
        return region.findAll(NameExpr.class).stream().anyMatch(n -> names.contains(n.getNameAsString()));
    }
}
