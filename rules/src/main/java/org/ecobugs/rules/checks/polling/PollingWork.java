package org.ecobugs.rules.checks.polling;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.java.JavaNames;
import org.ecobugs.rules.java.Scopes;

/**
 * What a periodic task or a polling loop does each time it runs: read a remote system (HTTP, a database), search a
 * FHIR server, or scan a directory. Calls to methods of the same class are followed one level deep, so that a task
 * delegating to {@code fetchNewResults()} is still seen to read remotely. The polling rules share it so that each
 * loop or task is reported by the most specific rule only.
 */
public final class PollingWork {

    /** What the work reads each time it runs. */
    public enum Kind {
        FHIR_SEARCH("a FHIR server"),
        REMOTE_READ("a remote service"),
        DATABASE_READ("the database"),
        DIRECTORY_SCAN("a directory");

        private final String target;

        Kind(String target) {
            this.target = target;
        }

        public String target() {
            return target;
        }
    }

    /**
     * A recognised read.
     *
     * @param detail e.g. the FHIR resource type searched, when known
     */
    public record Read(Kind kind, MethodCallExpr call, Optional<String> detail) {}

    private static final Set<String> HTTP_CLIENT_PACKAGES = Set.of(
            "java.net.http",
            "org.springframework.web.client",
            "org.springframework.web.reactive",
            "okhttp3",
            "org.apache.http",
            "org.apache.hc",
            "javax.ws.rs",
            "jakarta.ws.rs",
            "feign");
    private static final Set<String> REST_TEMPLATE_READS =
            Set.of("getForObject", "getForEntity", "postForObject", "postForEntity", "exchange");
    private static final Set<String> DATABASE_READS =
            Set.of("executeQuery", "queryForList", "queryForObject", "queryForMap", "queryForRowSet", "queryForStream");
    private static final Set<String> FILE_SCANS = Set.of("listFiles", "list", "exists", "lastModified", "length");
    private static final Set<String> FILES_SCANS =
            Set.of("list", "newDirectoryStream", "walk", "find", "exists", "notExists", "getLastModifiedTime");

    private PollingWork() {}

    public static final Set<Kind> ALL_KINDS = EnumSet.allOf(Kind.class);

    /** The first read of one of {@code kinds} in the work, following calls to same-class methods one level deep. */
    public static Optional<Read> firstRead(List<Node> work, SourceContext context, Set<Kind> kinds) {
        return first(work, call -> classify(call, context).filter(read -> kinds.contains(read.kind())));
    }

    /**
     * The first answer {@code found} gives for a call of the work, following calls to same-class methods one level deep:
     * a task that delegates to {@code fetchNewResults()} does what that method does.
     */
    public static <T> Optional<T> first(List<Node> work, Function<MethodCallExpr, Optional<T>> found) {
        Deque<Node> pending = new ArrayDeque<>(work);
        Set<Node> seen = new HashSet<>();
        for (int level = 0; level <= 1 && !pending.isEmpty(); level++) {
            Deque<Node> next = new ArrayDeque<>();
            for (Node region : pending) {
                if (!seen.add(region)) {
                    continue;
                }
                for (MethodCallExpr call : region.findAll(MethodCallExpr.class)) {
                    Optional<T> answer = found.apply(call);
                    if (answer.isPresent()) {
                        return answer;
                    }
                    sameClassTarget(call).ifPresent(next::add);
                }
            }
            pending = next;
        }
        return Optional.empty();
    }

    /** Whether the call reads a remote system, a FHIR server, the database or a directory. */
    public static Optional<Read> classify(MethodCallExpr call, SourceContext context) {
        String name = call.getNameAsString();
        JavaNames names = context.names();
        if (isFhirSearch(call, names)) {
            return Optional.of(new Read(Kind.FHIR_SEARCH, call, fhirResourceType(call)));
        }
        if (DATABASE_READS.contains(name)) {
            return Optional.of(new Read(Kind.DATABASE_READ, call, Optional.empty()));
        }
        if (isHttpRead(call, names)) {
            return Optional.of(new Read(Kind.REMOTE_READ, call, Optional.empty()));
        }
        if (isDirectoryScan(call, context)) {
            return Optional.of(new Read(Kind.DIRECTORY_SCAN, call, Optional.empty()));
        }
        return Optional.empty();
    }

