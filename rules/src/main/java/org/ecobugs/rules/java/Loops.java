package org.ecobugs.rules.java;

import com.github.javaparser.JavaToken;
import com.github.javaparser.Range;
import com.github.javaparser.TokenRange;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** The parts of {@code while}, {@code do}, {@code for} and enhanced {@code for} loops, seen alike. */
public final class Loops {

    /** The words every loop statement is written with ({@code do} loops end with {@code while}). */
    public static final Set<String> KEYWORDS = Set.of("for", "while");

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

    /**
     * The header of a {@code for} loop, from the keyword to the parenthesis that closes it, without the body: where a
     * finding on a loop without a condition is shown. Empty when the parse kept no tokens.
     */
    public static Optional<Range> header(ForStmt loop) {
        Optional<JavaToken> token =
                loop.getBody().getTokenRange().map(TokenRange::getBegin).flatMap(JavaToken::getPreviousToken);
        while (token.isPresent() && token.get().getCategory().isWhitespaceOrComment()) {
            token = token.get().getPreviousToken();
        }
        Optional<Range> close = token.filter(t -> t.getText().equals(")")).flatMap(JavaToken::getRange);
        return close.flatMap(c -> loop.getBegin().map(begin -> new Range(begin, c.end)));
    }

    /**
     * The statements of a loop's body that leave it: {@code return}, {@code throw}, a {@code break} of this loop or of
     * an enclosing statement, a {@code continue} of an enclosing loop, and {@code System.exit}. Code in lambdas and in
     * nested or anonymous classes does not leave the loop, nor does a {@code break} of a nested loop or switch.
     */
    public static List<Node> exits(Statement loop) {
        List<Node> exits = new ArrayList<>();
        collectExits(body(loop), loop, exits);
        return exits;
    }

    /** Whether some statement of the loop's body leaves it (see {@link #exits}). */
    public static boolean hasExit(Statement loop) {
        return !exits(loop).isEmpty();
    }

    private static void collectExits(Node node, Statement loop, List<Node> exits) {
        if (node instanceof LambdaExpr
                || node instanceof TypeDeclaration<?>
                || node instanceof CallableDeclaration<?>
                || (node instanceof ObjectCreationExpr creation
                        && creation.getAnonymousClassBody().isPresent())) {
            if (node instanceof ObjectCreationExpr creation) {
                // The constructor's arguments run in the loop; the anonymous class body does not.
                creation.getArguments().forEach(argument -> collectExits(argument, loop, exits));
            }
            return;
        }
        if (isExit(node, loop)) {
            exits.add(node);
        }
        for (Node child : node.getChildNodes()) {
            collectExits(child, loop, exits);
        }
    }

    private static boolean isExit(Node node, Statement loop) {
        if (node instanceof ReturnStmt || node instanceof ThrowStmt) {
            return true;
        }
        if (node instanceof MethodCallExpr call) {
            return call.getNameAsString().equals("exit")
                    && call.getScope()
                            .map(s -> s.toString().equals("System")
                                    || s.toString().equals("java.lang.System"))
                            .orElse(false);
        }
        if (node instanceof BreakStmt breakStmt) {
            return breakStmt.getLabel().isPresent()
                    ? !labelInside(breakStmt, breakStmt.getLabel().get(), loop)
                    : nearestBreakTarget(breakStmt) == loop;
        }
        if (node instanceof ContinueStmt continueStmt && continueStmt.getLabel().isPresent()) {
            SimpleName label = continueStmt.getLabel().get();
            boolean ownLabel = loop.getParentNode()
                    .filter(LabeledStmt.class::isInstance)
                    .map(p -> ((LabeledStmt) p).getLabel().equals(label))
                    .orElse(false);
            return !ownLabel && !labelInside(continueStmt, label, loop);
        }
        return false;
    }

    /** Whether the statement labelled {@code label} that a jump refers to is inside the loop. */
    private static boolean labelInside(Statement jump, SimpleName label, Statement loop) {
        Node current = jump.getParentNode().orElse(null);
        while (current != null && current != loop) {
            if (current instanceof LabeledStmt labeled && labeled.getLabel().equals(label)) {
                return true;
            }
            current = current.getParentNode().orElse(null);
        }
        return false;
    }

    private static Node nearestBreakTarget(BreakStmt breakStmt) {
        return breakStmt
                .findAncestor(n -> isLoop(n) || n instanceof SwitchStmt, Node.class)
                .orElse(null);
    }

