package org.ecobugs.rules.checks.remote;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.checks.remote.RemoteCalls.Kind;
import org.ecobugs.rules.checks.remote.RemoteCalls.RemoteCall;
import org.ecobugs.rules.java.JavaNames;
import org.ecobugs.rules.java.WordSets;

/**
 * The calls that read or write a database: JDBC statements, Spring's {@code JdbcTemplate}, JPA and Hibernate lookups
 * and queries, Spring Data repositories and DAOs. Repositories and DAOs are recognised by their type names ({@code
 * EncounterRepository}, {@code PatientDao}) and their query-method names ({@code findById}, {@code findByStatus});
 * caching DAOs ({@code CacheTagDefinitionDao}) are not the database. Writes that JPA defers to the flush ({@code
 * persist}, {@code save}) are not round trips of their own and are not classified.
 */
final class DatabaseCalls {

    private static final Set<String> JDBC_STATEMENTS = Set.of("Statement", "PreparedStatement", "CallableStatement");
    private static final Set<String> JDBC_TEMPLATES =
            Set.of("JdbcTemplate", "NamedParameterJdbcTemplate", "JdbcOperations", "NamedParameterJdbcOperations");
    private static final Set<String> JDBC_TEMPLATE_READS =
            Set.of("query", "queryForList", "queryForObject", "queryForMap", "queryForRowSet", "queryForStream");
    private static final Set<String> JDBC_TEMPLATE_WRITES = Set.of("update", "execute");
    private static final Set<String> ENTITY_MANAGERS = Set.of("EntityManager", "Session", "StatelessSession");
    private static final Set<String> QUERY_TYPES =
            Set.of("Query", "TypedQuery", "StoredProcedureQuery", "NativeQuery", "SelectionQuery", "MutationQuery");
    private static final Set<String> QUERY_READS = Set.of(
            "getResultList",
            "getSingleResult",
            "getSingleResultOrNull",
            "getResultStream",
            "list",
            "uniqueResult",
            "uniqueResultOptional",
            "getResultCount");
    private static final Set<String> QUERY_CREATIONS = Set.of(
            "createQuery",
            "createNamedQuery",
            "createNativeQuery",
            "createSelectionQuery",
            "createMutationQuery",
            "createNativeMutationQuery");

    /** Query methods of Spring Data repositories and of DAOs: derived queries and the CRUD reads. */
    private static final Pattern REPOSITORY_READ =
            Pattern.compile("(find|get|read|query|search|stream|count|exists|load|select|fetch)([A-Z].*)?");

    private static final Pattern REPOSITORY_TYPE = Pattern.compile("[A-Z]\\w*(Repository|Repo|Dao|DAO)");

    /**
     * Words without which no call is classified as a database read or write: the receiver types above, the query
     * creations, {@code sql} (a JDBC call on a receiver of unknown type counts when the file imports {@code java.sql}),
     * and the repository and DAO type-name suffixes.
     */
    static final Set<String> WORDS = WordSets.union(
            JDBC_STATEMENTS,
            JDBC_TEMPLATES,
            ENTITY_MANAGERS,
            QUERY_TYPES,
            QUERY_CREATIONS,
            Set.of("sql", "*Repository", "*Repo", "*Dao", "*DAO"));

    /** The names of the calls that may read or write, besides the repository reads ({@link #isRepositoryRead}). */
    static final Set<String> METHODS = WordSets.union(
            Set.of("executeQuery", "executeUpdate", "executeLargeUpdate", "execute", "find", "get"),
            JDBC_TEMPLATE_READS,
            JDBC_TEMPLATE_WRITES,
            QUERY_READS);

    private DatabaseCalls() {}

    /** Whether a method's name is that of a repository's or a DAO's query method. */
    static boolean isRepositoryRead(String method) {
        return REPOSITORY_READ.matcher(method).matches();
    }

