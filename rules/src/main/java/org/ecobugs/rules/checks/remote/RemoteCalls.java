package org.ecobugs.rules.checks.remote;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.checks.fhir.FhirChains;
import org.ecobugs.rules.java.JavaNames;
import org.ecobugs.rules.java.Scopes;
import org.ecobugs.rules.java.WordSets;

/**
 * Calls that cross the network to another system, by what they reach: an HTTP API, a FHIR server (HAPI FHIR's fluent
 * client), or a database (JDBC, Spring's {@code JdbcTemplate} and {@code JdbcClient}, JPA and Hibernate queries, Spring
 * Data repositories and DAOs). Without a classpath, receivers are recognised by their declared types and the file's
 * imports; repositories and DAOs by their type names ({@code EncounterRepository}, {@code PatientDao}) and their
 * query-method names ({@code findById}, {@code findByStatus}); caching DAOs ({@code CacheTagDefinitionDao}) are not
 * the database. Writes that JPA defers to the flush ({@code persist},
 * {@code save}) are not round trips of their own and are not classified.
 */
public final class RemoteCalls {

    /** What a call reaches. */
    public enum Kind {
        HTTP,
        FHIR,
        DATABASE_READ,
        DATABASE_WRITE
    }

    /**
     * A classified call.
     *
     * @param call the call that crosses the network (for a fluent chain, the call the finding is reported on)
     * @param what a short name for messages ({@code findById}, {@code restTemplate.getForObject})
     * @param fhir the FHIR chain, for FHIR calls
     */
    public record RemoteCall(Kind kind, MethodCallExpr call, String what, Optional<FhirChains.Chain> fhir) {}

    private static final Set<String> REST_TEMPLATE_CALLS = Set.of(
            "getForObject",
            "getForEntity",
            "postForObject",
            "postForEntity",
            "postForLocation",
            "patchForObject",
            "headForHeaders",
            "optionsForAllow");
    /** RestTemplate methods whose names are too common to trust without the receiver's declared type. */
    private static final Set<String> REST_TEMPLATE_GENERIC = Set.of("exchange", "put", "delete", "execute");

    private static final Set<String> REST_TEMPLATE_TYPES = Set.of("RestTemplate", "RestOperations", "TestRestTemplate");
    private static final Set<String> HTTP_URL_CONNECTIONS = Set.of("HttpURLConnection", "HttpsURLConnection");
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
    public static final Set<String> DATABASE_WORDS = WordSets.union(
            JDBC_STATEMENTS,
            JDBC_TEMPLATES,
            ENTITY_MANAGERS,
            QUERY_TYPES,
            QUERY_CREATIONS,
            Set.of("sql", "*Repository", "*Repo", "*Dao", "*DAO"));

    private RemoteCalls() {}

    /** Method names worth a closer look; everything else is answered without resolving the receiver. */
    private static final Set<String> CANDIDATES = WordSets.union(
            Set.of(
                    "search",
                    "read",
                    "create",
                    "update",
                    "delete",
                    "patch",
                    "send",
                    "sendAsync",
                    "getInputStream",
                    "getResponseCode",
                    "connect",
                    "newCall",
                    "retrieve",
                    "exchangeToMono",
                    "exchangeToFlux",
                    "execute",
                    "executeQuery",
                    "executeUpdate",
                    "executeLargeUpdate",
                    "find",
                    "get"),
            REST_TEMPLATE_CALLS,
            REST_TEMPLATE_GENERIC,
            JDBC_TEMPLATE_READS,
            JDBC_TEMPLATE_WRITES,
            QUERY_READS);

    /** What this call reaches over the network, if anything. */
    public static Optional<RemoteCall> classify(MethodCallExpr call, SourceContext context) {
        String name = call.getNameAsString();
        if (!CANDIDATES.contains(name) && !REPOSITORY_READ.matcher(name).matches()) {
            return Optional.empty();
        }
        Optional<RemoteCall> fhir = fhir(call, context);
        if (fhir.isPresent()) {
            return fhir;
        }
        if (isHttp(call, context)) {
            return Optional.of(new RemoteCall(Kind.HTTP, call, describe(call), Optional.empty()));
        }
        return database(call, context);
    }