    /**
     * The parts of a loop that run at every iteration: the body of an enhanced {@code for}; the condition, update and
     * body of a {@code for}; all of a {@code while} or {@code do}.
     */
    public static List<Node> repeatedParts(Statement loop) {
        if (loop instanceof ForEachStmt forEach) {
            return List.of(forEach.getBody());
        }
        if (loop instanceof ForStmt forStmt) {
            List<Node> parts = new ArrayList<>();
            forStmt.getCompare().ifPresent(parts::add);
            parts.addAll(forStmt.getUpdate());
            parts.add(forStmt.getBody());
            return parts;
        }
        return List.of(loop);
    }

    /**
     * Whether the number of iterations is fixed by the code: a counted {@code for} from a constant to a constant
     * ({@code for (int i = 0; i < 8; i++)}) with at most {@code maxIterations} steps, or an enhanced {@code for} over an
     * enum's {@code values()} or over an array written out in the code. Such a loop does the same work whatever the
     * input.
     */
    public static boolean isBoundedByConstant(Statement loop, ConstantFolder constants, long maxIterations) {
        if (loop instanceof ForEachStmt forEach) {
            return isConstantArray(forEach.getIterable());
        }
        if (!(loop instanceof ForStmt forStmt)
                || forStmt.getInitialization().size() != 1
                || !(forStmt.getInitialization().get(0) instanceof VariableDeclarationExpr init)
                || init.getVariables().size() != 1
                || forStmt.getCompare().isEmpty()) {
            return false;
        }
        VariableDeclarator counter = init.getVariable(0);
        OptionalLong start = counter.getInitializer().map(constants::integer).orElse(OptionalLong.empty());
        if (start.isEmpty()) {
            return false;
        }
        for (Expression term : conjuncts(forStmt.getCompare().get())) {
            if (!(term instanceof BinaryExpr comparison) || !isOrdering(comparison.getOperator())) {
                continue;
            }
            Expression other = null;
            if (isName(comparison.getLeft(), counter.getNameAsString())) {
                other = comparison.getRight();
            } else if (isName(comparison.getRight(), counter.getNameAsString())) {
                other = comparison.getLeft();
            }
            OptionalLong end = other == null ? OptionalLong.empty() : constants.integer(other);
            if (end.isPresent() && Math.abs(end.getAsLong() - start.getAsLong()) <= maxIterations) {
                return true;
            }
        }
        return false;
    }

    private static boolean isName(Expression expression, String name) {
        return expression instanceof NameExpr n && n.getNameAsString().equals(name);
    }

    /** The terms of a condition joined by {@code &&}, parentheses looked through: {@code a && (b && c)} gives three. */
    public static List<Expression> conjuncts(Expression condition) {
        Expression e = condition;
        while (e instanceof EnclosedExpr enclosed) {
            e = enclosed.getInner();
        }
        if (e instanceof BinaryExpr and && and.getOperator() == BinaryExpr.Operator.AND) {
            List<Expression> terms = new ArrayList<>(conjuncts(and.getLeft()));
            terms.addAll(conjuncts(and.getRight()));
            return terms;
        }
        return List.of(e);
    }

    private static boolean isOrdering(BinaryExpr.Operator operator) {
        return switch (operator) {
            case LESS, LESS_EQUALS, GREATER, GREATER_EQUALS -> true;
            default -> false;
        };
    }

    /** {@code Kind.values()}, {@code new String[] {…}}, or a local initialised with {@code {…}} and never reassigned. */
    private static boolean isConstantArray(Expression iterable) {
        if (iterable instanceof MethodCallExpr call) {
            // A constant-named map's values() reads the same: the scope must name a type, not a variable.
            return call.getNameAsString().equals("values")
                    && call.getArguments().isEmpty()
                    && call.getScope()
                            .filter(s -> Character.isUpperCase(
                                    JavaNames.simpleName(s.toString()).charAt(0)))
                            .filter(s -> Scopes.variableName(s)
                                    .flatMap(name -> Scopes.declarationOf(s, name))
                                    .isEmpty())
                            .isPresent();
        }
        if (iterable instanceof ArrayCreationExpr creation) {
            return creation.getInitializer().isPresent();
        }
        if (iterable instanceof NameExpr name) {
            return Scopes.declarationOf(name)
                    .filter(d -> !d.field() && Scopes.isNeverReassigned(d, null))
                    .flatMap(Scopes.Declaration::initializer)
                    .filter(init -> init instanceof ArrayInitializerExpr
                            || (init instanceof ArrayCreationExpr creation
                                    && creation.getInitializer().isPresent()))
                    .isPresent();
        }
        return false;
    }
}
