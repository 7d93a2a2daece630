package org.ecobugs.rules.engine;

import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.EffectClassifier;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.java.JavaNames;
import org.ecobugs.rules.java.Scopes;
import org.ecobugs.rules.project.CallSite;
import org.ecobugs.rules.project.Effect;
import org.ecobugs.rules.project.FileSummary;
import org.ecobugs.rules.project.MethodSummary;
import org.ecobugs.rules.project.Site;
import org.ecobugs.rules.project.TypeSummary;

/**
 * Summarises what a parsed file declares for the {@link org.ecobugs.rules.project.ProjectModel}: its types, and for
 * each method its effects and its calls that may run the project's own methods. Receivers are typed as the rules type
 * them, from declarations and imports; calls on the JDK's types are left out, since they never run project code.
 */
final class MethodSummaries {

    private final EffectClassifier classifier;

    MethodSummaries(EffectClassifier classifier) {
        this.classifier = classifier;
    }

    FileSummary of(CompilationUnit unit, SourceContext context) {
        List<TypeSummary> types = new ArrayList<>();
        List<MethodSummary> methods = new ArrayList<>();
        JavaNames names = context.names();
        for (TypeDeclaration<?> type : unit.findAll(TypeDeclaration.class)) {
            Optional<String> name = type.getFullyQualifiedName();
            if (name.isEmpty()) {
                continue; // a local class: no other code can call it
            }
            String outer = type.getParentNode()
                    .filter(TypeDeclaration.class::isInstance)
                    .flatMap(parent -> ((TypeDeclaration<?>) parent).getFullyQualifiedName())
                    .orElse(null);
            boolean isInterface = type instanceof ClassOrInterfaceDeclaration declaration && declaration.isInterface();
            List<String> supertypes = new ArrayList<>();
            if (type instanceof ClassOrInterfaceDeclaration declaration) {
                declaration.getExtendedTypes().forEach(t -> supertypes.add(typeName(t, names)));
                declaration.getImplementedTypes().forEach(t -> supertypes.add(typeName(t, names)));
            }
            types.add(new TypeSummary(name.get(), outer, isInterface, supertypes));
            for (MethodDeclaration method : type.getMethods()) {
                methods.add(method(name.get(), method, context));
            }
        }
        return types.isEmpty() ? FileSummary.EMPTY : new FileSummary(types, methods);
    }

