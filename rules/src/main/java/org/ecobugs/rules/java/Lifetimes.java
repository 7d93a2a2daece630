package org.ecobugs.rules.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * How long an object created in a method lives, read from source: whether the code around it runs once (set-up code:
 * constructors, initializers, {@code main}, {@code @Bean} factories…), and whether the method uses the new object and
 * drops it (a throwaway) rather than keeping it (a field, a return value, an argument, a captured variable).
 */
public final class Lifetimes {

    /** Annotations of methods a framework calls once to set things up, by simple name. */
    private static final Set<String> SET_UP_ANNOTATIONS = Set.of(
            "Bean",
            "Produces",
            "Provides",
            "PostConstruct",
            "BeforeAll",
            "BeforeClass",
            "BeforeEach",
            "Before",
            "Test",
            "ParameterizedTest");

    /** How many calls returning the object or a view of it are followed ({@code mapper.enable(…).registerModule(…)}). */
    private static final int MAX_DEPTH = 8;

    /** Names of configuration calls that usually return the object itself, so that their result is the object. */
    private static final List<String> CONFIGURATION_PREFIXES = List.of(
            "set", "enable", "disable", "configure", "register", "add", "with", "activate", "deactivate", "find");

    private Lifetimes() {}

    /**
     * Whether {@code node} sits in code that runs once per object or per application rather than per call: a field
     * initializer, an initializer block, a constructor, {@code public static void main(String[])}, a method annotated
     * as a factory or set-up method ({@code @Bean}, {@code @Produces}, {@code @Provides}, {@code @PostConstruct}, test
     * set-ups and tests), or a lambda inside any of them.
     */
    public static boolean isSetUpCode(Node node) {
        Optional<Node> owner = OneOffCode.enclosingCode(node);
        if (owner.isEmpty()) {
            return true;
        }
        if (owner.get() instanceof MethodDeclaration method) {
            return OneOffCode.isMain(method) || hasSetUpAnnotation(method.getAnnotations());
        }
        return true;
    }

    private static boolean hasSetUpAnnotation(List<AnnotationExpr> annotations) {
        return annotations.stream()
                .anyMatch(a -> SET_UP_ANNOTATIONS.contains(JavaNames.simpleName(a.getNameAsString())));
    }

    /**
     * Whether the object that {@code value} evaluates to is used by the method that creates it and then dropped:
     * every use is a call on it (or a null check), in the same lambda or method body and not in a loop that the
     * creation is outside of (a client built once and used in a loop is amortised). Any other use — stored in a
     * field, returned, passed as an argument, captured by a lambda, assigned to another variable — keeps it alive. The
     * result of a call that may return the object itself (a configuration call, see {@link #isConfigurationCall}) or a
     * {@code view} of it (a call whose result holds on to it, like {@code mapper.writer()} or {@code
     * client.target(url)}) is followed the same way. An object that is never used is not a throwaway: there is nothing
     * to say about it.
     */
    public static boolean isThrowaway(Expression value, Predicate<String> view) {
        return new Walk(value, view, false).fate(value, 0) == Fate.DROPPED;
    }

    /**
     * A call the object is handed to as an argument, and the argument's position.
     *
     * @param call the call given the object
     * @param argument the 0-based position of the object among the call's arguments
     */
    public record HandOff(MethodCallExpr call, int argument) {}

    /**
     * The one call the method hands the object to, when that is all that keeps it from being a throwaway (see {@link
     * #isThrowaway}): the method uses it and drops it, but for passing it once as an argument ({@code
     * toJson(new ObjectMapper(), order)}). Whether the callee keeps it is for the callee's code to tell.
     */
    public static Optional<HandOff> handOff(Expression value, Predicate<String> view) {
        Walk walk = new Walk(value, view, true);
        if (walk.fate(value, 0) != Fate.DROPPED || walk.handOffs.size() != 1) {
            return Optional.empty();
        }
        return Optional.of(walk.handOffs.get(0));
    }

    /**
     * Whether a call of this name is a configuration call that fluent APIs make return the object itself ({@code
     * set…}, {@code enable…}, {@code configure…}, {@code register…}…), so that its result may be the object.
     */
    public static boolean isConfigurationCall(String method) {
        for (String prefix : CONFIGURATION_PREFIXES) {
            if (method.startsWith(prefix)
                    && (method.length() == prefix.length() || !Character.isLowerCase(method.charAt(prefix.length())))) {
                return true;
            }
        }
        return false;
    }

    /** What becomes of a value: never used, used and dropped, or kept beyond the call. */
    private enum Fate {
        UNUSED,
        DROPPED,
        KEPT
    }

    /** One throwaway check: the creation, the view predicate, and the locals already being followed. */
    private static final class Walk {
        private final Expression creation;
        private final Predicate<String> view;
        private final Set<VariableDeclarator> followed = new HashSet<>();
        /** The calls the object is passed to, when they are collected rather than taken to keep it; else null. */
        private final List<HandOff> handOffs;

        Walk(Expression creation, Predicate<String> view, boolean collectHandOffs) {
            this.creation = creation;
            this.view = view;
            this.handOffs = collectHandOffs ? new ArrayList<>() : null;
        }

