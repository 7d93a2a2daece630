package org.ecobugs.rules.checks.remote;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.java.JavaNames;
import org.ecobugs.rules.java.Scopes;

/**
 * Apache HttpClient 4 clients as a file builds them, and whether it gives them timeouts. HttpClient 4 leaves the
 * connect, socket and connection-pool timeouts of a client without a {@code RequestConfig} undefined, which is the
 * JRE's default: no limit. HttpClient 5 ({@code org.apache.hc.client5}) bounds each of them at 3 minutes by default and
 * is not looked at.
 */
public final class ApacheHttpClients {

    private static final String HTTP_CLIENTS = "org.apache.http.impl.client.HttpClients";
    private static final String HTTP_CLIENT_BUILDER = "org.apache.http.impl.client.HttpClientBuilder";
    private static final Set<String> LEGACY_CLIENTS = Set.of(
            "org.apache.http.impl.client.DefaultHttpClient", "org.apache.http.impl.client.SystemDefaultHttpClient");

    /** The factory methods of {@code HttpClients} that build a client with the default configuration. */
    private static final Set<String> DEFAULT_CLIENTS = Set.of("createDefault", "createSystem", "createMinimal");

    /** The calls that give a connection manager its socket timeout (HttpClient 4's pooling and basic managers). */
    private static final Set<String> SOCKET_CONFIGS = Set.of("setDefaultSocketConfig", "setSocketConfig");

    /** The calls that give a request, or the context it is executed with, its own {@code RequestConfig}. */
    private static final Set<String> REQUEST_CONFIGS = Set.of("setConfig", "setRequestConfig");

    /** The calls on a legacy client's {@code HttpParams} that set a timeout by its parameter name. */
    private static final Set<String> PARAMETER_SETTERS = Set.of("setParameter", "setIntParameter");

    /** The words of the classes and methods this reads: a file without one builds no such client. */
    public static final Set<String> WORDS =
            Set.of("HttpClients", "HttpClientBuilder", "DefaultHttpClient", "SystemDefaultHttpClient");

    private ApacheHttpClients() {}

    /**
     * Whether the call starts an HttpClient 4 client that gets no timeout: {@code HttpClients.createDefault()} (and
     * {@code createSystem}, {@code createMinimal}), or {@code HttpClients.custom()} and {@code HttpClientBuilder.create()}
     * built in the same method without a default {@code RequestConfig} with timeouts, a default {@code SocketConfig}, or
     * a connection manager that has one. A builder passed to another method, or kept beyond it, may be configured there
     * and is left out; so is a file that gives its requests their own {@code RequestConfig}.
     */
    public static boolean startsUntimedClient(MethodCallExpr call, SourceContext context) {
        String name = call.getNameAsString();
        if (!call.getArguments().isEmpty() || call.getScope().isEmpty()) {
            return false;
        }
        JavaNames names = context.names();
        Expression type = call.getScope().get();
        boolean defaults = DEFAULT_CLIENTS.contains(name) && names.isTypeName(type, HTTP_CLIENTS);
        boolean builder = (name.equals("custom") && names.isTypeName(type, HTTP_CLIENTS))
                || (name.equals("create") && names.isTypeName(type, HTTP_CLIENT_BUILDER));
        if ((!defaults && !builder) || !names.imports("org.apache.http")) {
            return false;
        }
        if (builder) {
            Optional<List<MethodCallExpr>> calls = builderCalls(call);
            if (calls.isEmpty()
                    || calls.get().stream().noneMatch(c -> c.getNameAsString().equals("build"))
                    || calls.get().stream().anyMatch(ApacheHttpClients::setsTimeout)) {
                return false;
            }
        }
        return !configuresRequests(call);
    }

    /**
     * Whether a {@code new DefaultHttpClient(…)} (or {@code SystemDefaultHttpClient}) gets no timeout: its file sets
     * neither a connection nor a socket timeout on {@code HttpParams}, and no {@code RequestConfig} on its requests.
     */
    public static boolean isUntimedLegacyClient(ObjectCreationExpr created, SourceContext context) {
        String type = created.getType().getNameWithScope();
        if (LEGACY_CLIENTS.stream().noneMatch(legacy -> context.names().mayBe(type, legacy))
                || !context.names().imports("org.apache.http")) {
            return false;
        }
        return created.findCompilationUnit()
                        .map(unit -> unit.findAll(MethodCallExpr.class).stream()
                                .noneMatch(ApacheHttpClients::setsParameterTimeout))
                        .orElse(false)
                && !configuresRequests(created);
    }

    /**
     * The calls made on the builder: those chained on it, and, when the chain does not build the client, those on the
     * local variable it is kept in. Empty when the builder is kept in a field or passed to another method.
     */
    private static Optional<List<MethodCallExpr>> builderCalls(MethodCallExpr start) {
        List<MethodCallExpr> calls = new ArrayList<>();
        Node current = start;
        while (current.getParentNode().orElse(null) instanceof MethodCallExpr parent
                && parent.getScope().orElse(null) == current) {
            calls.add(parent);
            current = parent;
        }
        boolean built = calls.stream().anyMatch(c -> c.getNameAsString().equals("build"));
        Optional<Scopes.Declaration> variable = built ? Optional.empty() : keptIn(current);
        if (variable.isPresent()) {
            if (variable.get().field() || HttpRequests.isPassedOn(variable.get())) {
                return Optional.empty();
            }
            calls.addAll(HttpRequests.callsOn(variable.get()));
        }
        return Optional.of(calls);
    }

