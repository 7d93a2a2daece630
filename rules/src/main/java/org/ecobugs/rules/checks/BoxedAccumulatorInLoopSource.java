package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.Type;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceDetector;
import org.ecobugs.rules.api.SourceVisits;
import org.ecobugs.rules.checks.code.UserInterfaceCode;
import org.ecobugs.rules.checks.loops.ArithmeticUpdates;
import org.ecobugs.rules.checks.loops.LoopCarriedVariables;
import org.ecobugs.rules.checks.remote.RemoteCalls;
import org.ecobugs.rules.java.JavaNames;
import org.ecobugs.rules.java.Loops;
import org.ecobugs.rules.java.Repetition;
import org.ecobugs.rules.java.Scopes;

/**
 * EB309 in source: an arithmetic update of a variable declared with a wrapper type, in loops that carry it and do
 * nothing per iteration that outweighs one boxed object.
 */
final class BoxedAccumulatorInLoopSource implements SourceDetector {

    /** Query executions, whatever their receiver: a loop that makes one per iteration does far more than boxing. */
    private static final Set<String> QUERY_EXECUTIONS = Set.of(
            "getSingleResult",
            "getSingleResultOrNull",
            "getResultList",
            "getResultStream",
            "uniqueResult",
            "uniqueResultOptional",
            "executeQuery",
            "executeUpdate");

    /** Calls whose answer tells whether a key or element is new to a map or set. */
    private static final Set<String> MEMBERSHIP_TESTS = Set.of("get", "containsKey", "contains", "add", "putIfAbsent");

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(Repetition.WORDS);
    }

    @Override
    public void subscribe(SourceVisits visits) {
        visits.enter(AssignExpr.class, BoxedAccumulatorInLoopSource::visit);
        visits.enter(UnaryExpr.class, BoxedAccumulatorInLoopSource::visit);
    }

    private static void visit(Expression update, SourceContext context) {
        Optional<String> target = ArithmeticUpdates.updatedVariable(update);
        if (target.isEmpty()
                || LoopCarriedVariables.inStaticInitializer(update)
                || update.findAncestor(TypeDeclaration.class)
                        .map(type -> UserInterfaceCode.isUserInterface(type, context))
                        .orElse(false)) {
            return;
        }
        Optional<Scopes.Declaration> declaration = Scopes.declarationOf(update, target.get());
        Optional<String> wrapper = declaration.flatMap(d -> wrapperOf(d.type(), context));
        if (wrapper.isEmpty()) {
            return;
        }
        List<Node> carrying = LoopCarriedVariables.carryingContexts(
                update,
                declaration.get(),
                repeating ->
                        !isResetIn(repeating, target.get()) && !outweighed(update, repeating, target.get(), context));
        if (carrying.isEmpty()
                || carrying.stream()
                        .allMatch(c -> c instanceof Statement loop
                                && Loops.isBoundedByConstant(
                                        loop, context.constants(), StringConcatInLoopRule.MAX_CONSTANT_ITERATIONS))) {
            return;
        }
        context.report(update, BoxedAccumulatorInLoopRule.message(JavaNames.simpleName(wrapper.get()), target.get()));
    }

    /**
     * Whether one boxed object per iteration of {@code repeating} weighs nothing next to what the iteration does
     * anyway: it runs a query or a remote call, it hands the accumulator to a call (which takes the object, or does
     * far more than allocating one), or the update only counts keys that are new to a map or set.
     */
    private static boolean outweighed(Node update, Node repeating, String name, SourceContext context) {
        List<Node> parts = repeating instanceof Statement loop ? Loops.repeatedParts(loop) : List.of(repeating);
        for (Node part : parts) {
            for (MethodCallExpr call : part.findAll(MethodCallExpr.class)) {
                if ((QUERY_EXECUTIONS.contains(call.getNameAsString())
                                && call.getArguments().isEmpty())
                        || RemoteCalls.classify(call, context).isPresent()
                        || (passes(call.getArguments(), name) && !isMath(call))) {
                    return true;
                }
            }
            for (ObjectCreationExpr creation : part.findAll(ObjectCreationExpr.class)) {
                if (passes(creation.getArguments(), name)) {
                    return true;
                }
            }
        }
        return countsNewKeys(update, repeating);
    }

    /** Whether one of the arguments is the variable, or its increment ({@code new Label(index++, …)}). */
    private static boolean passes(List<Expression> arguments, String name) {
        for (Expression argument : arguments) {
            Expression e = argument;
            if (e instanceof UnaryExpr unary && Scopes.isIncrementOrDecrement(unary)) {
                e = unary.getExpression();
            }
            if (ArithmeticUpdates.variableName(e).filter(name::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** {@code Math.max(total, x)} and the like take primitives: the boxed variable is unboxed for them. */
    private static boolean isMath(MethodCallExpr call) {
        return call.getScope()
                .filter(scope ->
                        scope instanceof NameExpr type && type.getNameAsString().equals("Math"))
                .isPresent();
    }

    /**
     * Whether an increment by one runs only under a test of whether a key is new to a map or set ({@code if
     * (labels.get(date) == null) labels.put(date, new Label(index++))}): it counts distinct keys, one object per new
     * entry of the collection.
     */
    private static boolean countsNewKeys(Node update, Node repeating) {
        if (!ArithmeticUpdates.isIncrementByOne(update)) {
            return false;
        }
        Node current = update.getParentNode().orElse(null);
        while (current != null && current != repeating) {
            if (current instanceof IfStmt test
                    && test.getCondition().findAll(MethodCallExpr.class).stream()
                            .anyMatch(call -> MEMBERSHIP_TESTS.contains(call.getNameAsString())
                                    && call.getScope().isPresent()
                                    && !call.getArguments().isEmpty()
                                    && call.getArguments().size() <= 2)) {
                return true;
            }
            current = current.getParentNode().orElse(null);
        }
        return false;
    }

    private static Optional<String> wrapperOf(Type type, SourceContext context) {
        if (!type.isClassOrInterfaceType()) {
            return Optional.empty();
        }
        String name = type.asClassOrInterfaceType().getNameWithScope();
        return BoxedAccumulatorInLoopRule.PRIMITIVES.keySet().stream()
                .filter(wrapper -> context.names().mayBe(name, wrapper))
                .findFirst();
    }

    /** Whether the loop stores into the variable a value that is not computed from it: it starts over. */
    private static boolean isResetIn(Node repeating, String name) {
        for (AssignExpr assign : repeating.findAll(AssignExpr.class)) {
            if (ArithmeticUpdates.variableName(assign.getTarget())
                            .filter(name::equals)
                            .isPresent()
                    && ArithmeticUpdates.updatedVariable(assign).isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
