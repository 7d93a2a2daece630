package org.ecobugs.rules.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tells whether code runs once per element or iteration: inside the repeated part of a loop (its body, condition or
 * update, not the collection an enhanced {@code for} iterates over), or in a lambda handed to a stream or collection
 * operation that calls it per element ({@code forEach}, {@code map}, {@code filter}, …). The search stops at the
 * enclosing method, class, or a lambda that is not called per element.
 *
 * <p>Code that leaves the loop right after it runs is not repeated by that loop: a lookup followed by {@code return},
 * {@code throw} or {@code break} in the same block ({@code if (matches(e)) { found = find(e); break; }}) runs at most
 * once per pass over the loop, like the first-match search it is. A {@code break} only leaves the innermost loop, so
 * the code may still repeat with an outer one; a {@code return} leaves them all.
 */
public final class Repetition {

    /**
     * Stream, collection and map operations whose function argument runs once per element; an {@code Optional}'s,
     * which run once at most, are told apart by their receiver (see {@link #isOptional}).
     */
    private static final Set<String> PER_ELEMENT = Set.of(
            "forEach",
            "forEachOrdered",
            "map",
            "mapToInt",
            "mapToLong",
            "mapToDouble",
            "mapToObj",
            "flatMap",
            "mapMulti",
            "filter",
            "peek",
            "anyMatch",
            "allMatch",
            "noneMatch",
            "takeWhile",
            "dropWhile",
            "reduce",
            "removeIf",
            "replaceAll",
            "iterate",
            "generate",
            "forEachRemaining");

    /** The factories of {@code Optional}, and the operations of one that return another. */
    private static final Set<String> OPTIONAL_FACTORIES = Set.of("of", "ofNullable", "empty");

    private static final Set<String> OPTIONAL_CHAIN = Set.of("map", "filter", "flatMap", "or");

    /**
     * The words of which code that runs repeatedly holds at least one: a loop keyword or a per-element operation, for
     * the text prescreen of the rules that look at repeated code only.
     */
    public static final Set<String> WORDS = WordSets.union(Loops.KEYWORDS, PER_ELEMENT);

    private Repetition() {}

