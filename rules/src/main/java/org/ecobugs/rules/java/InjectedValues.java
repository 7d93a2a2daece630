package org.ecobugs.rules.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.type.Type;
import java.util.List;
import java.util.Optional;
import org.ecobugs.rules.config.Settings;

/**
 * What Spring injects into a field or a parameter annotated {@code @Value("${key:default}")}, for the {@link
 * ConstantFolder}: the key's value in the project's configuration files, else the default, converted to the variable's
 * type. A final field assigned in a constructor from such a parameter holds it too.
 */
final class InjectedValues {

    private final ConstantFolder folder;
    private final JavaNames names;
    private final ProjectConstants project;

    InjectedValues(ConstantFolder folder, JavaNames names, ProjectConstants project) {
        this.folder = folder;
        this.names = names;
        this.project = project;
    }

    /**
     * The value injected into a variable declared without initializer, the places that decided it added to {@code
     * trace}; null when nothing injects it, or the code assigns it too.
     *
     * @param unchanged whether the variable is a final field or a parameter never assigned
     */
    Object into(Scopes.Declaration d, boolean unchanged, List<ValueOrigin> trace) {
        Optional<AnnotationExpr> value = annotated(d).flatMap(a -> ConfiguredValues.valueAnnotation(a, names));
        if (value.isPresent()) {
            return unchanged || !isAssignedInItsType(d) ? injected(value.get(), d.type(), trace) : null;
        }
        return d.isFinalField() ? assignedByConstructor(d, trace) : null;
    }

    private static Optional<NodeWithAnnotations<?>> annotated(Scopes.Declaration d) {
        if (d.node() instanceof Parameter parameter) {
            return Optional.of(parameter);
        }
        return d.field()
                ? d.node().findAncestor(FieldDeclaration.class).map(f -> (NodeWithAnnotations<?>) f)
                : Optional.empty();
    }

    /** Whether a field is assigned anywhere in the type that declares it ({@code pollMs = …}, {@code this.pollMs = …}). */
    private static boolean isAssignedInItsType(Scopes.Declaration field) {
        Optional<TypeDeclaration> type = field.node().findAncestor(TypeDeclaration.class);
        return type.isEmpty()
                || type.get().findAll(AssignExpr.class).stream()
                        .anyMatch(assign -> Scopes.variableName(assign.getTarget())
                                .filter(field.name()::equals)
                                .isPresent())
                || Scopes.isAssignedIn(type.get(), field.name());
    }

    /** The value {@code @Value} injects into a variable of {@code type}: its placeholders resolved, converted. */
    private Object injected(AnnotationExpr value, Type type, List<ValueOrigin> trace) {
        Optional<String> written = Annotations.member(value, "value").flatMap(folder::string);
        if (written.isEmpty() || written.get().contains("#{")) {
            return null; // a SpEL expression is computed at run time
        }
        String resolved = resolved(written.get(), value, trace);
        return resolved == null ? null : ConfiguredValues.convert(resolved, type, names);
    }

    /**
     * A final field without initializer, assigned in a constructor from a parameter annotated {@code @Value} ({@code
     * this.pollMs = pollMs}).
     */
    private Object assignedByConstructor(Scopes.Declaration field, List<ValueOrigin> trace) {
        Optional<TypeDeclaration> type = field.node().findAncestor(TypeDeclaration.class);
        if (type.isEmpty()) {
            return null;
        }
        for (Object member : type.get().getMembers()) {
            if (!(member instanceof ConstructorDeclaration constructor)) {
                continue;
            }
            for (AssignExpr assign : constructor.findAll(AssignExpr.class)) {
                if (assign.getOperator() == AssignExpr.Operator.ASSIGN
                        && Scopes.variableName(assign.getTarget())
                                .filter(field.name()::equals)
                                .isPresent()
                        && assign.getValue() instanceof NameExpr source) {
                    return constructor.getParameters().stream()
                            .filter(p -> p.getNameAsString().equals(source.getNameAsString()))
                            .findFirst()
                            .flatMap(p -> ConfiguredValues.valueAnnotation(p, names)
                                    .map(v -> injected(v, field.type(), trace)))
                            .orElse(null);
                }
            }
        }
        return null;
    }

    /**
     * The text with its placeholders resolved by the project's configuration, the places that decided it added to
     * {@code trace} (a default at {@code at}); null when a key has neither a value nor a default.
     */
    String resolved(String text, Node at, List<ValueOrigin> trace) {
        Optional<Settings.Resolved> resolved = project.resolve(text);
        if (resolved.isEmpty()) {
            return null;
        }
        if (trace != null) {
            for (Settings.Setting setting : resolved.get().set()) {
                trace.add(ValueOrigin.setting(setting.key(), setting.file(), setting.line()));
            }
            for (Settings.Defaulted defaulted : resolved.get().defaulted()) {
                trace.add(new ValueOrigin(
                        ValueOrigin.Kind.PLACEHOLDER_DEFAULT,
                        defaulted.key(),
                        "",
                        Optional.empty(),
                        Optional.of(at),
                        0));
            }
        }
        return resolved.get().text();
    }
}
