package org.ecobugs.rules.checks;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceDetector;
import org.ecobugs.rules.api.SourceVisits;
import org.ecobugs.rules.checks.remote.ResultUses;
import org.ecobugs.rules.java.Annotations;
import org.ecobugs.rules.java.JavaNames;
import org.ecobugs.rules.java.SqlText;
import org.ecobugs.rules.java.WordSets;

/** EB604 in source: the SQL given to a query call or held by a SQL annotation, folded from constants. */
final class SelectStarSource implements SourceDetector {

    private static final Set<String> RESULT_CONTAINERS = Set.of(
            "List", "Set", "Collection", "Iterable", "Page", "Slice", "Stream", "Optional", "Window", "Streamable");

    private static final String SPRING_DATA_JDBC_QUERY = "org.springframework.data.jdbc.repository.query.Query";

    /** The SQL calls, and the simple names of the annotations {@link #sqlOf} reads. */
    private static final Set<String> SQL_WORDS =
            WordSets.union(SelectStarRule.SQL_METHODS, Set.of("Query", "NamedNativeQuery", "SqlQuery", "Select"));

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(SQL_WORDS);
    }

    @Override
    public void subscribe(SourceVisits visits) {
        visits.enter(MethodCallExpr.class, SelectStarSource::visitCall);
        visits.enter(AnnotationExpr.class, SelectStarSource::visitAnnotation);
    }

    private static void visitCall(MethodCallExpr call, SourceContext context) {
        if (SelectStarRule.SQL_METHODS.contains(call.getNameAsString())
                && !call.getArguments().isEmpty()) {
            Expression sql = call.getArgument(0);
            context.constants()
                    .template(sql)
                    .flatMap(SqlText::star)
                    .flatMap(star -> SelectStarRule.message(star, nativeQueryEntity(call)))
                    .ifPresent(message -> context.report(sql, message));
        }
    }

    private static void visitAnnotation(AnnotationExpr annotation, SourceContext context) {
        sqlOf(annotation, context.names())
                .ifPresent(value -> sqlText(value, context)
                        .flatMap(SqlText::star)
                        .flatMap(star -> SelectStarRule.message(star, annotatedEntity(annotation, context)))
                        .ifPresent(message -> context.report(value, message)));
    }

    /**
     * The entity a native query maps its rows onto: {@code createNativeQuery(sql, Patient.class)}, or Hibernate's
     * {@code addEntity(Patient.class)} on the query.
     */
    private static Optional<String> nativeQueryEntity(MethodCallExpr call) {
        if (SelectStarRule.NATIVE_QUERIES.contains(call.getNameAsString())
                && call.getArguments().size() >= 2
                && call.getArgument(1) instanceof ClassExpr type) {
            return SelectStarRule.entityName(type.getType().asString());
        }
        return ResultUses.of(call).stream()
                .flatMap(List::stream)
                .filter(use -> use.startsWith("addEntity"))
                .flatMap(use -> use.calls().get(0).getArguments().stream())
                .filter(ClassExpr.class::isInstance)
                .map(argument -> ((ClassExpr) argument).getType().asString())
                .findFirst()
                .flatMap(SelectStarRule::entityName);
    }

    /**
     * The entity the rows of an annotated query are mapped onto: a Spring Data repository method that returns its
     * repository's domain type or an entity of the same file, or a {@code @NamedNativeQuery} with a {@code resultClass}.
     */
    private static Optional<String> annotatedEntity(AnnotationExpr annotation, SourceContext context) {
        String name = JavaNames.simpleName(annotation.getNameAsString());
        if (name.equals("NamedNativeQuery")) {
            return Annotations.member(annotation, "resultClass")
                    .filter(ClassExpr.class::isInstance)
                    .flatMap(type -> SelectStarRule.entityName(
                            ((ClassExpr) type).getType().asString()));
        }
        if (!name.equals("Query") || !(annotation.getParentNode().orElse(null) instanceof MethodDeclaration method)) {
            return Optional.empty();
        }
        String element = elementType(method.getType());
        boolean domainType = method.findAncestor(ClassOrInterfaceDeclaration.class).stream()
                .flatMap(repository -> repository.getExtendedTypes().stream())
                .filter(type -> type.getNameAsString().endsWith("Repository"))
                .flatMap(type -> type.getTypeArguments().stream())
                .anyMatch(arguments ->
                        !arguments.isEmpty() && elementType(arguments.get(0)).equals(element));
        boolean entityOfFile = context.compilationUnit().findAll(TypeDeclaration.class).stream()
                .map(type -> (TypeDeclaration<?>) type)
                .anyMatch(type -> type.getNameAsString().equals(element)
                        && type.getAnnotationByName("Entity").isPresent());
        return domainType || entityOfFile ? Optional.of(element) : Optional.empty();
    }

    /** The type of the elements of a repository method's result: {@code Patient} of {@code Page<Patient>}. */
    private static String elementType(com.github.javaparser.ast.type.Type type) {
        if (type instanceof ClassOrInterfaceType classType) {
            if (RESULT_CONTAINERS.contains(classType.getNameAsString())
                    && classType.getTypeArguments().filter(a -> a.size() == 1).isPresent()) {
                return elementType(classType.getTypeArguments().get().get(0));
            }
            return classType.getNameAsString();
        }
        return type.asString();
    }

    /** The SQL member of an annotation that holds native SQL. */
    private static Optional<Expression> sqlOf(AnnotationExpr annotation, JavaNames names) {
        String name = JavaNames.simpleName(annotation.getNameAsString());
        switch (name) {
            case "Query":
                boolean alwaysSql = names.resolve(annotation.getNameAsString())
                        .filter(SPRING_DATA_JDBC_QUERY::equals)
                        .isPresent();
                boolean nativeQuery = Annotations.member(annotation, "nativeQuery")
                        .filter(v -> v.isBooleanLiteralExpr()
                                && v.asBooleanLiteralExpr().getValue())
                        .isPresent();
                return alwaysSql || nativeQuery ? Annotations.member(annotation, "value") : Optional.empty();
            case "NamedNativeQuery":
                return Annotations.member(annotation, "query");
            case "SqlQuery", "Select":
                return Annotations.member(annotation, "value");
            default:
                return Optional.empty();
        }
    }

    /** The text of an annotation value; MyBatis joins the lines of an array. */
    private static Optional<String> sqlText(Expression value, SourceContext context) {
        if (value instanceof ArrayInitializerExpr array) {
            StringBuilder joined = new StringBuilder();
            for (Expression line : array.getValues()) {
                joined.append(context.constants().template(line).orElse("?")).append(' ');
            }
            return Optional.of(joined.toString());
        }
        return context.constants().template(value);
    }
}
