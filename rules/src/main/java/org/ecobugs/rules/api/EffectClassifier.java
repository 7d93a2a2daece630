package org.ecobugs.rules.api;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.Optional;
import org.ecobugs.rules.project.Effect;

/**
 * Tells which calls of the project's own code have an {@link Effect}: the engine asks it about every call of the files
 * it reads, to summarise what each method of the project does (see {@link org.ecobugs.rules.project.ProjectModel}).
 */
public interface EffectClassifier {

    /**
     * A call's effect.
     *
     * @param at where the effect is shown: the call's name, or the start of a fluent chain
     */
    record Classified(Effect.Kind kind, String what, String doing, Node at) {}

    /** What {@code call} does, if it is an effect. */
    Optional<Classified> classify(MethodCallExpr call, SourceContext context);

    /**
     * What a method returns when it returns {@code value} (a call's result or a new object as is, or a local variable),
     * if that is an effect its callers may have through it (a kind whose {@link Effect.Kind#isResult()} holds): every
     * row of a query without a limit, a costly object just created, a connection opened without timeouts.
     */
    default Optional<Classified> classifyReturned(Expression value, SourceContext context) {
        return Optional.empty();
    }

    /**
     * Whether what a call of this name returns may be the object it is made on, or hold on to it (a view such as {@code
     * mapper.writer()}): a method that makes such a call on a parameter and uses the result may keep the object.
     */
    default boolean mayKeepReceiver(String method) {
        return true;
    }
}
