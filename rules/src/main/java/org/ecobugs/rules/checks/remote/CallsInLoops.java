package org.ecobugs.rules.checks.remote;

import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.checks.code.SameFileMethods;
import org.ecobugs.rules.checks.loops.RepeatingContexts;
import org.ecobugs.rules.java.Repetition;

/**
 * Remote calls made once per element of a collection: in the body of an enhanced {@code for}, of a counting
 * {@code for} whose index the call uses, of a {@code while} that advances an iterator or a result set, or in a lambda
 * that a stream or collection operation calls per element ({@code forEach}, {@code map}, …) — directly, or through
 * one call to a method of the same file that makes the remote call (a DAO or client helper). Loops that are not "one
 * call per item" are left out: loops that sleep or block on an event (polling, workers: the polling rules' concern),
 * retry loops, loops whose condition depends on what the body computes (cursor and page walking), and loops over a
 * few constants (see {@link PerElementLoops}).
 */
public final class CallsInLoops {

    /*
     * What this class works out about a file's nodes is kept on the nodes themselves (JavaParser's per-node data): the
     * AST belongs to one file and one thread, so nothing is shared across files or threads.
     */
    private static final DataKey<List<RemoteCalls.RemoteCall>> WRAPPED_CALLS = new DataKey<>() {};

    /** Beyond this many statements, a same-file method is a unit of work, not a wrapper of its remote call. */
    private static final int MAX_WRAPPER_STATEMENTS = 15;

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

    /**
     * A remote call repeated per element.
     *
     * @param anchor where to report: the remote call, or the call to the helper that makes it
     * @param remote the remote call itself
     * @param helper the same-file method that makes it, when it is called through one
     * @param repetition the loop statement or per-element call that repeats it
     */
    public record LoopedCall(
            MethodCallExpr anchor, RemoteCalls.RemoteCall remote, Optional<MethodDeclaration> helper, Node repetition) {

        /** {@code This loop} or {@code This forEach() lambda}, for messages. */
        public String subject() {
            return repetition instanceof MethodCallExpr call
                    ? "This " + call.getNameAsString() + "() lambda"
                    : "This loop";
        }

        /**
         * The places the finding relies on: the loop or per-element call that repeats it and, through a helper, the
         * remote call the helper makes.
         *
         * @param remoteCall what the remote call is, for its location's words: "the HTTP request", "the query"
         */
        List<SourceContext.Secondary> secondaries(String remoteCall) {
            List<SourceContext.Secondary> places = new ArrayList<>(2);
            places.add(RepeatingContexts.secondary(repetition, "runs it once per element"));
            helper.ifPresent(h -> places.add(new SourceContext.Secondary(
                    remote.call().getName(), remoteCall + " " + h.getNameAsString() + "() makes")));
            return places;
        }

        /** Reports the finding on the call made per element, with the places it relies on (see {@link #secondaries}). */
        public void report(SourceContext context, String message, String remoteCall) {
            context.report(anchor.getName(), message, secondaries(remoteCall), Optional.empty());
        }

        /** How the remote call is made, for messages: {@code findById()}, or {@code loadPatient(), which calls …}. */
        public String via(String doing) {
            return helper.map(h -> "calls " + h.getNameAsString() + "(), which " + doing + ",")
                    .orElse(doing);
        }
    }

    private CallsInLoops() {}

    /** The remote call that {@code call} makes per element, directly or through a same-file helper. */
    public static Optional<LoopedCall> of(
            MethodCallExpr call, SourceContext context, Predicate<RemoteCalls.RemoteCall> wanted) {
        // Most calls are not repeated: that is the cheapest test, so it comes first.
        return Repetition.repeatingContext(call).flatMap(repetition -> of(call, repetition, context, wanted));
    }

