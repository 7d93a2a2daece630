package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceRule;
import org.ecobugs.rules.java.OneOffCode;
import org.ecobugs.rules.java.Scopes;

/**
 * Remote calls that may wait forever: an {@code HttpURLConnection} used without {@code setConnectTimeout} and {@code
 * setReadTimeout} (both default to 0, no limit), a {@code java.net.http.HttpRequest} built without {@code timeout(…)}
 * (the JDK client waits for the response without limit) and sent without a bounded wait, and {@code new
 * RestTemplate()} with its default request factory (no timeouts). OkHttp (10 s defaults) and HAPI FHIR's client (10 s)
 * are not reported.
 */
@RuleKey("EB210")
public final class HttpCallWithoutTimeoutRule implements SourceRule {

    static final String CONNECTION = "This HttpURLConnection has no %s and may wait forever for a server that does not"
            + " answer; call setConnectTimeout and setReadTimeout before using it.";
    static final String REQUEST = "This HttpRequest has no timeout, and the JDK client waits for its response without"
            + " limit; set timeout(Duration) on the request (and connectTimeout on the client).";
    static final String REST_TEMPLATE = "new RestTemplate() uses connections without connect or read timeouts; build it"
            + " with a request factory (or RestTemplateBuilder) that sets both.";

    /** Waits on an asynchronous response that end by themselves. */
    private static final Set<String> BOUNDED_WAITS = Set.of("orTimeout", "completeOnTimeout");

    /** The three clients the rule knows: {@code HttpRequest.newBuilder}, the URL connections, RestTemplate. */
    private static final Set<String> WORDS =
            Set.of("newBuilder", "HttpURLConnection", "HttpsURLConnection", "RestTemplate");

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(WORDS);
    }

    @Override
    public Set<Class<? extends Node>> nodesToVisit() {
        return Set.of(MethodCallExpr.class, ObjectCreationExpr.class);
    }

    @Override
    public void visitNode(Node node, SourceContext context) {
        if (OneOffCode.isMigration(node)) {
            // Run once, by hand or at an upgrade: a hang there is seen and stopped by whoever runs it.
            return;
        }
        if (node instanceof ObjectCreationExpr created) {
            checkRestTemplate(created, context);
            return;
        }
        MethodCallExpr call = (MethodCallExpr) node;
        Optional<List<MethodCallExpr>> request = HttpRequests.requestChain(call, context);
        if (request.isPresent()) {
            if (request.get().stream().noneMatch(c -> c.getNameAsString().equals("timeout"))
                    && HttpRequests.enclosingCodeCalls(call, Set.of("send", "sendAsync"))
                    && !HttpRequests.enclosingCodeCalls(call, BOUNDED_WAITS)
                    && !waitsWithTimeout(call)) {
                context.report(call.getName(), REQUEST);
            }
            return;
        }
        Optional<Scopes.Declaration> connection = HttpRequests.connectionVariable(call);
        if (connection.isEmpty() || HttpRequests.isPassedOn(connection.get())) {
            return;
        }
        List<MethodCallExpr> calls = HttpRequests.callsOn(connection.get());
        // Report once per connection: at its first exchange with the server.
        if (calls.stream()
                        .filter(c -> HttpRequests.CONNECTION_IO.contains(c.getNameAsString()))
                        .findFirst()
                        .orElse(null)
                != call) {
            return;
        }
        boolean connect = calls.stream().anyMatch(c -> c.getNameAsString().equals("setConnectTimeout"));
        boolean read = calls.stream().anyMatch(c -> c.getNameAsString().equals("setReadTimeout"));
        if (!connect || !read) {
            String missing =
                    !connect && !read ? "connect or read timeout" : !connect ? "connect timeout" : "read timeout";
            context.report(call.getName(), String.format(CONNECTION, missing));
        }
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
