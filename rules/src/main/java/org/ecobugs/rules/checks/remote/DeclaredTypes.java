package org.ecobugs.rules.checks.remote;

import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import java.util.Optional;
import org.ecobugs.rules.java.Scopes;

/**
 * The simple name of the declared type of a receiver, as the source shows it without resolving anything: a local, a
 * parameter or a field ({@code repo}, {@code this.repo}), a {@code var} through its initializer, a cast, or an object
 * created on the spot.
 */
final class DeclaredTypes {

    private DeclaredTypes() {}

    /** The simple name of the receiver's declared type; empty when it cannot be told from the source. */
    static Optional<String> simpleNameOf(Expression receiver) {
        Expression e = receiver;
        while (e instanceof EnclosedExpr enclosed) {
            e = enclosed.getInner();
        }
        if (e instanceof CastExpr cast) {
            return simpleName(cast.getType());
        }
        if (e instanceof ObjectCreationExpr created) {
            return Optional.of(created.getType().getNameAsString());
        }
        if (e instanceof NameExpr name) {
            return Scopes.declarationOf(name).flatMap(d -> typeOf(d));
        }
        if (e instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
            return Scopes.declarationOf(access, access.getNameAsString())
                    .filter(Scopes.Declaration::field)
                    .flatMap(DeclaredTypes::typeOf);
        }
        return Optional.empty();
    }

    private static Optional<String> typeOf(Scopes.Declaration declaration) {
        if (declaration.type().isVarType()) {
            return declaration.initializer().flatMap(DeclaredTypes::simpleNameOf);
        }
        return simpleName(declaration.type());
    }

    private static Optional<String> simpleName(Type type) {
        return type instanceof ClassOrInterfaceType classType
                ? Optional.of(classType.getNameAsString())
                : Optional.empty();
    }

    /** The receiver of a call, whose declared type is resolved on first use only: most calls never need it. */
    static final class Receiver {
        private final Expression receiver;
        private Optional<String> type;

        Receiver(Expression receiver) {
            this.receiver = receiver;
        }

        Optional<String> type() {
            if (type == null) {
                type = receiver == null ? Optional.empty() : simpleNameOf(receiver);
            }
            return type;
        }
    }
}
