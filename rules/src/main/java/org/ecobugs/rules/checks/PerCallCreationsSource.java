package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
import org.ecobugs.rules.project.DeferredFinding;

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

    /**
     * A creation names its type ({@code new ObjectMapper()}) or its factory method ({@code newInstance}); a local that
     * keeps one from a call of the project's code names its type ({@code HttpClient client = Clients.create();}).
     */
    private static Set<String> words(List<Factory> factories) {
        Set<String> words = new HashSet<>();
        for (Factory factory : factories) {
            words.addAll(typeNames(factory));
            if (!factory.isConstructor()) {
                words.add(factory.method());
            }
        }
        return Set.copyOf(words);
    }

    /**
     * The simple names a local holding the factory's object may be declared with: the class it instantiates or whose
     * method makes it, and the last word of its display name ({@code HttpClient} for "Apache HttpClient").
     */
    private static Set<String> typeNames(Factory factory) {
        String display = factory.display();
        return Set.copyOf(List.of(
                JavaNames.simpleName(factory.qualifiedName()), display.substring(display.lastIndexOf(' ') + 1)));
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
        visits.enter(MethodCallExpr.class, (call, context) -> {
            if (!visit(call, factory -> calls(call, factory, context.names()), context)) {
                createdThroughProject(call, context);
            }
        });
    }

    /** Whether the expression is one of the table's creations (reported if it is a throwaway). */
    private boolean visit(Expression creation, Predicate<Factory> createdBy, SourceContext context) {
        for (Factory factory : creations.factories()) {
            if (!createdBy.test(factory)) {
                continue;
            }
            Optional<Expression> value = valueOf(creation, factory);
            if (value.isEmpty() || runsOnce(value.get())) {
                return true;
            }
            boolean throwaway = Lifetimes.isThrowaway(value.get(), creations::isView);
            // Handed to a helper once: a throwaway if the helper, once the project is read, uses it and drops it.
            Optional<Lifetimes.HandOff> handOff =
                    throwaway ? Optional.empty() : Lifetimes.handOff(value.get(), creations::isView);
            if (!throwaway && handOff.isEmpty()) {
                return true;
            }
            Optional<Node> repeating = Repetition.repeatingContext(value.get());
            if (isWorthReporting(factory, value.get(), repeating, context)) {
                String message = creations.message(factory, unit(repeating));
                if (throwaway) {
                    context.report(value.get(), message, repeats(repeating), Optional.empty());
                } else {
                    context.reportIfDropped(
                            value.get(), handOff.get().call(), handOff.get().argument(), message, repeats(repeating));
                }
            }
            return true;
        }
        return false;
    }

    /**
     * A call of the project's code that returns one of these objects, just created, used here and dropped: {@code
     * ObjectMapper mapper = Json.newMapper(); return mapper.writeValueAsString(order);} makes a mapper per call as
     * surely as {@code new ObjectMapper()} would. Only a call kept in a local declared as one of the objects' types is
     * followed, so that the file names the type.
     */
    private void createdThroughProject(MethodCallExpr call, SourceContext context) {
        if (!(call.getParentNode().orElse(null) instanceof VariableDeclarator local)
                || !local.getType().isClassOrInterfaceType()) {
            return;
        }
        String declared = local.getType().asClassOrInterfaceType().getNameAsString();
        Optional<Factory> factory = creations.factories().stream()
                .filter(f -> typeNames(f).contains(declared))
                .findFirst();
        if (factory.isEmpty() || runsOnce(call) || !Lifetimes.isThrowaway(call, creations::isView)) {
            return;
        }
        Optional<Node> repeating = Repetition.repeatingContext(call);
        if (isWorthReporting(factory.get(), call, repeating, context)) {
            context.reportThrough(
                    call.getName(),
                    call,
                    Map.of(
                            creations.returned(),
                            "This code " + DeferredFinding.THROUGH + ". "
                                    + creations.message(factory.get(), unit(repeating))),
                    Integer.MAX_VALUE,
                    repeats(repeating));
        }
    }

    /** Whether the object is made once, not per call: in set-up code, in one-off code, or once per session. */
    private static boolean runsOnce(Expression value) {
        return Lifetimes.isSetUpCode(value) || OneOffCode.runsOnce(value) || OneOffCode.opensASession(value);
    }

    /**
     * Whether a throwaway is worth reporting where it is made: anywhere but set-up code for an object that can simply
     * be shared; only where it visibly repeats (a loop or per-element lambda, a handler, a method of the class called
     * from one) for one that cannot.
     */
    private static boolean isWorthReporting(
            Factory factory, Expression value, Optional<Node> repeating, SourceContext context) {
        return factory.scope() == PerCallCreations.Scope.ANY_METHOD
                || repeating.isPresent()
                || runsPerRequest(value, context.names());
    }

    /** What repeats a creation, for the message: a loop's iteration, a per-element lambda's element, or the call. */
    private static String unit(Optional<Node> repeating) {
        return repeating
                .map(place -> place instanceof MethodCallExpr ? PerCallCreations.ELEMENT : PerCallCreations.ITERATION)
                .orElse(PerCallCreations.CALL);
    }

    /** The loop or per-element lambda that repeats a creation, as the finding's secondary location. */
    private static List<SourceContext.Secondary> repeats(Optional<Node> repeating) {
        return repeating
                .map(loop -> List.of(RepeatingContexts.secondary(loop, PerCallCreations.REPEATS)))
                .orElse(List.of());
    }

    /**
     * The factory of the table that makes {@code value}, when it is one of its creations: a constructor or factory
     * call, or the call that ends a builder's chain ({@code HttpClient.newBuilder()….build()}).
     */
    static Optional<Factory> factoryOf(Expression value, PerCallCreations creations, SourceContext context) {
        JavaNames names = context.names();
        for (Factory factory : creations.factories()) {
            if (value instanceof ObjectCreationExpr created && constructs(created, factory, names)) {
                return Optional.of(factory);
            }
            if (!(value instanceof MethodCallExpr call)) {
                continue;
            }
            if (factory.terminal() == null && calls(call, factory, names)) {
                return Optional.of(factory);
            }
            if (factory.terminal() != null && call.getNameAsString().equals(factory.terminal())) {
                for (Expression link = call.getScope().orElse(null);
                        link instanceof MethodCallExpr chained;
                        link = chained.getScope().orElse(null)) {
                    if (calls(chained, factory, names)) {
                        return Optional.of(factory);
                    }
                }
            }
        }
        return Optional.empty();
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