    /** The database read or write the call makes, if it makes one. */
    static Optional<RemoteCall> classify(MethodCallExpr call, SourceContext context) {
        String name = call.getNameAsString();
        int arity = call.getArguments().size();
        Optional<Expression> scope = call.getScope();
        if (scope.isEmpty()) {
            return Optional.empty();
        }
        DeclaredTypes.Receiver receiver = new DeclaredTypes.Receiver(scope.get());
        JavaNames names = context.names();
        boolean jdbcImported = names.imports("java.sql");
        // JDBC statements.
        if ((name.equals("executeQuery") || name.equals("executeUpdate") || name.equals("executeLargeUpdate"))
                && (receiver.type().map(JDBC_STATEMENTS::contains).orElse(jdbcImported))) {
            return Optional.of(
                    RemoteCall.of(name.equals("executeQuery") ? Kind.DATABASE_READ : Kind.DATABASE_WRITE, call));
        }
        if (name.equals("execute")
                && receiver.type().filter(JDBC_STATEMENTS::contains).isPresent()) {
            return Optional.of(RemoteCall.of(Kind.DATABASE_WRITE, call));
        }
        // Spring JDBC.
        boolean jdbcTemplate = receiver.type().map(JDBC_TEMPLATES::contains).orElse(false);
        if (jdbcTemplate && JDBC_TEMPLATE_READS.contains(name) && arity >= 1) {
            return Optional.of(RemoteCall.of(Kind.DATABASE_READ, call));
        }
        if (jdbcTemplate && JDBC_TEMPLATE_WRITES.contains(name) && arity >= 1) {
            return Optional.of(RemoteCall.of(Kind.DATABASE_WRITE, call));
        }
        // JPA and Hibernate: entity lookups, and the execution of queries.
        boolean entityManager = receiver.type().map(ENTITY_MANAGERS::contains).orElse(false);
        if (entityManager && (name.equals("find") || name.equals("get")) && arity >= 2) {
            return Optional.of(RemoteCall.of(Kind.DATABASE_READ, call));
        }
        if (QUERY_READS.contains(name) && arity == 0 && isQuery(scope.get())) {
            return Optional.of(RemoteCall.of(Kind.DATABASE_READ, call));
        }
        if (name.equals("executeUpdate") && arity == 0 && isQuery(scope.get())) {
            return Optional.of(RemoteCall.of(Kind.DATABASE_WRITE, call));
        }
        // Spring Data repositories and DAOs, by their type names.
        if (receiver.type()
                        .filter(t -> REPOSITORY_TYPE.matcher(t).matches() && !t.contains("Cach"))
                        .isPresent()
                && REPOSITORY_READ.matcher(name).matches()
                && !name.equals("getReferenceById")) {
            return Optional.of(RemoteCall.of(Kind.DATABASE_READ, call));
        }
        return Optional.empty();
    }

    /**
     * A JDBC statement prepared on a connection ({@code prepareStatement(sql)}, {@code prepareCall(sql)}): in a wrapper
     * method, each call of the wrapper runs it (possibly through a further helper). A read unless its constant text
     * says otherwise.
     */
    static Optional<RemoteCall> preparedStatement(MethodCallExpr call, SourceContext context) {
        String name = call.getNameAsString();
        if ((name.equals("prepareStatement") || name.equals("prepareCall"))
                && !call.getArguments().isEmpty()
                && call.getScope().isPresent()
                && DeclaredTypes.simpleNameOf(call.getScope().get())
                        .map(t -> t.equals("Connection"))
                        .orElse(context.names().imports("java.sql"))) {
            boolean read = context.constants()
                    .template(call.getArgument(0))
                    .map(sql -> sql.strip().toLowerCase(Locale.ROOT))
                    .map(sql -> sql.startsWith("select") || sql.startsWith("with") || sql.startsWith("{"))
                    .orElse(true);
            return Optional.of(RemoteCall.of(read ? Kind.DATABASE_READ : Kind.DATABASE_WRITE, call));
        }
        return Optional.empty();
    }

    /** A JPA or Hibernate query: a variable of a query type, or a {@code createQuery(…)} call, possibly configured. */
    private static boolean isQuery(Expression scope) {
        Expression current = scope;
        while (current instanceof MethodCallExpr call) {
            if (QUERY_CREATIONS.contains(call.getNameAsString())) {
                return true;
            }
            current = call.getScope().orElse(null);
        }
        return current != null
                && DeclaredTypes.simpleNameOf(current)
                        .filter(QUERY_TYPES::contains)
                        .isPresent();
    }
}
