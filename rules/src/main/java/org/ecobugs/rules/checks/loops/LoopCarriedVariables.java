package org.ecobugs.rules.checks.loops;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.ecobugs.rules.java.Repetition;
import org.ecobugs.rules.java.Scopes;

/**
 * Variables that a loop or a per-element lambda carries from one iteration to the next, in source: what the rules about
 * a value rebuilt from itself at every iteration (a string concatenated to, a boxed accumulator) have in common.
 */
public final class LoopCarriedVariables {

    private LoopCarriedVariables() {}

    /**
     * The loops and per-element lambdas around {@code update}, innermost first, that carry the variable it updates:
     * the variable is declared outside them, and {@code carries} holds for them (they do not reset it, say).
     */
    public static List<Node> carryingContexts(Node update, Scopes.Declaration declaration, Predicate<Node> carries) {
        List<Node> carrying = new ArrayList<>();
        Optional<Node> context = Repetition.repeatingContext(update);
        while (context.isPresent()) {
            Node repeating = context.get();
            boolean declaredOutside = declaration.field() || !declaration.node().isDescendantOf(repeating);
            if (declaredOutside && carries.test(repeating)) {
                carrying.add(repeating);
            }
            context = Repetition.repeatingContext(repeating);
        }
        return carrying;
    }

    /** Code that runs once per class: a static initializer or the initializer of a static field. */
    public static boolean inStaticInitializer(Node node) {
        return node.findAncestor(InitializerDeclaration.class)
                        .map(InitializerDeclaration::isStatic)
                        .orElse(false)
                || node.findAncestor(FieldDeclaration.class)
                        .map(FieldDeclaration::isStatic)
                        .orElse(false);
    }
}