    /** {@code client.search()…execute()} or {@code client.history()…} with HAPI FHIR imported. */
    private static boolean isFhirSearch(MethodCallExpr call, JavaNames names) {
        String name = call.getNameAsString();
        return (name.equals("search") || name.equals("history"))
                && call.getArguments().isEmpty()
                && names.imports("ca.uhn.fhir");
    }

    /** The resource type of {@code forResource(Observation.class)} or {@code forResource("Observation")}. */
    private static Optional<String> fhirResourceType(MethodCallExpr search) {
        Expression current = search;
        // Walk up the fluent chain: search().forResource(…).where(…).execute().
        while (current.getParentNode().orElse(null) instanceof MethodCallExpr parent
                && parent.getScope().orElse(null) == current) {
            if (parent.getNameAsString().equals("forResource")
                    && parent.getArguments().size() == 1) {
                Expression type = parent.getArgument(0);
                if (type instanceof StringLiteralExpr literal) {
                    return Optional.of(literal.asString());
                }
                if (type.isClassExpr()) {
                    return Optional.of(
                            JavaNames.simpleName(type.asClassExpr().getType().asString()));
                }
            }
            current = parent;
        }
        return Optional.empty();
    }

    private static boolean isHttpRead(MethodCallExpr call, JavaNames names) {
        String name = call.getNameAsString();
        boolean httpImported = HTTP_CLIENT_PACKAGES.stream().anyMatch(names::imports);
        return switch (name) {
            case "send", "sendAsync" -> names.imports("java.net.http");
            case "openStream", "openConnection" -> names.imports("java.net");
            case "getInputStream", "getResponseCode" ->
                names.imports("java.net.HttpURLConnection") || names.imports("java.net.URLConnection");
            case "newCall" -> names.imports("okhttp3");
            case "retrieve" -> names.imports("org.springframework.web.reactive");
            default -> REST_TEMPLATE_READS.contains(name) && httpImported;
        };
    }

    /** Whether the call lists a directory or checks a file's presence, size or date. */
    public static boolean isDirectoryScan(MethodCallExpr call, SourceContext context) {
        String name = call.getNameAsString();
        Optional<Expression> scope = call.getScope();
        if (scope.isEmpty()) {
            return false;
        }
        if (FILES_SCANS.contains(name) && context.names().isTypeName(scope.get(), "java.nio.file.Files")) {
            return true;
        }
        return FILE_SCANS.contains(name) && call.getArguments().size() <= 1 && isFile(scope.get(), context);
    }

    private static boolean isFile(Expression expression, SourceContext context) {
        if (expression instanceof ObjectCreationExpr creation) {
            return creation.getType().getNameAsString().equals("File");
        }
        if (expression instanceof NameExpr variable) {
            return Scopes.declarationOf(variable)
                    .flatMap(d -> context.names().resolve(d.type()))
                    .filter("java.io.File"::equals)
                    .isPresent();
        }
        return false;
    }

    /** The same-class method an unqualified or {@code this.} call invokes, when there is one by that name. */
    private static Optional<Node> sameClassTarget(MethodCallExpr call) {
        boolean local = call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr;
        if (!local) {
            return Optional.empty();
        }
        return call.findAncestor(ClassOrInterfaceDeclaration.class)
                .flatMap(type -> type.getMethodsByName(call.getNameAsString()).stream()
                        .filter(m ->
                                m.getParameters().size() == call.getArguments().size())
                        .flatMap(m -> m.getBody().stream())
                        .<Node>map(body -> body)
                        .findFirst());
    }
}
