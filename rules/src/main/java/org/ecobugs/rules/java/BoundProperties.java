package org.ecobugs.rules.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ecobugs.rules.config.Settings;
import org.ecobugs.rules.java.ProjectConstants.Folded;

/**
 * The values a {@code @ConfigurationProperties} type of the project holds, for the {@link ProjectConstantIndex}: a
 * field binds the key its name gives under the type's prefix ({@code prettyPrint} under {@code fhir} binds {@code
 * fhir.pretty-print}), a nested properties object extends the prefix with its field's name; the value is the key's
 * setting in the configuration files, else the field's initial value. A getter reads the field its body returns, or, with
 * Lombok's {@code @Data} or {@code @Getter}, the field its name gives.
 */
final class BoundProperties {

    private static final String LOMBOK_DATA = "lombok.Data";
    private static final String LOMBOK_GETTER = "lombok.Getter";

    private final Settings settings;

    BoundProperties(Settings settings) {
        this.settings = settings;
    }

    /**
     * What a chain of getters reads from {@code type}, declared in {@code file} whose names and constants {@code names}
     * and {@code folder} read: empty unless the type is annotated {@code @ConfigurationProperties}, and each getter
     * returns a field of it or of a properties object nested in it.
     */
    Optional<Folded> read(
            TypeDeclaration<?> type,
            JavaNames names,
            ConstantFolder folder,
            Path file,
            List<String> getters,
            int depth) {
        Optional<AnnotationExpr> annotation = ConfiguredValues.propertiesAnnotation(type, names);
        if (annotation.isEmpty()) {
            return Optional.empty();
        }
        Optional<Expression> written =
                Annotations.member(annotation.get(), "prefix").or(() -> Annotations.member(annotation.get(), "value"));
        Optional<String> prefix = written.isEmpty() ? Optional.of("") : folder.string(written.get());
        if (prefix.isEmpty()) {
            return Optional.empty();
        }
        String key = prefix.get();
        TypeDeclaration<?> holder = type;
        for (int i = 0; i < getters.size(); i++) {
            Optional<VariableDeclarator> field = fieldOf(holder, getters.get(i), names);
            if (field.isEmpty()) {
                return Optional.empty();
            }
            key = ConfiguredValues.key(key, field.get().getNameAsString());
            if (i == getters.size() - 1) {
                return value(key, field.get(), type, names, folder, file, depth);
            }
            Optional<TypeDeclaration<?>> nested = nestedType(holder, field.get().getType());
            if (nested.isEmpty()) {
                return Optional.empty();
            }
            holder = nested.get();
        }
        return Optional.empty();
    }

    /** The value of a properties field: its key's setting, else its initial value (Java's default for a primitive). */
    private Optional<Folded> value(
            String key,
            VariableDeclarator field,
            TypeDeclaration<?> root,
            JavaNames names,
            ConstantFolder folder,
            Path file,
            int depth) {
        Optional<Settings.Setting> setting = settings.get(key);
        if (setting.isPresent()) {
            return settings.resolve(setting.get().value())
                    .map(resolved -> ConfiguredValues.convert(resolved.text(), field.getType(), names))
                    .map(value -> new Folded(
                            value,
                            List.of(ValueOrigin.setting(
                                    setting.get().key(),
                                    setting.get().file(),
                                    setting.get().line()))));
        }
        if (settings.isAmbiguous(key)) {
            return Optional.empty();
        }
        Object value = field.getInitializer().isPresent()
                ? folder.initialValue(field, depth, null)
                : javaDefault(field.getType());
        return value == null
                ? Optional.empty()
                : Optional.of(new Folded(
                        value,
                        List.of(new ValueOrigin(
                                ValueOrigin.Kind.PROPERTY_DEFAULT,
                                key,
                                ProjectConstantIndex.label(root),
                                Optional.of(file),
                                Optional.of(field),
                                0))));
    }

    private static Object javaDefault(Type type) {
        if (!(type instanceof PrimitiveType primitive)) {
            return null;
        }
        return switch (primitive.getType()) {
            case BOOLEAN -> Boolean.FALSE;
            case CHAR -> '\0';
            case BYTE -> (byte) 0;
            case SHORT -> (short) 0;
            case INT -> 0;
            case LONG -> 0L;
            case FLOAT -> 0f;
            case DOUBLE -> 0d;
        };
    }

    /**
     * The field a getter of a properties type returns: the one its body returns ({@code return prettyPrint;}), or, for
     * a type or field annotated with Lombok's {@code @Data} or {@code @Getter}, the one its name gives.
     */
    private static Optional<VariableDeclarator> fieldOf(TypeDeclaration<?> type, String getter, JavaNames names) {
        for (MethodDeclaration method : type.getMethodsBySignature(getter)) {
            Optional<Statement> only = method.getBody()
                    .filter(body -> body.getStatements().size() == 1)
                    .map(body -> body.getStatement(0));
            Optional<String> returned = only.filter(ReturnStmt.class::isInstance)
                    .flatMap(s -> ((ReturnStmt) s).getExpression())
                    .flatMap(Scopes::variableName);
            return returned.flatMap(name -> instanceField(type, name));
        }
        String property = getter.startsWith("is") ? getter.substring(2) : getter.substring(3);
        if (property.isEmpty()) {
            return Optional.empty();
        }
        String name = property.substring(0, 1).toLowerCase(Locale.ROOT) + property.substring(1);
        boolean typeHasGetters = hasAnnotation(type, names, LOMBOK_DATA) || hasAnnotation(type, names, LOMBOK_GETTER);
        return instanceField(type, name)
                .filter(field -> typeHasGetters
                        || field.findAncestor(FieldDeclaration.class)
                                .filter(f -> hasAnnotation(f, names, LOMBOK_GETTER))
                                .isPresent());
    }

    private static boolean hasAnnotation(NodeWithAnnotations<?> annotated, JavaNames names, String name) {
        return annotated.getAnnotations().stream().anyMatch(a -> names.mayBe(a.getNameAsString(), name));
    }

    private static Optional<VariableDeclarator> instanceField(TypeDeclaration<?> type, String name) {
        for (FieldDeclaration field : type.getFields()) {
            if (field.isStatic()) {
                continue;
            }
            for (VariableDeclarator variable : field.getVariables()) {
                if (variable.getNameAsString().equals(name)) {
                    return Optional.of(variable);
                }
            }
        }
        return Optional.empty();
    }

    /** The type of a nested properties object, declared inside the properties type ({@code Cors cors}). */
    private static Optional<TypeDeclaration<?>> nestedType(TypeDeclaration<?> holder, Type fieldType) {
        if (!(fieldType instanceof ClassOrInterfaceType classType)) {
            return Optional.empty();
        }
        String name = classType.getNameAsString();
        for (Node n = holder;
                n instanceof TypeDeclaration<?> enclosing;
                n = n.getParentNode().orElse(null)) {
            for (BodyDeclaration<?> member : enclosing.getMembers()) {
                if (member instanceof TypeDeclaration<?> nested
                        && nested.getNameAsString().equals(name)) {
                    return Optional.of(nested);
                }
            }
        }
        return Optional.empty();
    }
}
