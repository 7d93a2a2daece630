package org.ecobugs.rules.checks;

import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.java.Loops;
import org.ecobugs.rules.java.Repetition;
import org.ecobugs.rules.java.Waits;

/**
 * Remote calls made once per element of a collection: in the body of an enhanced {@code for}, of a counting
 * {@code for} whose index the call uses, of a {@code while} that advances an iterator or a result set, or in a lambda
 * that a stream or collection operation calls per element ({@code forEach}, {@code map}, …) — directly, or through
 * one call to a method of the same file that makes the remote call (a DAO or client helper). Loops that are not "one
 * call per item" are left out: loops that sleep or block on an event (polling, workers: the polling rules' concern),
 * retry loops, loops whose condition depends on what the body computes (cursor and page walking), and loops over a
 * few constants.
 */
final class CallsInLoops {

    /*
     * What this class works out about a file's nodes is kept on the nodes themselves (JavaParser's per-node data): the
     * AST belongs to one file and one thread, so nothing is shared across files or threads.
     */
    private static final DataKey<List<RemoteCalls.RemoteCall>> WRAPPED_CALLS = new DataKey<>() {};
    private static final DataKey<Boolean> PER_ELEMENT = new DataKey<>() {};
    private static final DataKey<Map<String, List<MethodDeclaration>>> METHODS_BY_NAME = new DataKey<>() {};

    /** At most this many constant elements make a loop too small to batch. */
    private static final int FEW = 3;

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
    record LoopedCall(
            MethodCallExpr anchor, RemoteCalls.RemoteCall remote, Optional<MethodDeclaration> helper, Node repetition) {

        /** {@code This loop} or {@code This forEach() lambda}, for messages. */
        String subject() {
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
            if (repetition instanceof MethodCallExpr call) {
                places.add(new SourceContext.Secondary(
                        call.getName(), "the " + call.getNameAsString() + "() that runs it once per element"));
            } else if (repetition instanceof ForEachStmt forEach) {
                places.add(
                        new SourceContext.Secondary(forEach.getIterable(), "the loop that runs it once per element"));
            } else if (repetition instanceof Statement loop) {
                places.add(new SourceContext.Secondary(Loops.anchor(loop), "the loop that runs it once per element"));
            }
            helper.ifPresent(h -> places.add(new SourceContext.Secondary(
                    remote.call().getName(), remoteCall + " " + h.getNameAsString() + "() makes")));
            return places;
        }

        /** How the remote call is made, for messages: {@code findById()}, or {@code loadPatient(), which calls …}. */
        String via(String doing) {
            return helper.map(h -> "calls " + h.getNameAsString() + "(), which " + doing + ",")
                    .orElse(doing);
        }
    }

    private CallsInLoops() {}

    /** The remote call that {@code call} makes per element, directly or through a same-file helper. */
    static Optional<LoopedCall> of(
            MethodCallExpr call, SourceContext context, Predicate<RemoteCalls.RemoteCall> wanted) {
        // Most calls are not repeated: that is the cheapest test, so it comes first.
        Optional<Node> repetition = Repetition.repeatingContext(call);
        if (repetition.isEmpty()) {
            return Optional.empty();
        }
        Optional<RemoteCalls.RemoteCall> direct =
                RemoteCalls.classify(call, context).filter(wanted);
        Optional<MethodDeclaration> helper = Optional.empty();
        RemoteCalls.RemoteCall remote;
        if (direct.isPresent()) {
            remote = direct.get();
        } else {
            helper = sameFileMethod(call);
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
        if (!isPerElement(repetition.get(), call, context)
                || elementsAreBatches(repetition.get())
                || passesACollection(call)
                || (helper.isEmpty() && statementComesFromTheElement(remote.call(), repetition.get()))) {
            return Optional.empty();
        }
        return Optional.of(new LoopedCall(call, remote, helper, repetition.get()));
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

    /** Whether the repetition runs once per element of something, remembered on the loop's node. */
    private static boolean isPerElement(Node repetition, MethodCallExpr call, SourceContext context) {
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
                && RemoteCalls.declaredTypeName(current)
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
                || !loop.getUpdate().stream().allMatch(CallsInLoops::isCounterUpdate)) {
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

    /**
     * The method of this file that an unqualified or {@code this.} call invokes: one of the enclosing type or of an
     * outer type, with that name and arity.
     */
    static Optional<MethodDeclaration> sameFileMethod(MethodCallExpr call) {
        boolean local = call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr;
        if (!local) {
            return Optional.empty();
        }
        for (Node current = call.getParentNode().orElse(null);
                current != null;
                current = current.getParentNode().orElse(null)) {
            if (current instanceof TypeDeclaration<?> type) {
                Optional<MethodDeclaration> found =
                        methodsByName(type).getOrDefault(call.getNameAsString(), List.of()).stream()
                                .filter(m -> m.getParameters().size()
                                                == call.getArguments().size()
                                        || isVarArgs(m.getParameters()))
                                .findFirst();
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** A type's methods by name, indexed once per type node: generated classes have thousands. */
    private static Map<String, List<MethodDeclaration>> methodsByName(TypeDeclaration<?> type) {
        if (type.containsData(METHODS_BY_NAME)) {
            return type.getData(METHODS_BY_NAME);
        }
        Map<String, List<MethodDeclaration>> index = new HashMap<>();
        for (MethodDeclaration method : type.getMethods()) {
            index.computeIfAbsent(method.getNameAsString(), n -> new ArrayList<>())
                    .add(method);
        }
        type.setData(METHODS_BY_NAME, index);
        return index;
    }

    private static boolean isVarArgs(List<Parameter> parameters) {
        return !parameters.isEmpty() && parameters.get(parameters.size() - 1).isVarArgs();
    }

    /** Whether the node is a lambda's body or inside one that is between it and {@code limit}. */
    static boolean inLambdaBelow(Node node, Node limit) {
        for (Node current = node.getParentNode().orElse(null);
                current != null && current != limit;
                current = current.getParentNode().orElse(null)) {
            if (current instanceof LambdaExpr) {
                return true;
            }
        }
        return false;
    }
}
