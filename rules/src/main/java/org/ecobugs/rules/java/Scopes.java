package org.ecobugs.rules.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.Type;
import java.util.List;
import java.util.Optional;

/**
 * Finds where a simple name is declared by walking the enclosing blocks, callables and types: enough to know a
 * variable's declared type, whether it is a field, and whether it is ever reassigned, without a symbol solver.
 */
public final class Scopes {

    private Scopes() {}

    /** Where a name is declared: a local variable, a parameter, or a field. */
    public record Declaration(Node node, String name, Type type, Optional<Expression> initializer, boolean field) {

        /** Whether a field was declared {@code final}. Locals answer false: use {@link #isNeverReassigned}. */
        public boolean isFinalField() {
            return field
                    && node.findAncestor(FieldDeclaration.class)
                            .map(FieldDeclaration::isFinal)
                            .orElse(false);
        }

        public boolean isStaticField() {
            return field
                    && node.findAncestor(FieldDeclaration.class)
                            .map(FieldDeclaration::isStatic)
                            .orElse(false);
        }
    }

    public static Optional<Declaration> declarationOf(NameExpr name) {
        return declarationOf(name, name.getNameAsString());
    }

    /** The declaration of {@code name} visible from {@code from}. */
    public static Optional<Declaration> declarationOf(Node from, String name) {
        Node child = from;
        Optional<Node> parent = from.getParentNode();
        while (parent.isPresent()) {
            Node scope = parent.get();
            Optional<Declaration> found = declaredIn(scope, child, name);
            if (found.isPresent()) {
                return found;
            }
            child = scope;
            parent = scope.getParentNode();
        }
        return Optional.empty();
    }

    /**
     * The variable an expression names as written: a local, a parameter or a field ({@code name}), or a field of this
     * object ({@code this.name}); empty for anything else, parentheses included.
     */
    public static Optional<String> variableName(Expression expression) {
        if (expression instanceof NameExpr name) {
            return Optional.of(name.getNameAsString());
        }
        if (expression instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
            return Optional.of(access.getNameAsString());
        }
        return Optional.empty();
    }

    /** Whether the name is declared as a local variable or parameter rather than a field (or unknown). */
    public static boolean isLocal(NameExpr name) {
        return declarationOf(name).map(d -> !d.field()).orElse(false);
    }

    /**
     * Whether a local variable or parameter is never assigned after its declaration inside {@code within} (its
     * enclosing callable or lambda when {@code within} is null).
     */
    public static boolean isNeverReassigned(Declaration declaration, Node within) {
        Node region = within;
        if (region == null) {
            region = declaration
                    .node()
                    .findAncestor(n -> n instanceof CallableDeclaration<?> || n instanceof LambdaExpr, Node.class)
                    .orElse(null);
        }
        if (region == null) {
            return false;
        }
        return !isAssignedIn(region, declaration.name());
    }

    /** Whether {@code name} is the target of an assignment or increment anywhere inside {@code region}. */
    public static boolean isAssignedIn(Node region, String name) {
        for (AssignExpr assign : region.findAll(AssignExpr.class)) {
            if (assign.getTarget() instanceof NameExpr target
                    && target.getNameAsString().equals(name)) {
                return true;
            }
        }
        for (UnaryExpr unary : region.findAll(UnaryExpr.class)) {
            if (isIncrementOrDecrement(unary)
                    && unary.getExpression() instanceof NameExpr target
                    && target.getNameAsString().equals(name)) {
                return true;
            }
        }
        return false;
    }

    public static boolean isIncrementOrDecrement(UnaryExpr unary) {
        return switch (unary.getOperator()) {
            case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> true;
            default -> false;
        };
    }