    private MethodSummary method(String owner, MethodDeclaration method, SourceContext context) {
        List<Effect> effects = new ArrayList<>();
        List<CallSite> calls = new ArrayList<>();
        List<CallSite> returnedCalls = new ArrayList<>();
        int statements = 0;
        Optional<BlockStmt> body = method.getBody();
        if (body.isPresent() && !isCache(owner, method)) {
            for (Statement statement : body.get().findAll(Statement.class)) {
                if (!(statement instanceof BlockStmt)) {
                    statements++;
                }
            }
            for (MethodCallExpr call : body.get().findAll(MethodCallExpr.class)) {
                if (runsOnceOrOnAMiss(call, body.get())) {
                    continue;
                }
                boolean returnedAsIs = isReturnedAsIs(call, body.get());
                Optional<EffectClassifier.Classified> effect = classifier.classify(call, context);
                effect.ifPresent(found -> effects.add(effect(found, context)));
                if (returnedAsIs) {
                    classifier.classifyReturned(call, context).ifPresent(found -> effects.add(effect(found, context)));
                }
                if (effect.isEmpty()) {
                    Optional<CallSite> site = receiver(call.getScope().orElse(null), owner, context)
                            .map(receiver -> new CallSite(
                                    call.getNameAsString(),
                                    call.getArguments().size(),
                                    receiver,
                                    site(context.path(), call.getName())));
                    site.ifPresent(calls::add);
                    site.filter(s -> returnedAsIs).ifPresent(returnedCalls::add);
                }
            }
            for (ObjectCreationExpr creation : body.get().findAll(ObjectCreationExpr.class)) {
                if (!runsOnceOrOnAMiss(creation, body.get()) && isReturnedAsIs(creation, body.get())) {
                    classifier
                            .classifyReturned(creation, context)
                            .ifPresent(found -> effects.add(effect(found, context)));
                }
            }
            for (ReturnStmt returned : body.get().findAll(ReturnStmt.class)) {
                // A local returned after calls on it: what the calls made of it may be what the callers get.
                if (returned.getExpression().orElse(null) instanceof NameExpr local
                        && isOwnStatement(returned, body.get())
                        && !runsOnceOrOnAMiss(returned, body.get())) {
                    classifier.classifyReturned(local, context).ifPresent(found -> effects.add(effect(found, context)));
                }
            }
            for (MethodReferenceExpr reference : body.get().findAll(MethodReferenceExpr.class)) {
                if (runsOnceOrOnAMiss(reference, body.get())) {
                    continue;
                }
                Expression scope = reference.getScope();
                Optional<CallSite.Receiver> receiver = scope instanceof TypeExpr typeExpr
                        ? Optional.of(CallSite.Receiver.type(typeName(typeExpr.getType(), context.names())))
                        : receiver(scope, owner, context);
                receiver.filter(r -> !isJdk(r.type()))
                        .ifPresent(r -> calls.add(new CallSite(
                                reference.getIdentifier(), CallSite.ANY_ARITY, r, site(context.path(), reference))));
            }
        }
        Type returned = method.getType();
        String returnType = returned.isClassOrInterfaceType() ? typeName(returned, context.names()) : null;
        return new MethodSummary(
                owner,
                method.getNameAsString(),
                method.getParameters().size(),
                returnType,
                statements,
                body.isEmpty(),
                site(context.path(), method.getName()),
                effects,
                calls,
                returnedCalls,
                body.isPresent() ? droppedParameters(method, body.get()) : List.of());
    }

    /** The positions of the parameters the method only calls methods on and drops (see {@link #drops}). */
    private List<Integer> droppedParameters(MethodDeclaration method, BlockStmt body) {
        List<Integer> dropped = new ArrayList<>();
        for (int i = 0; i < method.getParameters().size(); i++) {
            Parameter parameter = method.getParameter(i);
            if (parameter.getType().isClassOrInterfaceType() && drops(parameter, body)) {
                dropped.add(i);
            }
        }
        return dropped;
    }

    /**
     * Whether every use of the parameter in the method's own code is a call on it — one whose result is discarded, or
     * cannot be the object or hold on to it ({@link EffectClassifier#mayKeepReceiver}) — or a null check: the object
     * given is used and dropped. Any other use (stored, returned, passed on, captured by a lambda) may keep it.
     */
    private boolean drops(Parameter parameter, BlockStmt body) {
        String name = parameter.getNameAsString();
        boolean used = false;
        for (NameExpr use :
                body.findAll(NameExpr.class, n -> n.getNameAsString().equals(name))) {
            Node parent = use.getParentNode().orElse(null);
            if (parent instanceof BinaryExpr test
                    && (test.getLeft().isNullLiteralExpr() || test.getRight().isNullLiteralExpr())) {
                continue;
            }
            if (!(parent instanceof MethodCallExpr call)
                    || call.getScope().orElse(null) != use
                    || !isOwnStatement(call, body)
                    || Scopes.declarationOf(use).map(d -> d.node() != parameter).orElse(true)) {
                return false;
            }
            if (!(call.getParentNode().orElse(null) instanceof ExpressionStmt)
                    && classifier.mayKeepReceiver(call.getNameAsString())) {
                return false;
            }
            used = true;
        }
        return used;
    }

    private static Effect effect(EffectClassifier.Classified found, SourceContext context) {
        return new Effect(found.kind(), found.what(), found.doing(), site(context.path(), found.at()));
    }

