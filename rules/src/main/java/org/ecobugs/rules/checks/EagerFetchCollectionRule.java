package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceRule;
import org.ecobugs.rules.java.Annotations;
import org.ecobugs.rules.java.JavaNames;

/**
 * Collection associations mapped {@code fetch = FetchType.EAGER} ({@code @OneToMany}, {@code @ManyToMany}, {@code
 * @ElementCollection}, JPA under {@code jakarta.persistence} or {@code javax.persistence}): the whole collection is
 * loaded with every entity. To-one associations, EAGER by default in JPA, are not reported.
 */
@RuleKey("EB603")
public final class EagerFetchCollectionRule implements SourceRule {

    private static final Set<String> COLLECTIONS = Set.of("OneToMany", "ManyToMany", "ElementCollection");
    private static final List<String> PACKAGES = List.of("jakarta.persistence", "javax.persistence");

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(COLLECTIONS);
    }

    @Override
    public Set<Class<? extends Node>> nodesToVisit() {
        return Set.of(AnnotationExpr.class);
    }

    @Override
    public void visitNode(Node node, SourceContext context) {
        AnnotationExpr annotation = (AnnotationExpr) node;
        String name = JavaNames.simpleName(annotation.getNameAsString());
        if (!COLLECTIONS.contains(name) || !isJpa(annotation, context)) {
            return;
        }
        Optional<Expression> fetch = Annotations.member(annotation, "fetch");
        if (fetch.isEmpty() || !isEager(fetch.get(), context)) {
            return;
        }
        String entity = annotation
                .findAncestor(TypeDeclaration.class)
                .map(TypeDeclaration::getNameAsString)
                .orElse("entity");
        context.report(
                annotation,
                "This @" + name + " collection is loaded with every " + entity + ", whether it is used or not; make it"
                        + " LAZY (the default) and fetch it where a use case needs it (JOIN FETCH, @EntityGraph).");
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
