package org.ecobugs.rules.checks.loops;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.java.Scopes;

/**
 * Arithmetic updates of a variable in source, which compute its new value from its old one: {@code x += …},
 * {@code x = x op …}, {@code x++}.
 */
public final class ArithmeticUpdates {

    private static final Set<AssignExpr.Operator> ARITHMETIC_ASSIGNMENTS = Set.of(
            AssignExpr.Operator.PLUS,
            AssignExpr.Operator.MINUS,
            AssignExpr.Operator.MULTIPLY,
            AssignExpr.Operator.DIVIDE,
            AssignExpr.Operator.REMAINDER,
            AssignExpr.Operator.BINARY_AND,
            AssignExpr.Operator.BINARY_OR,
            AssignExpr.Operator.XOR,
            AssignExpr.Operator.LEFT_SHIFT,
            AssignExpr.Operator.SIGNED_RIGHT_SHIFT,
            AssignExpr.Operator.UNSIGNED_RIGHT_SHIFT);

    private static final Set<BinaryExpr.Operator> ARITHMETIC = Set.of(
            BinaryExpr.Operator.PLUS,
            BinaryExpr.Operator.MINUS,
            BinaryExpr.Operator.MULTIPLY,
            BinaryExpr.Operator.DIVIDE,
            BinaryExpr.Operator.REMAINDER,
            BinaryExpr.Operator.BINARY_AND,
            BinaryExpr.Operator.BINARY_OR,
            BinaryExpr.Operator.XOR,
            BinaryExpr.Operator.LEFT_SHIFT,
            BinaryExpr.Operator.SIGNED_RIGHT_SHIFT,
            BinaryExpr.Operator.UNSIGNED_RIGHT_SHIFT);

    private ArithmeticUpdates() {}

    /** The variable an arithmetic update writes: {@code x += …}, {@code x = x op …}, {@code x++}. */
    public static Optional<String> updatedVariable(Node node) {
        if (node instanceof UnaryExpr unary) {
            return Scopes.isIncrementOrDecrement(unary) ? variableName(unary.getExpression()) : Optional.empty();
        }
        AssignExpr assign = (AssignExpr) node;
        Optional<String> target = variableName(assign.getTarget());
        if (target.isEmpty()) {
            return Optional.empty();
        }
        if (ARITHMETIC_ASSIGNMENTS.contains(assign.getOperator())) {
            return target;
        }
        return assign.getOperator() == AssignExpr.Operator.ASSIGN && usesItself(assign.getValue(), target.get())
                ? target
                : Optional.empty();
    }

    public static boolean isIncrementByOne(Node update) {
        if (update instanceof UnaryExpr unary) {
            return Scopes.isIncrementOrDecrement(unary);
        }
        return update instanceof AssignExpr assign
                && (assign.getOperator() == AssignExpr.Operator.PLUS
                        || assign.getOperator() == AssignExpr.Operator.MINUS)
                && assign.getValue() instanceof IntegerLiteralExpr one
                && one.getValue().equals("1");
    }

    /** The variable an expression reads, through parentheses. */
    public static Optional<String> variableName(Expression expression) {
        Expression e = expression;
        while (e instanceof EnclosedExpr enclosed) {
            e = enclosed.getInner();
        }
        return Scopes.variableName(e);
    }

    /** {@code x + y} or {@code y * x}: an arithmetic operation with the variable as a direct operand. */
    private static boolean usesItself(Expression value, String name) {
        Expression e = value;
        while (e instanceof EnclosedExpr enclosed) {
            e = enclosed.getInner();
        }
        return e instanceof BinaryExpr binary
                && ARITHMETIC.contains(binary.getOperator())
                && (variableName(binary.getLeft()).filter(name::equals).isPresent()
                        || variableName(binary.getRight()).filter(name::equals).isPresent()
                        || usesItself(binary.getLeft(), name));
    }
}
