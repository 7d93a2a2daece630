package org.ecobugs.rules.checks.remote;

import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.java.Annotations;
import org.ecobugs.rules.java.JavaNames;
import org.ecobugs.rules.java.Scopes;

/**
 * What a database list read says about its size and order: a limit in its name ({@code findFirst…}, {@code
 * findTop10…}), a paging argument ({@code Pageable}, {@code PageRequest.of}, {@code Limit.of}), {@code setMaxResults}
 * on the query, {@code LIMIT}, {@code FETCH FIRST}, {@code TOP} or {@code ROWNUM} in its constant text; an order in its
 * name ({@code …OrderBy…}) or its text ({@code ORDER BY}). The text is the SQL given to the call, to {@code
 * createQuery}/{@code createNativeQuery}, a {@code @NamedQuery} of the same file for {@code createNamedQuery}, or the
 * {@code @Query} of a repository method declared in the same file.
 */
public final class QueryLimits {

    private static final Pattern BOUNDED_NAME = Pattern.compile("(find|get|read|query|search|stream)(First|Top)\\w*");
    private static final Pattern SQL_LIMIT = Pattern.compile(
            "\\blimit\\b|\\bfetch\\s+(first|next)\\b|\\btop\\s*\\(?\\d|\\brownum\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ORDER_BY = Pattern.compile("\\border\\s+by\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PAGING_ARGUMENT = Pattern.compile("Pageable|PageRequest|Limit\\.|ScrollPosition");
    private static final Set<String> PAGING_TYPES = Set.of("Pageable", "PageRequest", "Limit", "ScrollPosition");

    private QueryLimits() {}

    /** Whether the query already limits its rows. */
    public static boolean isBounded(MethodCallExpr call, SourceContext context) {
        if (BOUNDED_NAME.matcher(call.getNameAsString()).matches()) {
            return true;
        }
        for (Expression argument : call.getArguments()) {
            if (PAGING_ARGUMENT.matcher(argument.toString()).find()
                    || (argument instanceof NameExpr
                            && DeclaredTypes.simpleNameOf(argument)
                                    .filter(PAGING_TYPES::contains)
                                    .isPresent())) {
                return true;
            }
        }
        if (queryText(call, context).filter(t -> SQL_LIMIT.matcher(t).find()).isPresent()) {
            return true;
        }
        Expression current = call.getScope().orElse(null);
        while (current instanceof MethodCallExpr scope) {
            if (scope.getNameAsString().equals("setMaxResults")) {
                return true;
            }
            current = scope.getScope().orElse(null);
        }
        if (current instanceof NameExpr query) {
            return call.findAncestor(CallableDeclaration.class)
                    .map(m -> m.findAll(MethodCallExpr.class).stream()
                            .anyMatch(c -> c.getNameAsString().equals("setMaxResults")
                                    && c.getScope()
                                            .filter(s -> s.toString().equals(query.getNameAsString()))
                                            .isPresent()))
                    .orElse(true);
        }
        return false;
    }

    /** Whether the rows come in a defined order: {@code …OrderBy…} in the name, {@code ORDER BY} in the text. */
    public static boolean isOrdered(MethodCallExpr call, SourceContext context) {
        return call.getNameAsString().contains("OrderBy")
                || queryText(call, context)
                        .filter(t -> ORDER_BY.matcher(t).find())
                        .isPresent();
    }

    /**
     * The constant text of the query a read runs: its first argument when that is SQL ({@code queryForList(sql)}), or
     * the text given to {@code createQuery} and its kin, in the chain or in the initializer of the query variable.
     */
    static Optional<String> queryText(MethodCallExpr call, SourceContext context) {
        Optional<String> declared = repositoryQuery(call, context);
        if (declared.isPresent()) {
            return declared;
        }
        for (Expression argument : call.getArguments()) {
            Optional<String> text = context.constants().string(argument);
            if (text.isPresent() && isQueryText(text.get())) {
                return text;
            }
        }
        Expression current = call.getScope().orElse(null);
        for (int depth = 0; depth < 2 && current != null; depth++) {
            while (current instanceof MethodCallExpr scope) {
                if (scope.getNameAsString().equals("createNamedQuery")
                        && !scope.getArguments().isEmpty()) {
                    return context.constants().string(scope.getArgument(0)).flatMap(n -> namedQuery(n, context));
                }
                if (scope.getNameAsString().startsWith("create")
                        && !scope.getArguments().isEmpty()) {
                    return context.constants().string(scope.getArgument(0));
                }
                current = scope.getScope().orElse(null);
            }
            if (current instanceof NameExpr variable) {
                current = Scopes.declarationOf(variable)
                        .filter(d -> !d.field())
                        .flatMap(Scopes.Declaration::initializer)
                        .orElse(null);
            } else {
                current = null;
            }
        }
        return Optional.empty();
    }

    /**
     * The text of a repository method's {@code @Query}, when the repository is declared in the same file: Spring Data
     * runs that query, whatever the method's name says.
     */
    private static Optional<String> repositoryQuery(MethodCallExpr call, SourceContext context) {
        if (call.getScope().isEmpty()) {
            return Optional.empty();
        }
        for (MethodDeclaration method : context.compilationUnit().findAll(MethodDeclaration.class)) {
            if (method.getNameAsString().equals(call.getNameAsString())
                    && method.getBody().isEmpty()
                    && method.getParameters().size() == call.getArguments().size()) {
                for (AnnotationExpr annotation : method.getAnnotations()) {
                    if (JavaNames.simpleName(annotation.getNameAsString()).equals("Query")) {
                        return Annotations.member(annotation, "value").flatMap(context.constants()::template);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The text of a JPA {@code @NamedQuery} of the same file, by name. */
    private static Optional<String> namedQuery(String name, SourceContext context) {
        for (AnnotationExpr annotation : context.compilationUnit().findAll(AnnotationExpr.class)) {
            String type = JavaNames.simpleName(annotation.getNameAsString());
            if ((type.equals("NamedQuery") || type.equals("NamedNativeQuery"))
                    && Annotations.member(annotation, "name")
                            .flatMap(context.constants()::string)
                            .filter(name::equals)
                            .isPresent()) {
                return Annotations.member(annotation, "query").flatMap(context.constants()::template);
            }
        }
        return Optional.empty();
    }

    private static boolean isQueryText(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("select") || lower.contains("from ");
    }
}
