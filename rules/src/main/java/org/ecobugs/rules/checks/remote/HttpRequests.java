package org.ecobugs.rules.checks.remote;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.java.Scopes;

/**
 * The two plain JDK HTTP clients as code uses them within one method, for the rules about how a request is configured:
 * a {@code java.net.http.HttpRequest} built in one fluent chain ({@code HttpRequest.newBuilder(uri)…build()}), and an
 * {@code HttpURLConnection} local variable with the calls made on it.
 */
public final class HttpRequests {

    /** Calls on an {@code HttpURLConnection} that exchange data with the server. */
    public static final Set<String> CONNECTION_IO =
            Set.of("connect", "getInputStream", "getResponseCode", "getOutputStream", "getContent", "getHeaderField");

    private static final Set<String> URL_CONNECTIONS = Set.of("HttpURLConnection", "HttpsURLConnection");

    private HttpRequests() {}

    /** A {@code HttpRequest.newBuilder(…)} chain ending in {@code build()}, with its calls in order. */
    public static Optional<List<MethodCallExpr>> requestChain(MethodCallExpr newBuilder, SourceContext context) {
        if (!newBuilder.getNameAsString().equals("newBuilder")
                || newBuilder.getScope().isEmpty()
                || !context.names().isTypeName(newBuilder.getScope().get(), "java.net.http.HttpRequest")) {
            return Optional.empty();
        }
        List<MethodCallExpr> calls = new ArrayList<>();
        Node current = newBuilder;
        calls.add(newBuilder);
        while (current.getParentNode().orElse(null) instanceof MethodCallExpr parent
                && parent.getScope().orElse(null) == current) {
            calls.add(parent);
            current = parent;
            if (parent.getNameAsString().equals("build")) {
                return Optional.of(calls);
            }
        }
        return Optional.empty();
    }

    /** Whether a chain sets the header, by name (case-insensitive), through header, setHeader or headers. */
    public static boolean setsHeader(List<MethodCallExpr> calls, String header, SourceContext context) {
        for (MethodCallExpr call : calls) {
            String name = call.getNameAsString();
            if (name.equals("header") || name.equals("setHeader") || name.equals("headers")) {
                for (Expression argument : call.getArguments()) {
                    if (context.constants()
                            .string(argument)
                            .filter(v -> v.equalsIgnoreCase(header))
                            .isPresent()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether the method or lambda around a node contains a call by one of these names. */
    public static boolean enclosingCodeCalls(Node node, Set<String> names) {
        return enclosingCode(node)
                .map(code ->
                        code.findAll(MethodCallExpr.class).stream().anyMatch(c -> names.contains(c.getNameAsString())))
                .orElse(false);
    }

    public static Optional<Node> enclosingCode(Node node) {
        return node.findAncestor(n -> n instanceof CallableDeclaration<?> || n instanceof LambdaExpr, Node.class);
    }

    /**
     * The local {@code HttpURLConnection} variable an I/O call is made on ({@code connection.getInputStream()}), when
     * the variable is declared in the same method as such.
     */
    public static Optional<Scopes.Declaration> connectionVariable(MethodCallExpr call) {
        return connectionLocal(call).filter(d -> opening(d).isPresent());
    }

    /**
     * The local URL connection a call exchanges data on ({@code connection.getInputStream()}) when the method got it
     * from a call of other code ({@code HttpURLConnection connection = Http.open(url);}): that call.
     */
    public static Optional<MethodCallExpr> connectionFromCall(MethodCallExpr call) {
        return connectionLocal(call)
                .filter(d -> opening(d).isEmpty())
                .flatMap(Scopes.Declaration::initializer)
                .map(HttpRequests::withoutCast)
                .filter(MethodCallExpr.class::isInstance)
                .map(MethodCallExpr.class::cast);
    }

    /** A local declared as a URL connection ({@code HttpURLConnection}, {@code HttpsURLConnection}). */
    public static Optional<Scopes.Declaration> urlConnectionLocal(NameExpr name) {
        return Scopes.declarationOf(name)
                .filter(d -> d.node() instanceof VariableDeclarator)
                .filter(d -> !d.field())
                .filter(d -> d.type().isClassOrInterfaceType()
                        && URL_CONNECTIONS.contains(
                                d.type().asClassOrInterfaceType().getNameAsString()));
    }

    /** The local URL connection a call exchanges data on ({@code connection.getInputStream()}). */
    public static Optional<Scopes.Declaration> connectionLocal(MethodCallExpr call) {
        if (!CONNECTION_IO.contains(call.getNameAsString())
                || !(call.getScope().orElse(null) instanceof NameExpr variable)) {
            return Optional.empty();
        }
        return urlConnectionLocal(variable);
    }

    private static Expression withoutCast(Expression value) {
        Expression current = value;
        while (current instanceof CastExpr || current instanceof EnclosedExpr) {
            current = current instanceof CastExpr cast ? cast.getExpression() : ((EnclosedExpr) current).getInner();
        }
        return current;
    }

    /**
     * Where the connection is opened in the method that declares it ({@code url.openConnection()} in its initializer or
     * an assignment): one received from elsewhere was configured there.
     */
    public static Optional<MethodCallExpr> opening(Scopes.Declaration connection) {
        Optional<MethodCallExpr> initialized = connection.initializer().flatMap(HttpRequests::openConnection);
        if (initialized.isPresent()) {
            return initialized;
        }
        return enclosingCode(connection.node())
                .flatMap(code -> code.findAll(AssignExpr.class).stream()
                        .filter(a -> a.getTarget() instanceof NameExpr target
                                && target.getNameAsString().equals(connection.name()))
                        .flatMap(a -> openConnection(a.getValue()).stream())
                        .findFirst());
    }

    private static Optional<MethodCallExpr> openConnection(Expression value) {
        return value.findAll(MethodCallExpr.class).stream()
                .filter(c -> c.getNameAsString().equals("openConnection"))
                .findFirst();
    }

    /** The calls made on a local variable in its method, in source order. */
    public static List<MethodCallExpr> callsOn(Scopes.Declaration variable) {
        List<MethodCallExpr> calls = new ArrayList<>();
        enclosingCode(variable.node()).ifPresent(code -> {
            for (MethodCallExpr call : code.findAll(MethodCallExpr.class)) {
                if (call.getScope().orElse(null) instanceof NameExpr scope
                        && scope.getNameAsString().equals(variable.name())) {
                    calls.add(call);
                }
            }
        });
        return calls;
    }

    /** Whether a local variable is passed to a method (which may configure it) anywhere in its method. */
    public static boolean isPassedOn(Scopes.Declaration variable) {
        return enclosingCode(variable.node())
                .map(code -> code.findAll(NameExpr.class).stream()
                        .filter(n -> n.getNameAsString().equals(variable.name()))
                        .anyMatch(n -> n.getParentNode().orElse(null) instanceof MethodCallExpr call
                                && call.getArguments().contains(n)))
                .orElse(true);
    }

    /** Whether a request property is set on the connection, by name (case-insensitive). */
    public static boolean setsRequestProperty(List<MethodCallExpr> calls, String property, SourceContext context) {
        return calls.stream()
                .filter(c -> c.getNameAsString().equals("setRequestProperty")
                        || c.getNameAsString().equals("addRequestProperty"))
                .filter(c -> !c.getArguments().isEmpty())
                .anyMatch(c -> context.constants()
                        .string(c.getArgument(0))
                        .map(v -> v.toLowerCase(Locale.ROOT))
                        .filter(v -> v.equals(property.toLowerCase(Locale.ROOT)))
                        .isPresent());
    }
}
