package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.type.Type;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceDetector;
import org.ecobugs.rules.api.SourceVisits;
import org.ecobugs.rules.java.Annotations;
import org.ecobugs.rules.java.JavaNames;

/**
 * Collection associations mapped {@code fetch = FetchType.EAGER} ({@code @OneToMany}, {@code @ManyToMany}, JPA under
 * {@code jakarta.persistence} or {@code javax.persistence}): the whole collection is loaded with every entity.
 * To-one associations, EAGER by default in JPA, are not reported; nor are {@code @ElementCollection}s, values the entity
 * owns (a few attributes, codes or embeddables in a collection table), nor associations that the entity's {@code
 * equals} or {@code hashCode} reads, which are part of its value and loaded whenever it is compared anyway.
 */
@RuleKey("EB603")
public final class EagerFetchCollectionRule implements EnergyRule, SourceDetector {

    /** Associations to entities; an {@code @ElementCollection} holds values the entity owns, and is not reported. */
    private static final Set<String> COLLECTIONS = Set.of("OneToMany", "ManyToMany");

    /** The methods that make a collection part of the entity's value when they read it. */
    private static final Set<String> VALUE_METHODS = Set.of("equals", "hashCode");

    private static final List<String> PACKAGES = List.of("jakarta.persistence", "javax.persistence");

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(COLLECTIONS);
    }

    @Override
    public void subscribe(SourceVisits visits) {
        visits.enter(AnnotationExpr.class, EagerFetchCollectionRule::visit);
    }

    private static void visit(AnnotationExpr annotation, SourceContext context) {
        String name = JavaNames.simpleName(annotation.getNameAsString());
        if (!COLLECTIONS.contains(name) || !isJpa(annotation, context)) {
            return;
        }
        Optional<Expression> fetch = Annotations.member(annotation, "fetch");
        if (fetch.isEmpty() || !isEager(fetch.get(), context)) {
            return;
        }
        Optional<TypeDeclaration<?>> entity =
                annotation.findAncestor(TypeDeclaration.class).map(type -> (TypeDeclaration<?>) type);
        Optional<String> association = associationName(annotation);
        if (entity.isPresent() && association.isPresent() && isPartOfValue(entity.get(), association.get())) {
            return;
        }
        String target = elementType(annotation).map(type -> " of " + type).orElse("");
        String entityName = entity.map(TypeDeclaration::getNameAsString).orElse("entity");
        context.report(
                annotation,
                "Every " + entityName + " loads all its " + association.orElse("collection") + " (an EAGER @" + name
                        + target + "), whether they are used or not; make the association LAZY (the default) and"
                        + " fetch it where a use case needs it (JOIN FETCH, @EntityGraph).");
    }

    /** The field, or the property of the getter, that the annotation maps. */
    private static Optional<String> associationName(AnnotationExpr annotation) {
        Node mapped = annotation.getParentNode().orElse(null);
        if (mapped instanceof FieldDeclaration field && field.getVariables().size() == 1) {
            return Optional.of(field.getVariable(0).getNameAsString());
        }
        if (mapped instanceof MethodDeclaration getter
                && getter.getNameAsString().startsWith("get")
                && getter.getNameAsString().length() > 3) {
            String property = getter.getNameAsString().substring(3);
            return Optional.of(Character.toLowerCase(property.charAt(0)) + property.substring(1));
        }
        return Optional.empty();
    }

    /** The type of the associated entities: the last type argument of the mapped collection or map. */
    private static Optional<String> elementType(AnnotationExpr annotation) {
        Node mapped = annotation.getParentNode().orElse(null);
        Type type;
        if (mapped instanceof FieldDeclaration field) {
            type = field.getElementType();
        } else if (mapped instanceof MethodDeclaration getter) {
            type = getter.getType();
        } else {
            return Optional.empty();
        }
        return type.isClassOrInterfaceType()
                ? type.asClassOrInterfaceType()
                        .getTypeArguments()
                        .filter(arguments -> !arguments.isEmpty())
                        .map(arguments -> arguments.get(arguments.size() - 1).asString())
                : Optional.empty();
    }

    /**
     * Whether the entity's {@code equals} or {@code hashCode} reads the association: the collection is then part of
     * the entity's value, loaded whenever the entity is compared or put in a set, and LAZY would save nothing.
     */
    private static boolean isPartOfValue(TypeDeclaration<?> entity, String association) {
        String getter = "get" + Character.toUpperCase(association.charAt(0)) + association.substring(1);
        return entity.getMethods().stream()
                .filter(method -> VALUE_METHODS.contains(method.getNameAsString()))
                .flatMap(method -> method.getBody().stream())
                .anyMatch(body -> body.findFirst(
                                SimpleName.class,
                                n -> n.asString().equals(association)
                                        || n.asString().equals(getter))
                        .isPresent());
    }

    private static boolean isJpa(AnnotationExpr annotation, SourceContext context) {
        Optional<String> resolved = context.names().resolve(annotation.getNameAsString());
        if (resolved.isPresent() && resolved.get().contains(".")) {
            return PACKAGES.stream().anyMatch(p -> resolved.get().startsWith(p + "."));
        }
        return PACKAGES.stream().anyMatch(context.names()::imports);
    }

    private static boolean isEager(Expression value, SourceContext context) {
        if (value instanceof FieldAccessExpr access) {
            return access.getNameAsString().equals("EAGER")
                    && PACKAGES.stream().anyMatch(p -> context.names().isTypeName(access.getScope(), p + ".FetchType"));
        }
        return value instanceof NameExpr name
                && name.getNameAsString().equals("EAGER")
                && context.names()
                        .staticImportOwner("EAGER")
                        .filter(owner -> owner.endsWith(".FetchType"))
                        .isPresent();
    }
}
