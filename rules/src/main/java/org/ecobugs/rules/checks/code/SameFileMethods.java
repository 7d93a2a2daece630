package org.ecobugs.rules.checks.code;

import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The methods of a file that its unqualified calls invoke: the helpers a rule follows one level down. */
public final class SameFileMethods {

    /*
     * The index of a type's methods is kept on the type's node (JavaParser's per-node data): the AST belongs to one file
     * and one thread, so nothing is shared across files or threads.
     */
    private static final DataKey<Map<String, List<MethodDeclaration>>> METHODS_BY_NAME = new DataKey<>() {};

    private SameFileMethods() {}

    /**
     * The method of this file that an unqualified or {@code this.} call invokes: one of the enclosing type or of an
     * outer type, with that name and arity.
     */
    public static Optional<MethodDeclaration> of(MethodCallExpr call) {
        boolean local = call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr;
        if (!local) {
            return Optional.empty();
        }
        for (Node current = call.getParentNode().orElse(null);
                current != null;
                current = current.getParentNode().orElse(null)) {
            if (current instanceof TypeDeclaration<?> type) {
                Optional<MethodDeclaration> found =
                        methodsByName(type).getOrDefault(call.getNameAsString(), List.of()).stream()
                                .filter(m -> m.getParameters().size()
                                                == call.getArguments().size()
                                        || isVarArgs(m.getParameters()))
                                .findFirst();
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** A type's methods by name, indexed once per type node: generated classes have thousands. */
    private static Map<String, List<MethodDeclaration>> methodsByName(TypeDeclaration<?> type) {
        if (type.containsData(METHODS_BY_NAME)) {
            return type.getData(METHODS_BY_NAME);
        }
        Map<String, List<MethodDeclaration>> index = new HashMap<>();
        for (MethodDeclaration method : type.getMethods()) {
            index.computeIfAbsent(method.getNameAsString(), n -> new ArrayList<>())
                    .add(method);
        }
        type.setData(METHODS_BY_NAME, index);
        return index;
    }

    private static boolean isVarArgs(List<Parameter> parameters) {
        return !parameters.isEmpty() && parameters.get(parameters.size() - 1).isVarArgs();
    }
}