    /**
     * What a call inside a wrapper method reaches: as {@link #classify}, and also a JDBC statement prepared there, which
     * the wrapper runs (possibly through a further helper) each time it is called.
     */
    static Optional<RemoteCall> classifyInWrapper(MethodCallExpr call, SourceContext context) {
        Optional<RemoteCall> direct = classify(call, context);
        if (direct.isPresent()) {
            return direct;
        }
        String name = call.getNameAsString();
        if ((name.equals("prepareStatement") || name.equals("prepareCall"))
                && !call.getArguments().isEmpty()
                && call.getScope().isPresent()
                && declaredTypeName(call.getScope().get())
                        .map(t -> t.equals("Connection"))
                        .orElse(context.names().imports("java.sql"))) {
            boolean read = context.constants()
                    .template(call.getArgument(0))
                    .map(sql -> sql.strip().toLowerCase(java.util.Locale.ROOT))
                    .map(sql -> sql.startsWith("select") || sql.startsWith("with") || sql.startsWith("{"))
                    .orElse(true);
            return Optional.of(remote(read ? Kind.DATABASE_READ : Kind.DATABASE_WRITE, call, name + "()"));
        }
        return Optional.empty();
    }

    /** A HAPI FHIR interaction: reported on its {@code read()}, {@code search()}, … call, the start of the chain. */
    private static Optional<RemoteCall> fhir(MethodCallExpr call, SourceContext context) {
        Optional<FhirChains.Chain> chain = FhirChains.startingAt(call, context);
        if (chain.isPresent()) {
            return Optional.of(
                    new RemoteCall(Kind.FHIR, call, chain.get().interaction().method() + "()", chain));
        }
        return Optional.empty();
    }

    private static boolean isHttp(MethodCallExpr call, SourceContext context) {
        String name = call.getNameAsString();
        JavaNames names = context.names();
        int arity = call.getArguments().size();
        Lazy receiver = new Lazy(call.getScope().orElse(null));
        switch (name) {
            case "send", "sendAsync":
                // java.net.http.HttpClient.send(request, bodyHandler)
                return arity == 2 && names.imports("java.net.http") && !receiverIsAnother(receiver.get(), "HttpClient");
            case "getInputStream", "getResponseCode", "connect":
                return arity == 0
                        && receiver.get().filter(HTTP_URL_CONNECTIONS::contains).isPresent();
            case "newCall":
                return arity == 1 && names.imports("okhttp3");
            case "retrieve", "exchangeToMono", "exchangeToFlux":
                return arity <= 1
                        && (names.imports("org.springframework.web.reactive")
                                || names.imports("org.springframework.web.client"));
            default:
                break;
        }
        if (REST_TEMPLATE_CALLS.contains(name) && arity >= 1) {
            return receiver.get()
                    .map(REST_TEMPLATE_TYPES::contains)
                    .orElse(names.imports("org.springframework.web.client"));
        }
        if (REST_TEMPLATE_GENERIC.contains(name) && arity >= 1) {
            return receiver.get().filter(REST_TEMPLATE_TYPES::contains).isPresent();
        }
        if (name.equals("execute") && arity >= 1) {
            // Apache HttpClient 4 and 5: client.execute(request, …)
            return receiver.get().filter(t -> t.endsWith("HttpClient")).isPresent()
                    && (names.imports("org.apache.http") || names.imports("org.apache.hc"));
        }
        return false;
    }

    /** Whether the receiver is known and is not of the expected type. */
    private static boolean receiverIsAnother(Optional<String> receiver, String expected) {
        return receiver.isPresent() && !receiver.get().equals(expected);
    }