    /**
     * Whether the method returns the value as is: {@code return call(…);}, {@code return new X();}, or through a local
     * that is only returned ({@code List<X> rows = call(…); return rows;}), not from a lambda or a class nested in the
     * method.
     */
    private static boolean isReturnedAsIs(Expression returned, BlockStmt body) {
        Node value = returned;
        Node parent = returned.getParentNode().orElse(null);
        while (parent instanceof EnclosedExpr || parent instanceof CastExpr) {
            value = parent;
            parent = parent.getParentNode().orElse(null);
        }
        if (parent instanceof ReturnStmt returnStmt) {
            return isOwnStatement(returnStmt, body);
        }
        if (!(parent instanceof VariableDeclarator local)
                || local.getInitializer().orElse(null) != value
                || !(local.getParentNode().orElse(null) instanceof VariableDeclarationExpr)
                || !isOwnStatement(local, body)) {
            return false;
        }
        boolean returnedOnce = false;
        for (NameExpr use :
                body.findAll(NameExpr.class, n -> n.getNameAsString().equals(local.getNameAsString()))) {
            if (!(use.getParentNode().orElse(null) instanceof ReturnStmt returnStmt)
                    || !isOwnStatement(returnStmt, body)) {
                return false;
            }
            returnedOnce = true;
        }
        return returnedOnce;
    }