    /** The same, for a call that {@code repetition} repeats (see {@link Repetition#repeatingContext}). */
    public static Optional<LoopedCall> of(
            MethodCallExpr call, Node repetition, SourceContext context, Predicate<RemoteCalls.RemoteCall> wanted) {
        Optional<RemoteCalls.RemoteCall> direct =
                RemoteCalls.classify(call, context).filter(wanted);
        Optional<MethodDeclaration> helper = Optional.empty();
        RemoteCalls.RemoteCall remote;
        if (direct.isPresent()) {
            remote = direct.get();
        } else {
            helper = SameFileMethods.of(call);
            if (helper.isEmpty()) {
                return Optional.empty();
            }
            Optional<RemoteCalls.RemoteCall> inside =
                    wrappedCalls(helper.get(), context).stream().filter(wanted).findFirst();
            if (inside.isEmpty()) {
                return Optional.empty();
            }
            remote = inside.get();
        }
        if (!PerElementLoops.isPerElement(repetition, context)
                || elementsAreBatches(repetition)
                || passesACollection(call)
                || (helper.isEmpty() && statementComesFromTheElement(remote.call(), repetition))) {
            return Optional.empty();
        }
        return Optional.of(new LoopedCall(call, remote, helper, repetition));
    }

    /**
     * Whether a helper is small enough to be a wrapper of its remote call (a DAO or client method), rather than a unit
     * of work that happens to make one among much else (a job, an import step).
     */
    private static boolean isWrapper(MethodDeclaration helper) {
        long statements = helper.getBody().stream()
                .flatMap(body -> body.findAll(Statement.class).stream())
                .filter(s -> !(s instanceof com.github.javaparser.ast.stmt.BlockStmt))
                .count();
        return statements <= MAX_WRAPPER_STATEMENTS;
    }

    /** A loop over chunks ({@code for (List<Long> chunk : partitions)}): each round already handles many elements. */
    private static boolean elementsAreBatches(Node repetition) {
        if (repetition instanceof ForEachStmt forEach) {
            return forEach.getVariable().getVariables().stream().anyMatch(v -> isCollectionType(v.getType()));
        }
        return false;
    }

    /** A call given a collection ({@code findAllById(chunk)}, {@code findByCodeIn(codes)}): the batched form. */
    private static boolean passesACollection(MethodCallExpr call) {
        for (Expression argument : call.getArguments()) {
            if (argument instanceof NameExpr name
                    && org.ecobugs.rules.java.Scopes.declarationOf(name)
                            .map(d -> isCollectionType(d.type()))
                            .orElse(false)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCollectionType(com.github.javaparser.ast.type.Type type) {
        if (type.isArrayType()) {
            return !type.asArrayType().getComponentType().isPrimitiveType()
                    || type.asArrayType().getArrayLevel() > 1;
        }
        return type.isClassOrInterfaceType()
                && COLLECTIONS.contains(type.asClassOrInterfaceType().getNameAsString());
    }

    /**
     * Whether the statement run is the element itself ({@code for (String sql : statements) em.createNativeQuery(sql)
     * .executeUpdate()}, {@code for (PreparedStatement s : statements) s.executeUpdate()}): a script of different
     * statements, not one statement per element.
     */
    private static boolean statementComesFromTheElement(MethodCallExpr remote, Node repetition) {
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

    /** The element itself, maybe cast or in parentheses: {@code ((PreparedStatement) statement)}. */
    private static boolean isElement(Expression expression, Set<String> elements) {
        Expression current = expression;
        while (current instanceof com.github.javaparser.ast.expr.EnclosedExpr
                || current instanceof com.github.javaparser.ast.expr.CastExpr) {
            current = current instanceof com.github.javaparser.ast.expr.EnclosedExpr enclosed
                    ? enclosed.getInner()
                    : ((com.github.javaparser.ast.expr.CastExpr) current).getExpression();
        }
        return current instanceof NameExpr name && elements.contains(name.getNameAsString());
    }

    /**
     * The remote calls a same-file method makes when it is a wrapper (small enough), remembered on the method's node:
     * the per-element rules ask about the same helpers for every call site of a file.
     */
    private static List<RemoteCalls.RemoteCall> wrappedCalls(MethodDeclaration helper, SourceContext context) {
        if (helper.containsData(WRAPPED_CALLS)) {
            return helper.getData(WRAPPED_CALLS);
        }
        List<RemoteCalls.RemoteCall> calls = helper.getBody().isEmpty() || !isWrapper(helper)
                ? List.of()
                : helper.getBody().get().findAll(MethodCallExpr.class).stream()
                        .map(c -> RemoteCalls.classifyInWrapper(c, context))
                        .flatMap(Optional::stream)
                        .toList();
        helper.setData(WRAPPED_CALLS, calls);
        return calls;
    }
}
