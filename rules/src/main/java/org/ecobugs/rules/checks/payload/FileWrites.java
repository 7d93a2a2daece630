package org.ecobugs.rules.checks.payload;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.java.Scopes;

/** Whether code writes files, where indentation is often wanted: it is read by people, and its size rarely matters. */
final class FileWrites {

    private static final Set<String> FILE_WRITERS = Set.of("FileWriter", "FileOutputStream");

    private FileWrites() {}

    /** Whether the code around the call (its method or lambda) writes files, where indentation is often wanted. */
    static boolean around(MethodCallExpr call, SourceContext context) {
        Optional<Node> scope =
                call.findAncestor(n -> n instanceof CallableDeclaration<?> || n instanceof LambdaExpr, Node.class);
        if (scope.isEmpty()) {
            return false;
        }
        for (MethodCallExpr other : scope.get().findAll(MethodCallExpr.class)) {
            String name = other.getNameAsString();
            if (other.getScope()
                            .map(s -> context.names().isTypeName(s, "java.nio.file.Files"))
                            .orElse(false)
                    && (name.startsWith("write")
                            || name.startsWith("newBufferedWriter")
                            || name.equals("newOutputStream"))) {
                return true;
            }
            if (name.equals("writeValue")
                    && !other.getArguments().isEmpty()
                    && isFileOrPath(other.getArgument(0), context)) {
                return true;
            }
        }
        return scope.get().findAll(ObjectCreationExpr.class).stream()
                .anyMatch(created -> FILE_WRITERS.contains(created.getType().getNameAsString()));
    }

    private static boolean isFileOrPath(Expression argument, SourceContext context) {
        if (argument instanceof ObjectCreationExpr created) {
            return created.getType().getNameAsString().equals("File");
        }
        if (argument instanceof MethodCallExpr call) {
            return call.getNameAsString().equals("toFile")
                    || (call.getNameAsString().equals("of")
                                    || call.getNameAsString().equals("get"))
                            && call.getScope()
                                    .map(s -> s.toString().equals("Path")
                                            || s.toString().equals("Paths"))
                                    .orElse(false);
        }
        if (argument instanceof NameExpr name) {
            return Scopes.declarationOf(name)
                    .flatMap(d -> context.names().resolve(d.type()))
                    .filter(t -> t.equals("java.io.File") || t.equals("java.nio.file.Path"))
                    .isPresent();
        }
        return false;
    }
}
