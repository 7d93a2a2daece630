package org.ecobugs.rules.java;

import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import java.util.Optional;

/**
 * The declared type of the object an expression denotes, when the file shows it without a symbol solver: a local
 * variable, parameter or field (by name or {@code this.name}), a cast, or {@code getSystemService(X.class)}. Resolved
 * through imports; empty when the file does not tell.
 */
public final class Receivers {

    private Receivers() {}

    public static Optional<String> declaredType(Expression expression, JavaNames names) {
        Expression e = expression;
        while (e instanceof EnclosedExpr enclosed) {
            e = enclosed.getInner();
        }
        if (e instanceof NameExpr name) {
            return Scopes.declarationOf(name).flatMap(d -> names.resolve(d.type()));
        }
        if (e instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
            return fieldType(access, names);
        }
        if (e instanceof CastExpr cast) {
            return names.resolve(cast.getType());
        }
        if (e instanceof MethodCallExpr call
                && call.getNameAsString().equals("getSystemService")
                && call.getArguments().size() == 1
                && call.getArgument(0) instanceof ClassExpr type) {
            return names.resolve(type.getType());
        }
        return Optional.empty();
    }

    /** Whether the expression's declared type is known and is {@code qualifiedName}. */
    public static boolean isDeclaredAs(Expression expression, String qualifiedName, JavaNames names) {
        return declaredType(expression, names).filter(qualifiedName::equals).isPresent();
    }

    private static Optional<String> fieldType(FieldAccessExpr access, JavaNames names) {
        Optional<TypeDeclaration> type = access.findAncestor(TypeDeclaration.class);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        for (Object member : type.get().getMembers()) {
            if (member instanceof FieldDeclaration field) {
                for (VariableDeclarator variable : field.getVariables()) {
                    if (variable.getNameAsString().equals(access.getNameAsString())) {
                        return names.resolve(variable.getType());
                    }
                }
            }
        }
        return Optional.empty();
    }
}
