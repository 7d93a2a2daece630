package org.ecobugs.rules.checks.loops;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import java.util.ArrayList;
import java.util.List;

/** The operands of a chain of {@code +} ({@code "Patient " + id + ": " + name}), parentheses looked through. */
public final class Sums {

    private Sums() {}

    /** The operands, left to right; an expression that is not a sum is its only operand. */
    public static List<Expression> operands(Expression expression) {
        List<Expression> operands = new ArrayList<>();
        flatten(expression, operands);
        return operands;
    }

    private static void flatten(Expression expression, List<Expression> operands) {
        Expression e = expression;
        while (e instanceof EnclosedExpr enclosed) {
            e = enclosed.getInner();
        }
        if (e instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS) {
            flatten(binary.getLeft(), operands);
            flatten(binary.getRight(), operands);
        } else {
            operands.add(e);
        }
    }
}