    /** Whether a node belongs to the method's own code, not to a lambda or a class declared in it. */
    private static boolean isOwnStatement(Node node, BlockStmt body) {
        for (Node parent = node.getParentNode().orElse(null);
                parent != null && parent != body;
                parent = parent.getParentNode().orElse(null)) {
            if (parent instanceof LambdaExpr
                    || parent instanceof TypeDeclaration<?>
                    || (parent instanceof ObjectCreationExpr created
                            && created.getAnonymousClassBody().isPresent())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a method is a cache: its type is named one ({@code CacheTagDefinitionDao}, {@code ResourceTypeCacheSvc}),
     * or it is annotated {@code @Cacheable} or {@code @CacheResult}. What it fetches, it fetches on a miss only, which
     * a caller cannot count on per call.
     */
    private static boolean isCache(String owner, MethodDeclaration method) {
        return JavaNames.simpleName(owner).contains("Cach")
                || method.getAnnotationByName("Cacheable").isPresent()
                || method.getAnnotationByName("CacheResult").isPresent();
    }

    /**
     * Whether code runs once rather than per call: under a lazy initialisation ({@code if (ids == null) { ids = …; }}:
     * the test of a field against {@code null}), or in the loader a cache or a map runs on a miss ({@code
     * computeIfAbsent(key, k -> …)}, {@code cache.get(key, k -> …)}).
     */
    private static boolean runsOnceOrOnAMiss(Node node, Node body) {
        Node child = node;
        for (Node parent = node.getParentNode().orElse(null);
                parent != null && child != body;
                child = parent, parent = parent.getParentNode().orElse(null)) {
            if (parent instanceof IfStmt ifStmt
                    && ifStmt.getThenStmt() == child
                    && testsAFieldForNull(ifStmt.getCondition())) {
                return true;
            }
            if (parent instanceof MethodCallExpr loader
                    && loader.getArguments().contains(child)
                    && (child instanceof LambdaExpr || child instanceof MethodReferenceExpr)
                    && (loader.getNameAsString().equals("computeIfAbsent")
                            || (loader.getNameAsString().equals("get")
                                    && loader.getArguments().size() == 2))) {
                return true;
            }
        }
        return false;
    }

    /** {@code size == null}, {@code this.ids == null || ids.isEmpty()}: the test of a lazy initialisation. */
    private static boolean testsAFieldForNull(Expression condition) {
        for (BinaryExpr test : condition.findAll(BinaryExpr.class)) {
            if (test.getOperator() != BinaryExpr.Operator.EQUALS) {
                continue;
            }
            Expression tested = test.getRight().isNullLiteralExpr()
                    ? test.getLeft()
                    : test.getLeft().isNullLiteralExpr() ? test.getRight() : null;
            if (tested instanceof FieldAccessExpr field && field.getScope() instanceof ThisExpr) {
                return true;
            }
            if (tested instanceof NameExpr name
                    && Scopes.declarationOf(name).map(Scopes.Declaration::field).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Lookups that return an object of the class they are given ({@code Context.getService(PatientService.class)},
     * {@code context.getBean(PatientService.class)}, {@code injector.getInstance(…)}): their result is of that class.
     */
    private static final Set<String> LOOKUPS = Set.of("getService", "getBean", "getInstance", "lookup", "getComponent");

    /** A call as the project model follows it, when its receiver may be the project's code. */
    @SuppressWarnings("unchecked")
    static Optional<CallSite> callSite(MethodCallExpr call, SourceContext context) {
        return call.findAncestor(TypeDeclaration.class)
                .flatMap(type -> ((TypeDeclaration<?>) type).getFullyQualifiedName())
                .flatMap(owner -> receiver(call.getScope().orElse(null), owner, context))
                .map(receiver -> new CallSite(
                        call.getNameAsString(),
                        call.getArguments().size(),
                        receiver,
                        site(context.path(), call.getName())));
    }

    /** What a call is made on, when it may be the project's code; empty for the JDK's types and unknown receivers. */
    private static Optional<CallSite.Receiver> receiver(Expression scope, String owner, SourceContext context) {
        if (scope == null || scope instanceof ThisExpr) {
            return Optional.of(CallSite.Receiver.self(owner));
        }
        Optional<CallSite.Receiver> receiver = Optional.empty();
        if (scope instanceof NameExpr name) {
            Optional<Scopes.Declaration> declaration = Scopes.declarationOf(name);
            if (declaration.isPresent()) {
                receiver = declaredType(declaration.get(), context);
            } else if (Character.isUpperCase(name.getNameAsString().charAt(0))) {
                String spelled = name.getNameAsString();
                receiver = Optional.of(
                        CallSite.Receiver.type(context.names().resolve(spelled).orElse(spelled)));
            }
        } else if (scope instanceof FieldAccessExpr field && field.getScope() instanceof ThisExpr) {
            receiver = Scopes.declarationOf(field, field.getNameAsString())
                    .filter(Scopes.Declaration::field)
                    .flatMap(declaration -> declaredType(declaration, context));
        } else if (scope instanceof MethodCallExpr lookup
                && LOOKUPS.contains(lookup.getNameAsString())
                && lookup.getArguments().isNonEmpty()
                && lookup.getArguments().getLast().orElseThrow() instanceof ClassExpr wanted) {
            receiver = Optional.of(CallSite.Receiver.type(typeName(wanted.getType(), context.names())));
        } else if (scope instanceof MethodCallExpr getter
                && getter.getArguments().isEmpty()) {
            receiver = receiver(getter.getScope().orElse(null), owner, context)
                    .filter(declaring -> declaring.kind() != CallSite.Receiver.Kind.GETTER)
                    .map(declaring -> CallSite.Receiver.getter(declaring.type(), getter.getNameAsString()));
        }
        return receiver.filter(r -> !isJdk(r.type()));
    }

    private static Optional<CallSite.Receiver> declaredType(Scopes.Declaration declaration, SourceContext context) {
        Type type = declaration.type();
        return type.isClassOrInterfaceType()
                ? Optional.of(CallSite.Receiver.type(typeName(type, context.names())))
                : Optional.empty();
    }

    /** A type's fully qualified name when the file tells it, else its simple name. */
    private static String typeName(Type type, JavaNames names) {
        if (type instanceof ClassOrInterfaceType classType) {
            String spelled = classType.getNameWithScope();
            return names.resolve(spelled).orElse(JavaNames.simpleName(spelled));
        }
        return type.asString();
    }

    private static boolean isJdk(String type) {
        return type.startsWith("java.") || type.startsWith("javax.") || type.startsWith("jakarta.");
    }

    static Site site(Path file, Node node) {
        Range range = node.getRange().orElseThrow();
        return new Site(file, range.begin.line, range.begin.column, range.end.line, range.end.column);
    }
}
