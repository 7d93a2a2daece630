package org.ecobugs.rules.checks.loops;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.util.HashSet;
import java.util.Set;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.java.Loops;
import org.ecobugs.rules.java.Repetition;

/** Where a finding shows the loop or the per-element call that repeats its code (see {@link Repetition}). */
public final class RepeatingContexts {

    private RepeatingContexts() {}

    /**
     * The loop or per-element call that repeats a finding's code, as a secondary location: an enhanced {@code for} at
     * what it iterates over, another loop at its condition, a per-element call ({@code forEach}) at its name.
     *
     * @param repeating a loop statement or a per-element call, as {@link Repetition#repeatingContext} finds it
     * @param what what it does to the code, said after "the loop that": "runs it once per element"
     */
    public static SourceContext.Secondary secondary(Node repeating, String what) {
        if (repeating instanceof MethodCallExpr perElement) {
            return new SourceContext.Secondary(
                    perElement.getName(), "the " + perElement.getNameAsString() + "() that " + what);
        }
        Node place =
                repeating instanceof ForEachStmt forEach ? forEach.getIterable() : Loops.anchor((Statement) repeating);
        return new SourceContext.Secondary(place, "the loop that " + what);
    }

    /**
     * The names a loop or a per-element call gives its element: the variable of an enhanced {@code for}, the
     * parameters of a per-element lambda.
     *
     * @param repeating a loop statement or a per-element call, as {@link Repetition#repeatingContext} finds it
     */
    public static Set<String> elementNames(Node repeating) {
        Set<String> names = new HashSet<>();
        if (repeating instanceof ForEachStmt forEach) {
            forEach.getVariable().getVariables().forEach(v -> names.add(v.getNameAsString()));
        } else if (repeating instanceof MethodCallExpr perElement) {
            perElement.getArguments().stream()
                    .filter(LambdaExpr.class::isInstance)
                    .map(LambdaExpr.class::cast)
                    .forEach(lambda -> lambda.getParameters().forEach(p -> names.add(p.getNameAsString())));
        }
        return names;
    }
}
