package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.Type;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceDetector;
import org.ecobugs.rules.api.SourceVisits;
import org.ecobugs.rules.checks.loops.LoopCarriedVariables;
import org.ecobugs.rules.checks.loops.Sums;
import org.ecobugs.rules.java.Loops;
import org.ecobugs.rules.java.Repetition;
import org.ecobugs.rules.java.Scopes;

/** EB305 in source: an assignment that concatenates to a string the loops around it carry from one iteration on. */
final class StringConcatInLoopSource implements SourceDetector {

    private static final String STRING = "java.lang.String";

    /** Calls that take the string to build with it, not to use it: appending it elsewhere, converting it. */
    private static final Set<String> NOT_A_USE = Set.of("append", "valueOf", "concat");

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(Repetition.WORDS);
    }

    @Override
    public void subscribe(SourceVisits visits) {
        visits.enter(AssignExpr.class, StringConcatInLoopSource::visit);
    }

    private static void visit(AssignExpr assign, SourceContext context) {
        Optional<String> target = Scopes.variableName(assign.getTarget());
        if (target.isEmpty()
                || !isSelfConcatenation(assign, target.get())
                || LoopCarriedVariables.inStaticInitializer(assign)) {
            return;
        }
        Optional<Scopes.Declaration> declaration = Scopes.declarationOf(assign, target.get());
        if (declaration.isEmpty() || !isString(declaration.get(), context)) {
            return;
        }
        List<Node> carrying = LoopCarriedVariables.carryingContexts(
                assign,
                declaration.get(),
                repeating -> repeatedParts(repeating).stream().noneMatch(part -> isResetIn(part, target.get())));
        if (carrying.isEmpty()
                || carrying.stream()
                        .allMatch(c -> c instanceof Statement loop
                                && (Loops.isBoundedByConstant(
                                                loop,
                                                context.constants(),
                                                StringConcatInLoopRule.MAX_CONSTANT_ITERATIONS)
                                        || growsToAConstantLength(loop, target.get(), context)))
                || carrying.stream().anyMatch(c -> isPassedAsArgument(c, target.get()))) {
            return;
        }
        context.report(assign, StringConcatInLoopRule.message(target.get()));
    }

    /**
     * A loop that runs until the string reaches a fixed length, {@code while (hex.length() < 2) hex = "0" + hex}: it
     * pads a short value and stops after a few iterations, whatever the input.
     */
    private static boolean growsToAConstantLength(Statement loop, String name, SourceContext context) {
        Optional<Expression> condition = Loops.condition(loop);
        if (condition.isEmpty() || !(condition.get() instanceof BinaryExpr comparison)) {
            return false;
        }
        Expression length;
        Expression limit;
        switch (comparison.getOperator()) {
            case LESS, LESS_EQUALS, NOT_EQUALS -> {
                length = comparison.getLeft();
                limit = comparison.getRight();
            }
            case GREATER, GREATER_EQUALS -> {
                length = comparison.getRight();
                limit = comparison.getLeft();
            }
            default -> {
                return false;
            }
        }
        boolean ownLength = length instanceof MethodCallExpr call
                && call.getNameAsString().equals("length")
                && call.getArguments().isEmpty()
                && call.getScope()
                        .filter(scope -> scope instanceof NameExpr n
                                && n.getNameAsString().equals(name))
                        .isPresent();
        OptionalLong bound = context.constants().integer(limit);
        return ownLength && bound.isPresent() && bound.getAsLong() <= StringConcatInLoopRule.MAX_PADDED_LENGTH;
    }

    private static List<Node> repeatedParts(Node repeating) {
        if (repeating instanceof Statement loop) {
            return Loops.repeatedParts(loop);
        }
        return List.of(repeating);
    }

    /**
     * Whether the loop hands the string to a method at each iteration: then it is a value the loop works with (a key,
     * a prefix), not a text being built for later. Appending it to a builder does not count.
     */
    private static boolean isPassedAsArgument(Node repeating, String name) {
        for (Node part : repeatedParts(repeating)) {
            for (Expression use : part.findAll(
                    Expression.class,
                    e -> Scopes.variableName(e).filter(name::equals).isPresent())) {
                Node parent = use.getParentNode().orElse(null);
                if (parent instanceof MethodCallExpr call
                        && call.getArguments().contains(use)
                        && !NOT_A_USE.contains(call.getNameAsString())) {
                    return true;
                }
                if (parent instanceof ObjectCreationExpr creation
                        && creation.getArguments().contains(use)
                        && !creation.getType().getNameAsString().startsWith("StringBu")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code s += x}, or {@code s = … + s + …} with {@code s} as one of the top-level operands. */
    private static boolean isSelfConcatenation(AssignExpr assign, String name) {
        if (assign.getOperator() == AssignExpr.Operator.PLUS) {
            return true;
        }
        if (assign.getOperator() != AssignExpr.Operator.ASSIGN) {
            return false;
        }
        List<Expression> operands = Sums.operands(assign.getValue());
        return operands.size() > 1
                && operands.stream()
                        .anyMatch(
                                o -> Scopes.variableName(o).filter(name::equals).isPresent());
    }

    private static boolean isString(Scopes.Declaration declaration, SourceContext context) {
        Type type = declaration.type();
        if (type.isVarType()) {
            return declaration
                    .initializer()
                    .filter(StringLiteralExpr.class::isInstance)
                    .isPresent();
        }
        return type.isClassOrInterfaceType()
                && context.names().mayBe(type.asClassOrInterfaceType().getNameWithScope(), STRING);
    }

    /** Whether the loop assigns the variable a value that does not build on it: the text starts over. */
    private static boolean isResetIn(Node repeating, String name) {
        for (AssignExpr assign : repeating.findAll(AssignExpr.class)) {
            if (Scopes.variableName(assign.getTarget()).filter(name::equals).isPresent()
                    && !isSelfConcatenation(assign, name)) {
                return true;
            }
        }
        return false;
    }
}