    private static Optional<Declaration> declaredIn(Node scope, Node child, String name) {
        if (scope instanceof BlockStmt block) {
            return declaredBefore(block.getStatements(), child, name);
        }
        // The statements of a case are a block without braces; its labels see none of them.
        if (scope instanceof SwitchEntry entry && entry.getStatements().stream().anyMatch(s -> s == child)) {
            return declaredBefore(entry.getStatements(), child, name);
        }
        // A pattern variable (o instanceof Foo foo) is seen where the pattern has matched.
        if (scope instanceof IfStmt ifStmt && ifStmt.getThenStmt() == child) {
            return pattern(ifStmt.getCondition(), name);
        }
        if (scope instanceof BinaryExpr and
                && and.getOperator() == BinaryExpr.Operator.AND
                && and.getRight() == child) {
            return pattern(and.getLeft(), name);
        }
        if (scope instanceof ConditionalExpr conditional && conditional.getThenExpr() == child) {
            return pattern(conditional.getCondition(), name);
        }
        if (scope instanceof ObjectCreationExpr creation
                && creation.getAnonymousClassBody()
                        .map(body -> body.stream().anyMatch(member -> member == child))
                        .orElse(false)) {
            return fields(creation.getAnonymousClassBody().get(), name);
        }
        if (scope instanceof ForStmt loop) {
            for (Expression init : loop.getInitialization()) {
                if (init instanceof VariableDeclarationExpr declarations) {
                    Optional<Declaration> found = local(declarations.getVariables(), name);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        }
        if (scope instanceof ForEachStmt loop) {
            return local(loop.getVariable().getVariables(), name);
        }
        if (scope instanceof CatchClause clause) {
            return parameter(clause.getParameter(), name);
        }
        if (scope instanceof TryStmt tryStmt) {
            for (Expression resource : tryStmt.getResources()) {
                if (resource instanceof VariableDeclarationExpr declarations) {
                    Optional<Declaration> found = local(declarations.getVariables(), name);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        }
        if (scope instanceof LambdaExpr lambda) {
            return parameters(lambda.getParameters(), name);
        }
        if (scope instanceof CallableDeclaration<?> callable) {
            return parameters(callable.getParameters(), name);
        }
        if (scope instanceof TypeDeclaration<?> type) {
            return field(type, name);
        }
        return Optional.empty();
    }

    /** A local declared in {@code statements} before {@code child}, or in {@code child} itself. */
    private static Optional<Declaration> declaredBefore(NodeList<Statement> statements, Node child, String name) {
        for (Statement statement : statements) {
            if (statement == child) {
                break;
            }
            if (statement instanceof ExpressionStmt es
                    && es.getExpression() instanceof VariableDeclarationExpr declarations) {
                Optional<Declaration> found = local(declarations.getVariables(), name);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        // A declaration statement itself is the child when the name is used in its own initializer.
        if (child instanceof ExpressionStmt es && es.getExpression() instanceof VariableDeclarationExpr d) {
            return local(d.getVariables(), name);
        }
        return Optional.empty();
    }

    private static Optional<Declaration> field(TypeDeclaration<?> type, String name) {
        Optional<Declaration> found = fields(type.getMembers(), name);
        if (found.isPresent() || !(type instanceof RecordDeclaration record)) {
            return found;
        }
        for (Parameter component : record.getParameters()) {
            if (component.getNameAsString().equals(name)) {
                return Optional.of(new Declaration(component, name, component.getType(), Optional.empty(), true));
            }
        }
        return Optional.empty();
    }

    private static Optional<Declaration> fields(List<BodyDeclaration<?>> members, String name) {
        for (BodyDeclaration<?> member : members) {
            if (member instanceof FieldDeclaration field) {
                for (VariableDeclarator variable : field.getVariables()) {
                    if (variable.getNameAsString().equals(name)) {
                        return Optional.of(
                                new Declaration(variable, name, variable.getType(), variable.getInitializer(), true));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The variable of a type pattern named {@code name} in a condition. */
    private static Optional<Declaration> pattern(Expression condition, String name) {
        return condition
                .findFirst(TypePatternExpr.class, p -> p.getNameAsString().equals(name))
                .map(p -> new Declaration(p, name, p.getType(), Optional.empty(), false));
    }

    private static Optional<Declaration> local(NodeList<VariableDeclarator> variables, String name) {
        for (VariableDeclarator variable : variables) {
            if (variable.getNameAsString().equals(name)) {
                return Optional.of(
                        new Declaration(variable, name, variable.getType(), variable.getInitializer(), false));
            }
        }
        return Optional.empty();
    }

    private static Optional<Declaration> parameters(NodeList<Parameter> parameters, String name) {
        for (Parameter parameter : parameters) {
            Optional<Declaration> found = parameter(parameter, name);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<Declaration> parameter(Parameter parameter, String name) {
        if (parameter.getNameAsString().equals(name)) {
            return Optional.of(new Declaration(parameter, name, parameter.getType(), Optional.empty(), false));
        }
        return Optional.empty();
    }
}