        /** Whether the value is an argument of a call that is collected as a hand-off. */
        private boolean handedOff(Node value, Node parent) {
            if (handOffs == null
                    || !(parent instanceof MethodCallExpr call)
                    || call.getScope().orElse(null) == value) {
                return false;
            }
            int argument = call.getArguments().indexOf(value);
            if (argument < 0) {
                return false;
            }
            handOffs.add(new HandOff(call, argument));
            return true;
        }

        Fate fate(Expression value, int depth) {
            Expression current = value;
            Node parent = current.getParentNode().orElse(null);
            while (parent instanceof EnclosedExpr enclosed) {
                current = enclosed;
                parent = enclosed.getParentNode().orElse(null);
            }
            if (parent instanceof MethodCallExpr call && call.getScope().orElse(null) == current) {
                return callFate(call, depth);
            }
            if (handedOff(current, parent)) {
                return Fate.DROPPED;
            }
            if (parent instanceof ExpressionStmt) {
                return Fate.UNUSED;
            }
            if (parent instanceof VariableDeclarator variable
                    && variable.getInitializer().orElse(null) == current
                    && !(variable.getParentNode().orElse(null) instanceof FieldDeclaration)) {
                return localFate(variable, depth);
            }
            if (parent instanceof AssignExpr assign
                    && assign.getValue() == current
                    && assign.getOperator() == AssignExpr.Operator.ASSIGN
                    && assign.getParentNode().orElse(null) instanceof ExpressionStmt
                    && assign.getTarget() instanceof NameExpr target) {
                Optional<Scopes.Declaration> declaration = Scopes.declarationOf(target);
                if (declaration.isPresent()
                        && !declaration.get().field()
                        && declaration.get().node() instanceof VariableDeclarator variable) {
                    return localFate(variable, depth);
                }
            }
            return Fate.KEPT;
        }

        /** A call on the object drops it, unless the call returns the object or a view of it, which is kept. */
        private Fate callFate(MethodCallExpr call, int depth) {
            String name = call.getNameAsString();
            if (!view.test(name) && !isConfigurationCall(name)) {
                return Fate.DROPPED;
            }
            if (depth >= MAX_DEPTH) {
                return Fate.KEPT;
            }
            return fate(call, depth + 1) == Fate.KEPT ? Fate.KEPT : Fate.DROPPED;
        }

        private Fate localFate(VariableDeclarator variable, int depth) {
            if (!followed.add(variable)) {
                return Fate.UNUSED;
            }
            Optional<Node> region = variable.findAncestor(
                    n -> n instanceof CallableDeclaration<?>
                            || n instanceof LambdaExpr
                            || n instanceof TypeDeclaration<?>,
                    Node.class);
            if (region.isEmpty() || region.get() instanceof TypeDeclaration<?>) {
                return Fate.KEPT;
            }
            String name = variable.getNameAsString();
            boolean used = false;
            for (NameExpr use : region.get().findAll(NameExpr.class)) {
                if (!use.getNameAsString().equals(name)
                        || Scopes.declarationOf(use)
                                        .map(Scopes.Declaration::node)
                                        .orElse(null)
                                != variable) {
                    continue;
                }
                Node parent = use.getParentNode().orElse(null);
                if ((parent instanceof AssignExpr assign && assign.getTarget() == use)
                        || (parent instanceof BinaryExpr comparison && isNullCheck(comparison))) {
                    continue;
                }
                if (!sameBody(use, region.get()) || isAmortised(use, creation)) {
                    return Fate.KEPT;
                }
                if (handedOff(use, parent)) {
                    used = true;
                    continue;
                }
                if (!(parent instanceof MethodCallExpr call && call.getScope().orElse(null) == use)
                        || callFate(call, depth) == Fate.KEPT) {
                    return Fate.KEPT;
                }
                used = true;
            }
            return used ? Fate.DROPPED : Fate.UNUSED;
        }
    }

    private static boolean isNullCheck(BinaryExpr comparison) {
        return (comparison.getOperator() == BinaryExpr.Operator.EQUALS
                        || comparison.getOperator() == BinaryExpr.Operator.NOT_EQUALS)
                && (comparison.getLeft().isNullLiteralExpr()
                        || comparison.getRight().isNullLiteralExpr());
    }

    /** Whether {@code use} is in {@code region} itself, not in a lambda or an anonymous class nested in it. */
    private static boolean sameBody(Node use, Node region) {
        Optional<Node> parent = use.getParentNode();
        while (parent.isPresent() && parent.get() != region) {
            Node current = parent.get();
            if (current instanceof LambdaExpr
                    || (current instanceof ObjectCreationExpr creation
                            && creation.getAnonymousClassBody().isPresent())
                    || current instanceof TypeDeclaration<?>) {
                return false;
            }
            parent = current.getParentNode();
        }
        return true;
    }

    /** Whether {@code use} repeats in a loop that {@code creation} is not part of: the object is reused. */
    private static boolean isAmortised(Node use, Node creation) {
        Optional<Node> repeating = Repetition.repeatingContext(use);
        return repeating.isPresent() && !creation.isDescendantOf(repeating.get());
    }
}