    /** The loop statement or per-element call that makes {@code node} run repeatedly, if any. */
    public static Optional<Node> repeatingContext(Node node) {
        Node child = node;
        Optional<Node> parent = node.getParentNode();
        // How the code leaves the loops is only worked out once a loop is reached: most code is in none.
        List<Node> walked = new ArrayList<>();
        Leaving leaving = new Leaving();
        while (parent.isPresent()) {
            Node current = parent.get();
            if (current instanceof CallableDeclaration<?> || current instanceof TypeDeclaration<?>) {
                return Optional.empty();
            }
            if (current instanceof ObjectCreationExpr creation
                    && creation.getAnonymousClassBody().isPresent()
                    && child != creation.getScope().orElse(null)
                    && !creation.getArguments().contains(child)) {
                return Optional.empty();
            }
            walked.add(child);
            if (isRepeatedPartOfLoop(current, child)) {
                walked.add(current);
                leaving.follow(walked);
                walked.clear();
                if (leaving.exit == Exit.NONE) {
                    return Optional.of(current);
                }
                if (leaving.exit == Exit.BREAK
                        && (leaving.breakLabel == null || isLabelled(current, leaving.breakLabel))) {
                    // Left after one pass of this loop: it may still repeat with an enclosing one.
                    leaving.exit = Exit.NONE;
                    leaving.breakLabel = null;
                }
            }
            if (current instanceof LambdaExpr lambda) {
                Optional<MethodCallExpr> call = perElementCall(lambda);
                if (call.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(call.get());
            }
            child = current;
            parent = current.getParentNode();
        }
        return Optional.empty();
    }

    /** How the code reached so far leaves the loops around it, read along the nodes walked up from it. */
    private static final class Leaving {
        private Exit exit = Exit.NONE;
        private String breakLabel;

        /** Follows the nodes walked up since the last loop, each with the one above it, the last being a loop. */
        void follow(List<Node> walked) {
            for (int i = 0; i + 1 < walked.size(); i++) {
                Node child = walked.get(i);
                Node current = walked.get(i + 1);
                if (exit == Exit.NONE && child instanceof Statement statement) {
                    exitAfter(statement, current).ifPresent(left -> {
                        exit = left instanceof BreakStmt
                                ? Exit.BREAK
                                : left instanceof ThrowStmt ? Exit.THROW : Exit.RETURN;
                        breakLabel = left instanceof BreakStmt b
                                ? b.getLabel().map(SimpleName::asString).orElse(null)
                                : null;
                    });
                }
                if (exit == Exit.BREAK && breakLabel == null && current instanceof SwitchStmt) {
                    // An unlabelled break in a switch leaves the switch, not the loop.
                    exit = Exit.NONE;
                }
                if (exit == Exit.THROW
                        && current instanceof TryStmt tryStmt
                        && tryStmt.getTryBlock() == child
                        && !tryStmt.getCatchClauses().isEmpty()) {
                    // The exception may be caught inside the loop, which then goes on.
                    exit = Exit.NONE;
                }
            }
        }
    }

    /** How the code reached so far leaves the loops around it. */
    private enum Exit {
        NONE,
        BREAK,
        THROW,
        RETURN
    }

    /**
     * The statement that leaves the enclosing loop right after {@code statement} runs: the statement itself when it is
     * a {@code return} or {@code throw}, or one that follows it in the same block with no {@code continue} in between
     * that could skip it.
     */
    private static Optional<Statement> exitAfter(Statement statement, Node container) {
        if (statement instanceof ReturnStmt || statement instanceof ThrowStmt) {
            return Optional.of(statement);
        }
        NodeList<Statement> statements;
        if (container instanceof BlockStmt block) {
            statements = block.getStatements();
        } else if (container instanceof SwitchEntry entry) {
            statements = entry.getStatements();
        } else {
            return Optional.empty();
        }
        int index = statements.indexOf(statement);
        if (index < 0) {
            return Optional.empty();
        }
        for (int i = index + 1; i < statements.size(); i++) {
            Statement next = statements.get(i);
            if (next instanceof ReturnStmt || next instanceof ThrowStmt) {
                return Optional.of(next);
            }
            if (next instanceof BreakStmt brk) {
                // In a switch entry, an unlabelled break leaves the switch.
                return container instanceof SwitchEntry && brk.getLabel().isEmpty()
                        ? Optional.empty()
                        : Optional.of(next);
            }
            if (!next.findAll(ContinueStmt.class).isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean isLabelled(Node loop, String label) {
        return loop.getParentNode()
                .filter(LabeledStmt.class::isInstance)
                .map(p -> ((LabeledStmt) p).getLabel().asString().equals(label))
                .orElse(false);
    }

    /**
     * Whether {@code node} runs at every pass of the loop or per-element call {@code context} (see {@link
     * #repeatingContext}), rather than only on some: no {@code if}, {@code switch}, conditional expression, right-hand
     * side of {@code &&} or {@code ||}, or {@code catch} stands between them. A line logged for the elements that are
     * skipped, missing or invalid runs on the exceptions, not at every iteration.
     */
    public static boolean runsAtEveryPass(Node node, Node context) {
        Node child = node;
        Optional<Node> parent = node.getParentNode();
        while (parent.isPresent() && parent.get() != context) {
            Node current = parent.get();
            if ((current instanceof IfStmt ifStmt && ifStmt.getCondition() != child)
                    || current instanceof SwitchEntry
                    || (current instanceof ConditionalExpr conditional && conditional.getCondition() != child)
                    || (current instanceof BinaryExpr binary
                            && binary.getRight() == child
                            && (binary.getOperator() == BinaryExpr.Operator.AND
                                    || binary.getOperator() == BinaryExpr.Operator.OR))
                    || current instanceof CatchClause) {
                return false;
            }
            child = current;
            parent = current.getParentNode();
        }
        return parent.isPresent();
    }

    public static boolean isRepeated(Node node) {
        return repeatingContext(node).isPresent();
    }

    /** Whether a stream, collection or optional operation of this name calls its function once per element. */
    public static boolean isPerElementOperation(String methodName) {
        return PER_ELEMENT.contains(methodName);
    }

    /** Whether a method reference or lambda is the argument of a per-element operation. */
    public static boolean isPerElementFunction(Node function) {
        if (function instanceof LambdaExpr || function instanceof MethodReferenceExpr) {
            return function.getParentNode()
                    .filter(MethodCallExpr.class::isInstance)
                    .map(MethodCallExpr.class::cast)
                    .filter(call -> PER_ELEMENT.contains(call.getNameAsString()))
                    .filter(call -> call.getArguments().contains(function))
                    .filter(call -> !call.getScope().map(Repetition::isOptional).orElse(false))
                    .isPresent();
        }
        return false;
    }

    /**
     * Whether an expression is visibly an {@code Optional}, whose {@code map} or {@code filter} runs its function once
     * at most: {@code Optional.of(…)}, {@code ofNullable}, {@code empty}, a stream's {@code findFirst()} or {@code
     * findAny()}, a local or field declared {@code Optional}, or an {@code Optional}'s own {@code map}, {@code filter},
     * {@code flatMap} or {@code or}.
     */
    private static boolean isOptional(Expression value) {
        if (value instanceof MethodCallExpr call) {
            String name = call.getNameAsString();
            if (OPTIONAL_FACTORIES.contains(name)) {
                return call.getScope()
                        .filter(scope -> (scope instanceof NameExpr type
                                        && type.getNameAsString().startsWith("Optional"))
                                || (scope instanceof FieldAccessExpr qualified
                                        && qualified.getNameAsString().startsWith("Optional")))
                        .isPresent();
            }
            if ((name.equals("findFirst") || name.equals("findAny"))
                    && call.getArguments().isEmpty()) {
                return true;
            }
            return OPTIONAL_CHAIN.contains(name)
                    && call.getScope().map(Repetition::isOptional).orElse(false);
        }
        if (value instanceof NameExpr name) {
            return Scopes.declarationOf(name)
                    .map(Scopes.Declaration::type)
                    .filter(type -> type.isClassOrInterfaceType()
                            && type.asClassOrInterfaceType().getNameAsString().startsWith("Optional"))
                    .isPresent();
        }
        return false;
    }

    private static Optional<MethodCallExpr> perElementCall(LambdaExpr lambda) {
        if (!isPerElementFunction(lambda)) {
            return Optional.empty();
        }
        return lambda.getParentNode().map(MethodCallExpr.class::cast);
    }

    private static boolean isRepeatedPartOfLoop(Node loop, Node child) {
        if (loop instanceof ForEachStmt forEach) {
            return child == forEach.getBody();
        }
        if (loop instanceof ForStmt forStmt) {
            return !forStmt.getInitialization().contains(child);
        }
        return loop instanceof WhileStmt || loop instanceof DoStmt;
    }
}
