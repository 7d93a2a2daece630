package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceDetector;
import org.ecobugs.rules.api.SourceVisits;
import org.ecobugs.rules.checks.PerCallCreations.Factory;
import org.ecobugs.rules.checks.loops.RepeatingContexts;
import org.ecobugs.rules.java.CallSites;
import org.ecobugs.rules.java.Handlers;
import org.ecobugs.rules.java.JavaNames;
import org.ecobugs.rules.java.Lifetimes;
import org.ecobugs.rules.java.OneOffCode;
import org.ecobugs.rules.java.Receivers;
import org.ecobugs.rules.java.Repetition;

/**
 * EB501–EB503 in source: the creations of a {@link PerCallCreations} table, names resolved through imports. A creation
 * repeated by a loop or a per-element lambda points at it.
 */
final class PerCallCreationsSource implements SourceDetector {

    private final PerCallCreations creations;
    private final RequiredWords words;

    PerCallCreationsSource(PerCallCreations creations) {
        this.creations = creations;
        this.words = RequiredWords.anyOf(words(creations.factories()));
    }

    /** A creation names its type ({@code new ObjectMapper()}) or its factory method ({@code newInstance}). */
    private static Set<String> words(List<Factory> factories) {
        Set<String> words = new HashSet<>();
        for (Factory factory : factories) {
            if (factory.isConstructor()) {
                String name = factory.qualifiedName();
                words.add(name.substring(name.lastIndexOf('.') + 1));
            } else {
                words.add(factory.method());
            }
        }
        return Set.copyOf(words);
    }

    @Override
    public RequiredWords textPrescreen() {
        return words;
    }

    @Override
    public boolean readsProjectFacts() {
        return true;
    }

    @Override
    public void subscribe(SourceVisits visits) {
        visits.enter(
                ObjectCreationExpr.class,
                (creation, context) ->
                        visit(creation, factory -> constructs(creation, factory, context.names()), context));
        visits.enter(
                MethodCallExpr.class,
                (call, context) -> visit(call, factory -> calls(call, factory, context.names()), context));
    }

    private void visit(Expression creation, Predicate<Factory> createdBy, SourceContext context) {
        for (Factory factory : creations.factories()) {
            if (!createdBy.test(factory)) {
                continue;
            }
            Optional<Expression> value = valueOf(creation, factory);
            if (value.isEmpty()
                    || Lifetimes.isSetUpCode(value.get())
                    || OneOffCode.runsOnce(value.get())
                    || OneOffCode.opensASession(value.get())) {
                return;
            }
            boolean throwaway = Lifetimes.isThrowaway(value.get(), creations::isView);
            // Handed to a helper once: a throwaway if the helper, once the project is read, uses it and drops it.
            Optional<Lifetimes.HandOff> handOff =
                    throwaway ? Optional.empty() : Lifetimes.handOff(value.get(), creations::isView);
            if (!throwaway && handOff.isEmpty()) {
                return;
            }
            Optional<Node> repeating = Repetition.repeatingContext(value.get());
            if (factory.scope() == PerCallCreations.Scope.ANY_METHOD
                    || repeating.isPresent()
                    || runsPerRequest(value.get(), context.names())) {
                String message = creations.message(factory, repeating.isPresent());
                List<SourceContext.Secondary> secondaries = repeating
                        .map(loop -> List.of(RepeatingContexts.secondary(loop, PerCallCreations.REPEATS)))
                        .orElse(List.of());
                if (throwaway) {
                    context.report(value.get(), message, secondaries, Optional.empty());
                } else {
                    context.reportIfDropped(
                            value.get(), handOff.get().call(), handOff.get().argument(), message, secondaries);
                }
            }
            return;
        }
    }

    private static boolean constructs(ObjectCreationExpr creation, Factory factory, JavaNames names) {
        return factory.isConstructor()
                && creation.getAnonymousClassBody().isEmpty()
                && names.mayBe(creation.getType().getNameWithScope(), factory.qualifiedName());
    }

    private static boolean calls(MethodCallExpr call, Factory factory, JavaNames names) {
        if (factory.isConstructor() || !call.getNameAsString().equals(factory.method())) {
            return false;
        }
        if (factory.instance()) {
            return call.getScope()
                    .map(scope -> Receivers.isDeclaredAs(scope, factory.qualifiedName(), names)
                            || isStaticCallOn(scope, factory.qualifiedName(), names))
                    .orElse(false);
        }
        return call.getScope()
                .map(scope -> names.isTypeName(scope, factory.qualifiedName()))
                .orElseGet(() -> names.staticImportOwner(factory.method())
                        .filter(factory.qualifiedName()::equals)
                        .isPresent());
    }

    /** {@code SchemaFactory.newInstance(…)} as the receiver of {@code newSchema}: the factory's own type. */
    private static boolean isStaticCallOn(Expression scope, String type, JavaNames names) {
        return scope instanceof MethodCallExpr call
                && call.getScope().map(s -> names.isTypeName(s, type)).orElse(false);
    }

    /** The expression whose value is the created object: the creation, or the call ending its builder chain. */
    private static Optional<Expression> valueOf(Expression creation, Factory factory) {
        if (factory.terminal() == null) {
            return Optional.of(creation);
        }
        Expression current = creation;
        while (true) {
            Node parent = current.getParentNode().orElse(null);
            if (parent instanceof EnclosedExpr enclosed) {
                current = enclosed;
                continue;
            }
            if (!(parent instanceof MethodCallExpr call) || call.getScope().orElse(null) != current) {
                return Optional.empty();
            }
            if (call.getNameAsString().equals(factory.terminal())) {
                return Optional.of(call);
            }
            current = call;
        }
    }

    /** A handler, or a method of the class called from a loop or a handler (one level). */
    private static boolean runsPerRequest(Expression value, JavaNames names) {
        if (Handlers.enclosingHandler(value, names).isPresent()) {
            return true;
        }
        return value.findAncestor(MethodDeclaration.class)
                .flatMap(method -> CallSites.repeatedCallSite(method, names))
                .isPresent();
    }
}
