package org.ecobugs.rules.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.List;
import java.util.Optional;

/** The parts of {@code while}, {@code do}, {@code for} and enhanced {@code for} loops, seen alike. */
public final class Loops {

    private Loops() {}

    public static boolean isLoop(Node node) {
        return node instanceof WhileStmt
                || node instanceof DoStmt
                || node instanceof ForStmt
                || node instanceof ForEachStmt;
    }

    /** The loop's condition; empty for {@code for (;;)} and enhanced {@code for}. */
    public static Optional<Expression> condition(Statement loop) {
        if (loop instanceof WhileStmt w) {
            return Optional.of(w.getCondition());
        }
        if (loop instanceof DoStmt d) {
            return Optional.of(d.getCondition());
        }
        if (loop instanceof ForStmt f) {
            return f.getCompare();
        }
        return Optional.empty();
    }

    public static Statement body(Statement loop) {
        if (loop instanceof WhileStmt w) {
            return w.getBody();
        }
        if (loop instanceof DoStmt d) {
            return d.getBody();
        }
        if (loop instanceof ForStmt f) {
            return f.getBody();
        }
        if (loop instanceof ForEachStmt f) {
            return f.getBody();
        }
        throw new IllegalArgumentException("Not a loop: " + loop.getClass().getSimpleName());
    }

    /** The statements of a body: a block's statements, or the single statement. */
    public static List<Statement> statements(Statement body) {
        return body instanceof BlockStmt block ? block.getStatements() : List.of(body);
    }

    /** Whether the loop only ends through a statement in its body: {@code while (true)}, {@code for (;;)}. */
    public static boolean runsForever(Statement loop, ConstantFolder constants) {
        if (loop instanceof ForEachStmt) {
            return false;
        }
        Optional<Expression> condition = condition(loop);
        return condition.isEmpty() || constants.bool(condition.get()).orElse(false);
    }

    /** Where a finding on the loop is shown: its condition when it has one, else the loop itself. */
    public static Node anchor(Statement loop) {
        return condition(loop).<Node>map(c -> c).orElse(loop);
    }
}
