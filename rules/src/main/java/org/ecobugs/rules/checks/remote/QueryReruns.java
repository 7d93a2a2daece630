package org.ecobugs.rules.checks.remote;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The same query run twice in one method, with nothing in between that changes what it returns: the second run loads
 * again what the first loaded (see {@link #previousRun}).
 */
public final class QueryReruns {

    private QueryReruns() {}

    /**
     * The run of the same query just before {@code call} in the same method ({@code List<Obs> rows = query.list(); if
     * (rows.size() > 0) return query.list().get(0);}): a call of the same text, with nothing in between that changes its
     * receiver or its arguments (an assignment to one of their names, or another call on the receiver, such as {@code
     * setParameter}).
     */
    public static Optional<MethodCallExpr> previousRun(MethodCallExpr call) {
        List<MethodCallExpr> runs = runsOfSameText(call);
        int index = indexOf(runs, call);
        return index > 0 && unchangedBetween(runs.get(index - 1), call)
                ? Optional.of(runs.get(index - 1))
                : Optional.empty();
    }

    /** The run of the same query just after {@code call} in the same method; see {@link #previousRun}. */
    public static Optional<MethodCallExpr> nextRun(MethodCallExpr call) {
        List<MethodCallExpr> runs = runsOfSameText(call);
        int index = indexOf(runs, call);
        return index >= 0 && index + 1 < runs.size() && unchangedBetween(call, runs.get(index + 1))
                ? Optional.of(runs.get(index + 1))
                : Optional.empty();
    }

    /** The position of this very node: {@code List.indexOf} would find the first node equal to it. */
    private static int indexOf(List<MethodCallExpr> runs, MethodCallExpr call) {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i) == call) {
                return i;
            }
        }
        return -1;
    }

    /** The calls of the method holding {@code call} written as it is, in the order of the text. */
    private static List<MethodCallExpr> runsOfSameText(MethodCallExpr call) {
        Optional<CallableDeclaration> method = call.findAncestor(CallableDeclaration.class);
        if (method.isEmpty() || call.getRange().isEmpty()) {
            return List.of();
        }
        String text = call.toString();
        List<MethodCallExpr> runs = new ArrayList<>();
        for (MethodCallExpr other : method.get().findAll(MethodCallExpr.class)) {
            if (other.getNameAsString().equals(call.getNameAsString())
                    && other.getRange().isPresent()
                    && other.toString().equals(text)) {
                runs.add(other);
            }
        }
        runs.sort((a, b) -> a.getRange().get().begin.compareTo(b.getRange().get().begin));
        return runs;
    }

    private static boolean unchangedBetween(MethodCallExpr first, MethodCallExpr second) {
        Set<String> names = new HashSet<>();
        first.findAll(NameExpr.class).forEach(name -> names.add(name.getNameAsString()));
        Position from = first.getRange().get().end;
        Position to = second.getRange().get().begin;
        Node method = first.findAncestor(CallableDeclaration.class).orElseThrow();
        for (Node node : method.findAll(
                Node.class,
                n -> n.getRange()
                        .filter(r -> r.begin.isAfter(from) && r.end.isBefore(to))
                        .isPresent())) {
            if (node instanceof AssignExpr assign
                    && assign.getTarget() instanceof NameExpr target
                    && names.contains(target.getNameAsString())) {
                return false;
            }
            if (node instanceof UnaryExpr unary
                    && (unary.getOperator().isPrefix() || unary.getOperator().isPostfix())
                    && unary.getExpression() instanceof NameExpr target
                    && names.contains(target.getNameAsString())) {
                return false;
            }
            if (node instanceof MethodCallExpr other
                    && !other.toString().equals(first.toString())
                    && other.getScope().orElse(null) instanceof NameExpr receiver
                    && first.getScope().orElse(null) instanceof NameExpr own
                    && receiver.getNameAsString().equals(own.getNameAsString())) {
                return false;
            }
        }
        return true;
    }
}
