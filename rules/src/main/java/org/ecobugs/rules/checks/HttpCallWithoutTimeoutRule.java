package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceDetector;
import org.ecobugs.rules.api.SourceVisits;
import org.ecobugs.rules.checks.remote.ApacheHttpClients;
import org.ecobugs.rules.checks.remote.HttpRequests;
import org.ecobugs.rules.java.OneOffCode;
import org.ecobugs.rules.java.Scopes;
import org.ecobugs.rules.java.WordSets;
import org.ecobugs.rules.project.Effect;

/**
 * Remote calls that may wait forever: an {@code HttpURLConnection} used without {@code setConnectTimeout} and {@code
 * setReadTimeout} (both default to 0, no limit), a {@code java.net.http.HttpRequest} built without {@code timeout(…)}
 * (the JDK client waits for the response without limit) and sent without a bounded wait, and {@code new
 * RestTemplate()} with its default request factory (no timeouts), and an Apache HttpClient 4 client built without
 * timeouts (its connect, socket and connection-pool timeouts are then the JRE's: none). OkHttp (10 s defaults), HAPI
 * FHIR's client (10 s) and Apache HttpClient 5 (3 minutes) are not reported.
 */
@RuleKey("EB210")
public final class HttpCallWithoutTimeoutRule implements EnergyRule, SourceDetector {

    static final String CONNECTION = "This HttpURLConnection has no %s and may wait forever for a server that does not"
            + " answer; call setConnectTimeout and setReadTimeout before using it.";
    static final String CONNECTION_THROUGH = "This code {through}, and sets no %s on it either: the connection may"
            + " wait forever for a server that does not answer; call setConnectTimeout and setReadTimeout where it is"
            + " opened.";
    static final String REQUEST = "This HttpRequest has no timeout, and the JDK client waits for its response without"
            + " limit; set timeout(Duration) on the request (and connectTimeout on the client).";
    static final String REST_TEMPLATE = "new RestTemplate() uses connections without connect or read timeouts; build it"
            + " with a request factory (or RestTemplateBuilder) that sets both.";
    static final String APACHE_CLIENT = "This Apache HttpClient has no RequestConfig, so its connect, socket and"
            + " connection-pool timeouts are undefined (no limit) and a request to a server that does not answer"
            + " waits forever; give the builder setDefaultRequestConfig with connect and socket timeouts.";
    static final String LEGACY_CLIENT = "This %s has no connection or socket timeout in its HttpParams (both"
            + " default to 0, no limit) and may wait forever; set them with HttpConnectionParams, or build the client"
            + " with HttpClients.custom().setDefaultRequestConfig(…).";

    private static final Set<String> SENDS = Set.of("send", "sendAsync");

    /** Waits on an asynchronous response that end by themselves. */
    private static final Set<String> BOUNDED_WAITS = Set.of("orTimeout", "completeOnTimeout");