    /** The variable a builder chain is stored in: declared with it, or assigned it. */
    private static Optional<Scopes.Declaration> keptIn(Node chain) {
        Node parent = chain.getParentNode().orElse(null);
        if (parent instanceof VariableDeclarator declarator) {
            return Scopes.declarationOf(declarator, declarator.getNameAsString());
        }
        if (parent instanceof AssignExpr assign && assign.getTarget() instanceof NameExpr target) {
            return Scopes.declarationOf(target);
        }
        return Optional.empty();
    }

    /** Whether a builder call gives the client a timeout, or a connection manager that may have one. */
    private static boolean setsTimeout(MethodCallExpr call) {
        return switch (call.getNameAsString()) {
            case "setDefaultRequestConfig" -> call.getArguments().size() == 1 && hasTimeouts(call.getArgument(0));
            case "setDefaultSocketConfig" -> true;
            case "setConnectionManager" ->
                call.getArguments().size() == 1 && managerMayHaveTimeout(call.getArgument(0));
            default -> false;
        };
    }

    /**
     * Whether a {@code RequestConfig} may set a timeout: one built in sight ({@code RequestConfig.custom()…build()},
     * inline or in the variable's initializer) sets one only if a call of its chain does; {@code RequestConfig.DEFAULT}
     * sets none; any other is given the benefit of the doubt.
     */
    private static boolean hasTimeouts(Expression config) {
        Expression value = config;
        if (value instanceof NameExpr name) {
            Optional<Expression> initializer = Scopes.declarationOf(name).flatMap(Scopes.Declaration::initializer);
            if (initializer.isEmpty()) {
                return true;
            }
            value = initializer.get();
        }
        if (value instanceof FieldAccessExpr access) {
            return !(access.getNameAsString().equals("DEFAULT")
                    && access.getScope().toString().endsWith("RequestConfig"));
        }
        if (!(value instanceof MethodCallExpr built)) {
            return true;
        }
        List<MethodCallExpr> chain = new ArrayList<>();
        Expression link = built;
        while (link instanceof MethodCallExpr call) {
            chain.add(call);
            link = call.getScope().orElse(null);
        }
        MethodCallExpr root = chain.get(chain.size() - 1);
        boolean builtHere = root.getNameAsString().equals("custom")
                && root.getScope()
                        .map(s -> s.toString().endsWith("RequestConfig"))
                        .orElse(false);
        return !builtHere || chain.stream().anyMatch(c -> c.getNameAsString().endsWith("Timeout"));
    }

    /**
     * Whether a connection manager may give connections a socket timeout. One created in the file (inline, or in the
     * initializer of the variable passed) has one only if the file sets a socket configuration on that variable; one
     * from elsewhere (a parameter, a factory) is given the benefit of the doubt.
     */
    private static boolean managerMayHaveTimeout(Expression manager) {
        if (manager instanceof ObjectCreationExpr) {
            return false;
        }
        if (!(manager instanceof NameExpr name)) {
            return true;
        }
        boolean createdHere = Scopes.declarationOf(name)
                .flatMap(Scopes.Declaration::initializer)
                .filter(ObjectCreationExpr.class::isInstance)
                .isPresent();
        return !createdHere
                || manager.findCompilationUnit()
                        .map(unit -> unit.findAll(MethodCallExpr.class).stream()
                                .anyMatch(c -> SOCKET_CONFIGS.contains(c.getNameAsString())
                                        && c.getScope()
                                                .flatMap(Scopes::variableName)
                                                .filter(name.getNameAsString()::equals)
                                                .isPresent()))
                        .orElse(true);
    }

    /** Whether the file gives a request, or the context it runs in, a {@code RequestConfig} that may set a timeout. */
    private static boolean configuresRequests(Node client) {
        return client.findCompilationUnit()
                .map(unit -> unit.findAll(MethodCallExpr.class).stream()
                        .anyMatch(c -> REQUEST_CONFIGS.contains(c.getNameAsString())
                                && c.getArguments().size() == 1
                                && hasTimeouts(c.getArgument(0))))
                .orElse(true);
    }

    /**
     * Whether the call sets a timeout on a legacy client's {@code HttpParams}: {@code HttpConnectionParams.setSoTimeout}
     * and {@code setConnectionTimeout}, or {@code setParameter} with a timeout's name ({@code CoreConnectionPNames
     * .SO_TIMEOUT}, {@code "http.socket.timeout"}).
     */
    private static boolean setsParameterTimeout(MethodCallExpr call) {
        String name = call.getNameAsString();
        if (name.equals("setSoTimeout") || name.equals("setConnectionTimeout")) {
            // HttpConnectionParams.setSoTimeout(params, millis); a socket configuration's builder takes one argument
            return call.getArguments().size() == 2;
        }
        return PARAMETER_SETTERS.contains(name)
                && !call.getArguments().isEmpty()
                && call.getArgument(0).toString().toLowerCase(Locale.ROOT).contains("timeout");
    }
}
