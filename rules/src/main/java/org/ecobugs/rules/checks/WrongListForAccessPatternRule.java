package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.Type;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.checks.loops.RepeatingContexts;
import org.ecobugs.rules.java.Loops;
import org.ecobugs.rules.java.Scopes;

/**
 * A list used against its grain inside a loop: positional access ({@code get(i)}, {@code set(i, …)},
 * {@code remove(i)}) on a {@code LinkedList} with the loop's index, which walks the list at every step; and
 * front insertion or removal ({@code add(0, …)}, {@code remove(0)}) on an {@code ArrayList}, which shifts every element
 * at every step. The implementation must be visible: the declared type, or the {@code new} that initialises a variable
 * that is never reassigned.
 */
@RuleKey("EB307")
public final class WrongListForAccessPatternRule extends RepeatedCalls {

    private static final String LINKED_LIST = "java.util.LinkedList";
    private static final Set<String> ARRAY_LISTS = Set.of("java.util.ArrayList", "java.util.Vector");
    private static final String QUADRATIC_LOOP = "it makes quadratic";

    static String indexedMessage(String method) {
        return "LinkedList." + method + "(index) walks the list from one end at every iteration, which makes this loop"
                + " quadratic; iterate with a for-each loop or an iterator, or use an ArrayList.";
    }

    static String frontMessage(String call) {
        return "ArrayList." + call + " shifts every element of the list at every iteration, which makes this loop"
                + " quadratic; use an ArrayDeque, or work at the end of the list.";
    }

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(Loops.KEYWORDS);
    }

    /** A positional call on a list: {@code get(i)}, {@code set(i, e)}, {@code remove(i)}, {@code add(i, e)}. */
    @Override
    boolean looksAt(MethodCallExpr call) {
        String method = call.getNameAsString();
        int arity = call.getArguments().size();
        boolean positional = (method.equals("get") && arity == 1)
                || (method.equals("set") && arity == 2)
                || (method.equals("remove") && arity == 1)
                || (method.equals("add") && arity == 2);
        return positional && call.getScope().isPresent();
    }

    @Override
    void visit(MethodCallExpr call, Node repeating, SourceContext context) {
        String method = call.getNameAsString();
        Optional<String> list = Scopes.variableName(call.getScope().get());
        if (list.isEmpty() || !(repeating instanceof Statement loop)) {
            return;
        }
        Optional<Scopes.Declaration> declaration = Scopes.declarationOf(call, list.get());
        if (declaration.isEmpty()
                || (!declaration.get().field() && declaration.get().node().isDescendantOf(loop))) {
            return;
        }
        Optional<String> implementation = implementation(declaration.get(), context);
        if (implementation.isEmpty()) {
            return;
        }
        Expression index = call.getArgument(0);
        if (implementation.get().equals(LINKED_LIST)
                && !method.equals("add")
                && isLoopIndex(index, loop)
                && walksWholeList(loop, list.get())) {
            context.report(call, indexedMessage(method), RepeatingContexts.secondary(loop, QUADRATIC_LOOP));
        } else if (ARRAY_LISTS.contains(implementation.get())
                && (method.equals("add") || method.equals("remove"))
                && context.constants().integer(index).orElse(-1) == 0) {
            context.report(
                    call,
                    frontMessage(method.equals("add") ? "add(0, …)" : "remove(0)"),
                    RepeatingContexts.secondary(loop, QUADRATIC_LOOP));
        }
    }

    /**
     * The list class behind a variable: its declared type when that is a class, else the class it is created with
     * when it is never reassigned.
     */
    private static Optional<String> implementation(Scopes.Declaration declaration, SourceContext context) {
        Optional<String> declared = classOf(declaration.type(), context);
        if (declared.isPresent()) {
            return declared;
        }
        boolean neverReassigned =
                declaration.field() ? declaration.isFinalField() : Scopes.isNeverReassigned(declaration, null);
        if (!neverReassigned) {
            return Optional.empty();
        }
        return declaration.initializer().flatMap(init -> createdClass(init, context));
    }

    /** {@code new ArrayList<>()}, also wrapped in {@code Collections.synchronizedList(…)}. */
    private static Optional<String> createdClass(Expression initializer, SourceContext context) {
        if (initializer instanceof ObjectCreationExpr creation) {
            return classOf(creation.getType(), context);
        }
        if (initializer instanceof MethodCallExpr wrap
                && wrap.getNameAsString().equals("synchronizedList")
                && wrap.getArguments().size() == 1) {
            return createdClass(wrap.getArgument(0), context);
        }
        return Optional.empty();
    }

    private static Optional<String> classOf(Type type, SourceContext context) {
        if (!type.isClassOrInterfaceType()) {
            return Optional.empty();
        }
        String name = type.asClassOrInterfaceType().getNameWithScope();
        if (context.names().mayBe(name, LINKED_LIST)) {
            return Optional.of(LINKED_LIST);
        }
        return ARRAY_LISTS.stream().filter(c -> context.names().mayBe(name, c)).findFirst();
    }

    /** The counter of a counted loop: a variable the loop's update or body increments or decrements. */
    private static boolean isLoopIndex(Expression index, Statement loop) {
        if (!(index instanceof NameExpr name)) {
            return false;
        }
        String counter = name.getNameAsString();
        Node region = loop instanceof ForStmt forStmt && !forStmt.getUpdate().isEmpty() ? forStmt : Loops.body(loop);
        return region.findAll(UnaryExpr.class).stream()
                        .anyMatch(u -> Scopes.isIncrementOrDecrement(u)
                                && u.getExpression() instanceof NameExpr n
                                && n.getNameAsString().equals(counter))
                || Scopes.isAssignedIn(region, counter);
    }

    /**
     * Whether the loop walks the list by index from one end to the other: its condition compares with
     * {@code list.size()}, or its counter starts from it. A for-each loop or an iterator then does the same walk in
     * linear time; a loop that stops elsewhere (a common prefix of two lists) is left alone.
     */
    private static boolean walksWholeList(Statement loop, String list) {
        if (!(loop instanceof ForStmt forStmt)) {
            return Loops.condition(loop).map(c -> comparesWithSize(c, list)).orElse(false);
        }
        boolean startsAtSize = forStmt.getInitialization().stream()
                .anyMatch(init -> init.findAll(MethodCallExpr.class).stream().anyMatch(c -> isSizeOf(c, list)));
        return startsAtSize
                || forStmt.getCompare().map(c -> comparesWithSize(c, list)).orElse(false);
    }

    private static boolean comparesWithSize(Expression condition, String list) {
        return condition instanceof BinaryExpr comparison
                && (isSizeCall(comparison.getLeft(), list) || isSizeCall(comparison.getRight(), list));
    }

    private static boolean isSizeCall(Expression expression, String list) {
        return expression instanceof MethodCallExpr call && isSizeOf(call, list);
    }

    private static boolean isSizeOf(MethodCallExpr call, String list) {
        return call.getNameAsString().equals("size")
                && call.getArguments().isEmpty()
                && call.getScope()
                        .flatMap(Scopes::variableName)
                        .filter(list::equals)
                        .isPresent();
    }
}