    /** The clients the rule knows: {@code HttpRequest.newBuilder}, the URL connections, RestTemplate, HttpClient 4. */
    private static final Set<String> WORDS = WordSets.union(
            Set.of("newBuilder", "HttpURLConnection", "HttpsURLConnection", "RestTemplate"), ApacheHttpClients.WORDS);

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(WORDS);
    }

    @Override
    public boolean readsProjectFacts() {
        return true;
    }

    @Override
    public void subscribe(SourceVisits visits) {
        visits.enter(MethodCallExpr.class, HttpCallWithoutTimeoutRule::visit);
        visits.enter(ObjectCreationExpr.class, HttpCallWithoutTimeoutRule::visit);
    }

    private static void visit(ObjectCreationExpr created, SourceContext context) {
        // Run once, by hand or at an upgrade: a hang there is seen and stopped by whoever runs it.
        if (OneOffCode.isMigration(created)) {
            return;
        }
        checkRestTemplate(created, context);
        if (ApacheHttpClients.isUntimedLegacyClient(created, context)) {
            context.report(
                    created, String.format(LEGACY_CLIENT, created.getType().getNameAsString()));
        }
    }

    private static void visit(MethodCallExpr call, SourceContext context) {
        if (OneOffCode.isMigration(call)) {
            return;
        }
        if (ApacheHttpClients.startsUntimedClient(call, context)) {
            context.report(call.getName(), APACHE_CLIENT);
            return;
        }
        Optional<List<MethodCallExpr>> request = HttpRequests.requestChain(call, context);
        if (request.isPresent()) {
            if (request.get().stream().noneMatch(c -> c.getNameAsString().equals("timeout"))
                    && HttpRequests.enclosingCodeCalls(call, SENDS)
                    && !HttpRequests.enclosingCodeCalls(call, BOUNDED_WAITS)
                    && !waitsWithTimeout(call)) {
                context.report(
                        call.getName(),
                        REQUEST,
                        sending(call).stream()
                                .map(send -> new SourceContext.Secondary(send.getName(), "where the request is sent"))
                                .toList(),
                        Optional.empty());
            }
            return;
        }
        Optional<MethodCallExpr> obtained = HttpRequests.connectionFromCall(call);
        if (obtained.isPresent()) {
            connectionThroughProject(call, obtained.get(), context);
            return;
        }
        Optional<Scopes.Declaration> connection = HttpRequests.connectionVariable(call);
        if (connection.isEmpty()) {
            return;
        }
        missingTimeouts(connection.get(), call)
                .ifPresent(missing -> context.report(
                        call.getName(),
                        String.format(CONNECTION, missing),
                        HttpRequests.opening(connection.get()).stream()
                                .map(opening -> new SourceContext.Secondary(
                                        opening.getName(), "where the connection is opened"))
                                .toList(),
                        Optional.empty()));
    }

    /**
     * The timeouts a connection lacks ("connect or read timeout", "read timeout"…), said once per connection: at its
     * first exchange with the server, {@code call}. Empty when it has both, when {@code call} is not its first
     * exchange, or when the connection is passed on (configured elsewhere, maybe).
     */
    private static Optional<String> missingTimeouts(Scopes.Declaration connection, MethodCallExpr call) {
        if (HttpRequests.isPassedOn(connection)) {
            return Optional.empty();
        }
        List<MethodCallExpr> calls = HttpRequests.callsOn(connection);
        if (calls.stream()
                        .filter(c -> HttpRequests.CONNECTION_IO.contains(c.getNameAsString()))
                        .findFirst()
                        .orElse(null)
                != call) {
            return Optional.empty();
        }
        boolean connect = calls.stream().anyMatch(c -> c.getNameAsString().equals("setConnectTimeout"));
        boolean read = calls.stream().anyMatch(c -> c.getNameAsString().equals("setReadTimeout"));
        if (connect && read) {
            return Optional.empty();
        }
        return Optional.of(
                !connect && !read ? "connect or read timeout" : !connect ? "connect timeout" : "read timeout");
    }

    /**
     * A connection the method got from a call of the project's code and uses without setting both timeouts: a finding,
     * at its first exchange with the server, once the project is read, if the method it came from opened it and set
     * neither (possibly through methods that return what they call).
     */
    private static void connectionThroughProject(MethodCallExpr call, MethodCallExpr obtained, SourceContext context) {
        Optional<String> missing =
                missingTimeouts(HttpRequests.connectionLocal(call).orElseThrow(), call);
        if (missing.isEmpty()) {
            return;
        }
        context.reportThrough(
                call.getName(),
                obtained,
                Map.of(Effect.Kind.UNTIMED_CONNECTION, String.format(CONNECTION_THROUGH, missing.get())),
                Integer.MAX_VALUE,
                List.of(new SourceContext.Secondary(obtained.getName(), "where the connection is obtained")));
    }

    /** The first {@code send} or {@code sendAsync} of the method or lambda that builds the request. */
    private static Optional<MethodCallExpr> sending(MethodCallExpr newBuilder) {
        return HttpRequests.enclosingCode(newBuilder)
                .flatMap(code -> code.findAll(MethodCallExpr.class).stream()
                        .filter(c -> SENDS.contains(c.getNameAsString()))
                        .findFirst());
    }

    /** {@code future.get(5, SECONDS)} in the same method: the caller stops waiting. */
    private static boolean waitsWithTimeout(MethodCallExpr call) {
        return HttpRequests.enclosingCode(call)
                .map(code -> code.findAll(MethodCallExpr.class).stream()
                        .anyMatch(c -> c.getNameAsString().equals("get")
                                && c.getArguments().size() == 2))
                .orElse(false);
    }

    private static void checkRestTemplate(ObjectCreationExpr created, SourceContext context) {
        if (!created.getType().getNameAsString().equals("RestTemplate")
                || !created.getArguments().isEmpty()
                || created.getAnonymousClassBody().isPresent()
                || !context.names()
                        .mayBe(created.getType().getNameWithScope(), "org.springframework.web.client.RestTemplate")) {
            return;
        }
        Optional<String> holder = holderName(created);
        if (holder.isPresent() && configuresFactory(created, holder.get())) {
            return;
        }
        context.report(created, REST_TEMPLATE);
    }

    /** The variable or field the new template is stored in. */
    private static Optional<String> holderName(ObjectCreationExpr created) {
        Node parent = created.getParentNode().orElse(null);
        if (parent instanceof VariableDeclarator declarator) {
            return Optional.of(declarator.getNameAsString());
        }
        if (parent instanceof AssignExpr assign && assign.getTarget() instanceof NameExpr target) {
            return Optional.of(target.getNameAsString());
        }
        if (parent instanceof AssignExpr assign && assign.getTarget().isFieldAccessExpr()) {
            return Optional.of(assign.getTarget().asFieldAccessExpr().getNameAsString());
        }
        return Optional.empty();
    }

    /** Whether the class gives the template a request factory ({@code template.setRequestFactory(…)}). */
    private static boolean configuresFactory(ObjectCreationExpr created, String holder) {
        return created.findAncestor(TypeDeclaration.class)
                .map(type -> type.findAll(MethodCallExpr.class).stream()
                        .anyMatch(c -> c.getNameAsString().equals("setRequestFactory")
                                && c.getScope()
                                        .map(s -> s.toString().equals(holder)
                                                || s.toString().equals("this." + holder))
                                        .orElse(false)))
                .orElse(false);
    }
}
