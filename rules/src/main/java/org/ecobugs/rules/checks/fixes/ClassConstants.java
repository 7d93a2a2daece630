package org.ecobugs.rules.checks.fixes;

import com.github.javaparser.JavaToken;
import com.github.javaparser.Range;
import com.github.javaparser.TokenRange;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.ThisExpr;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.java.Scopes;

/**
 * Where a fix declares a new {@code private static final} constant in a class, and what the constant may be
 * initialised with: the class that may hold it, the line it goes on, its indentation, a name the file does not use,
 * and the expressions a static initializer can evaluate.
 */
final class ClassConstants {

    private ClassConstants() {}

    /**
     * The nearest enclosing class that may declare a static field whatever the language level: a top-level or static
     * nested class, not an interface (whose fields cannot be private), an inner, local or anonymous class.
     */
    static Optional<ClassOrInterfaceDeclaration> staticCapableClass(Node node) {
        Optional<ClassOrInterfaceDeclaration> current = node.findAncestor(ClassOrInterfaceDeclaration.class);
        while (current.isPresent()) {
            ClassOrInterfaceDeclaration type = current.get();
            boolean nestedInType = type.getParentNode()
                    .filter(parent -> parent instanceof ClassOrInterfaceDeclaration)
                    .isPresent();
            boolean staticCapable = !type.isInterface()
                    && !type.isLocalClassDeclaration()
                    && (type.isTopLevelType() || (nestedInType && type.isStatic()));
            if (staticCapable) {
                return current;
            }
            if (type.isInterface()) {
                return Optional.empty();
            }
            current = type.findAncestor(ClassOrInterfaceDeclaration.class);
        }
        return Optional.empty();
    }

    /** Literals and constants: no local variable, parameter or instance field of the call's context. */
    static boolean isStaticallyEvaluable(Expression expression) {
        if (expression.findFirst(MethodCallExpr.class).isPresent()
                || expression.findFirst(ThisExpr.class).isPresent()) {
            return false;
        }
        for (NameExpr name : expression.findAll(NameExpr.class)) {
            Optional<Scopes.Declaration> declaration = Scopes.declarationOf(name);
            if (declaration.isPresent()
                    && !(declaration.get().isStaticField() && declaration.get().isFinalField())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The line a new constant goes on: after the last static field, so that the constants its initializer names are
     * declared before it, or else after the line of the class body's opening brace (see {@link #bodyStartLine}).
     */
    static int line(ClassOrInterfaceDeclaration owner, int bodyStart) {
        return lastStaticFieldLine(owner).orElse(bodyStart) + 1;
    }

    /** Whether the class has a static field, after which a new constant needs no blank line of its own. */
    static boolean hasStaticFields(ClassOrInterfaceDeclaration owner) {
        return lastStaticFieldLine(owner).isPresent();
    }

    private static Optional<Integer> lastStaticFieldLine(ClassOrInterfaceDeclaration owner) {
        return owner.getFields().stream()
                .filter(FieldDeclaration::isStatic)
                .map(Node::getRange)
                .flatMap(Optional::stream)
                .map(r -> r.end.line)
                .max(Integer::compare);
    }

    /**
     * The line of the class body's opening brace, when the body ends on a later line: the constant goes on the line
     * after it, above any comment of the first member.
     */
    static Optional<Integer> bodyStartLine(ClassOrInterfaceDeclaration owner) {
        Optional<TokenRange> nameTokens = owner.getName().getTokenRange();
        Optional<TokenRange> ownerTokens = owner.getTokenRange();
        if (nameTokens.isEmpty() || ownerTokens.isEmpty()) {
            return Optional.empty();
        }
        Optional<JavaToken> token = Optional.of(nameTokens.get().getEnd());
        while (token.isPresent() && !token.get().getText().equals("{")) {
            token = token.get().getNextToken();
        }
        Optional<Range> brace = token.flatMap(JavaToken::getRange);
        Optional<Range> close = ownerTokens.get().getEnd().getRange();
        if (brace.isEmpty() || close.isEmpty() || close.get().begin.line <= brace.get().begin.line) {
            return Optional.empty();
        }
        return Optional.of(brace.get().begin.line);
    }

    /** The indentation of the class's members: its first member's, or the class's own plus four spaces. */
    static String memberIndent(ClassOrInterfaceDeclaration owner) {
        int column = owner.getMembers()
                .getFirst()
                .flatMap(Node::getRange)
                .map(r -> r.begin.column - 1)
                .orElseGet(() -> owner.getRange().map(r -> r.begin.column + 3).orElse(4));
        return " ".repeat(column);
    }

    /** {@code PATTERN}, or {@code PATTERN_2}, … when the file already uses the name. */
    static String freeName(CompilationUnit unit, String name) {
        Set<String> used = new HashSet<>();
        unit.findAll(SimpleName.class).forEach(simpleName -> used.add(simpleName.getIdentifier()));
        String candidate = name;
        for (int n = 2; used.contains(candidate); n++) {
            candidate = name + "_" + n;
        }
        return candidate;
    }
}