    private static Optional<RemoteCall> database(MethodCallExpr call, SourceContext context) {
        String name = call.getNameAsString();
        int arity = call.getArguments().size();
        Optional<Expression> scope = call.getScope();
        if (scope.isEmpty()) {
            return Optional.empty();
        }
        Lazy receiver = new Lazy(scope.get());
        JavaNames names = context.names();
        boolean jdbcImported = names.imports("java.sql");
        // JDBC statements.
        if ((name.equals("executeQuery") || name.equals("executeUpdate") || name.equals("executeLargeUpdate"))
                && (receiver.get().map(JDBC_STATEMENTS::contains).orElse(jdbcImported))) {
            return Optional.of(
                    remote(name.equals("executeQuery") ? Kind.DATABASE_READ : Kind.DATABASE_WRITE, call, name + "()"));
        }
        if (name.equals("execute")
                && receiver.get().filter(JDBC_STATEMENTS::contains).isPresent()) {
            return Optional.of(remote(Kind.DATABASE_WRITE, call, "execute()"));
        }
        // Spring JDBC.
        boolean jdbcTemplate = receiver.get().map(JDBC_TEMPLATES::contains).orElse(false);
        if (jdbcTemplate && JDBC_TEMPLATE_READS.contains(name) && arity >= 1) {
            return Optional.of(remote(Kind.DATABASE_READ, call, name + "()"));
        }
        if (jdbcTemplate && JDBC_TEMPLATE_WRITES.contains(name) && arity >= 1) {
            return Optional.of(remote(Kind.DATABASE_WRITE, call, name + "()"));
        }
        // JPA and Hibernate: entity lookups, and the execution of queries.
        boolean entityManager = receiver.get().map(ENTITY_MANAGERS::contains).orElse(false);
        if (entityManager && (name.equals("find") || name.equals("get")) && arity >= 2) {
            return Optional.of(remote(Kind.DATABASE_READ, call, name + "()"));
        }
        if (QUERY_READS.contains(name) && arity == 0 && isQuery(scope.get())) {
            return Optional.of(remote(Kind.DATABASE_READ, call, name + "()"));
        }
        if (name.equals("executeUpdate") && arity == 0 && isQuery(scope.get())) {
            return Optional.of(remote(Kind.DATABASE_WRITE, call, name + "()"));
        }
        // Spring Data repositories and DAOs, by their type names.
        if (receiver.get()
                        .filter(t -> REPOSITORY_TYPE.matcher(t).matches() && !t.contains("Cach"))
                        .isPresent()
                && REPOSITORY_READ.matcher(name).matches()
                && !name.equals("getReferenceById")) {
            return Optional.of(remote(Kind.DATABASE_READ, call, name + "()"));
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
                && declaredTypeName(current).filter(QUERY_TYPES::contains).isPresent();
    }

    /** The receiver's declared type, resolved on first use only: most calls never need it. */
    private static final class Lazy {
        private final Expression receiver;
        private Optional<String> type;

        Lazy(Expression receiver) {
            this.receiver = receiver;
        }

        Optional<String> get() {
            if (type == null) {
                type = receiver == null ? Optional.empty() : declaredTypeName(receiver);
            }
            return type;
        }
    }

    private static RemoteCall remote(Kind kind, MethodCallExpr call, String what) {
        return new RemoteCall(kind, call, what, Optional.empty());
    }

    private static String describe(MethodCallExpr call) {
        return call.getNameAsString() + "()";
    }

    /**
     * The simple name of the declared type of a receiver: a local, parameter or field ({@code repo}, {@code
     * this.repo}), a cast, or an object created on the spot; empty when it cannot be told from the source.
     */
    static Optional<String> declaredTypeName(Expression receiver) {
        Expression e = receiver;
        while (e instanceof EnclosedExpr enclosed) {
            e = enclosed.getInner();
        }
        if (e instanceof CastExpr cast) {
            return simpleName(cast.getType());
        }
        if (e instanceof ObjectCreationExpr created) {
            return Optional.of(created.getType().getNameAsString());
        }
        if (e instanceof NameExpr name) {
            return Scopes.declarationOf(name).flatMap(d -> typeOf(d));
        }
        if (e instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
            return Scopes.declarationOf(access, access.getNameAsString())
                    .filter(Scopes.Declaration::field)
                    .flatMap(RemoteCalls::typeOf);
        }
        return Optional.empty();
    }

    private static Optional<String> typeOf(Scopes.Declaration declaration) {
        if (declaration.type().isVarType()) {
            return declaration.initializer().flatMap(RemoteCalls::declaredTypeName);
        }
        return simpleName(declaration.type());
    }

    private static Optional<String> simpleName(Type type) {
        return type instanceof ClassOrInterfaceType classType
                ? Optional.of(classType.getNameAsString())
                : Optional.empty();
    }

    /** Whether {@code node} is inside {@code region}, or is it. */
    static boolean within(Node node, Node region) {
        for (Node current = node;
                current != null;
                current = current.getParentNode().orElse(null)) {
            if (current == region) {
                return true;
            }
        }
        return false;
    }
}
