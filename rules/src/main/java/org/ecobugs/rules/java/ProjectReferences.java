package org.ecobugs.rules.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The names a file's code takes from the rest of the project, for the {@link ConstantFolder}: a constant of another
 * class ({@code PollSettings.INTERVAL_MS}), a name imported statically or inherited from a supertype, and what a getter
 * of a {@code @ConfigurationProperties} object returns. Each is asked of the {@link ProjectConstants} under the names
 * the file's imports allow.
 */
final class ProjectReferences {

    private final JavaNames names;
    private final ProjectConstants project;

    ProjectReferences(JavaNames names, ProjectConstants project) {
        this.names = names;
        this.project = project;
    }

    /** {@code Type.FIELD} where no type of the file is named {@code Type}, or it declares no such field. */
    Object constant(String type, String field, int depth, List<ValueOrigin> trace) {
        for (String candidate : names.possibleNames(type)) {
            Object value = fromProject(project.constant(candidate, field, depth + 1), trace);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /**
     * A name declared nowhere around it: a constant imported statically, or inherited by an enclosing class from a
     * supertype.
     */
    Object staticOrInherited(NameExpr name, int depth, List<ValueOrigin> trace) {
        String field = name.getNameAsString();
        Optional<String> owner = names.staticImportOwner(field);
        if (owner.isPresent()) {
            return fromProject(project.constant(owner.get(), field, depth + 1), trace);
        }
        for (Node n = name.getParentNode().orElse(null);
                n != null;
                n = n.getParentNode().orElse(null)) {
            if (n instanceof ClassOrInterfaceDeclaration type) {
                List<ClassOrInterfaceType> supertypes = new ArrayList<>(type.getExtendedTypes());
                supertypes.addAll(type.getImplementedTypes());
                for (ClassOrInterfaceType supertype : supertypes) {
                    Object inherited = constant(supertype.getNameWithScope(), field, depth, trace);
                    if (inherited != null) {
                        return inherited;
                    }
                }
            }
        }
        return null;
    }

    /**
     * What a getter of a {@code @ConfigurationProperties} object returns ({@code props.isPrettyPrint()}, {@code
     * props.getCors().isEnabled()}), the object held in a variable or field whose declared type is the project's.
     */
    Object property(MethodCallExpr call, int depth, List<ValueOrigin> trace) {
        List<String> getters = new ArrayList<>();
        Expression receiver = call;
        while (receiver instanceof MethodCallExpr getter
                && getter.getArguments().isEmpty()
                && getter.getScope().isPresent()
                && isGetterName(getter.getNameAsString())) {
            getters.add(0, getter.getNameAsString());
            receiver = getter.getScope().get();
        }
        if (getters.isEmpty()) {
            return null;
        }
        boolean fieldOfThis = receiver instanceof FieldAccessExpr;
        Optional<Scopes.Declaration> holder = Scopes.variableName(receiver)
                .flatMap(variable -> Scopes.declarationOf(call, variable))
                .filter(d -> !fieldOfThis || d.field());
        if (holder.isEmpty()) {
            return null;
        }
        for (String candidate : names.possibleNames(typeName(holder.get().type()))) {
            Object value = fromProject(project.property(candidate, getters, depth + 1), trace);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String typeName(Type type) {
        return type instanceof ClassOrInterfaceType classType ? classType.getNameWithScope() : type.asString();
    }

    private static boolean isGetterName(String name) {
        return (name.startsWith("get") && name.length() > 3) || (name.startsWith("is") && name.length() > 2);
    }

    private static Object fromProject(Optional<ProjectConstants.Folded> folded, List<ValueOrigin> trace) {
        if (folded.isEmpty()) {
            return null;
        }
        if (trace != null) {
            trace.addAll(folded.get().origins());
        }
        return folded.get().value();
    }
}
