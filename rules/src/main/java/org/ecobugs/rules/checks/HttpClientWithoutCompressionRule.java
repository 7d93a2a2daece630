package org.ecobugs.rules.checks;

import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceDetector;
import org.ecobugs.rules.api.SourceVisits;
import org.ecobugs.rules.checks.remote.HttpRequests;
import org.ecobugs.rules.java.Scopes;

/**
 * Requests of the JDK's HTTP clients that never ask for a compressed response: neither {@code java.net.http} nor
 * {@code HttpURLConnection} sends {@code Accept-Encoding} by itself (Android's {@code HttpURLConnection} does, so
 * Android code is left alone), so servers answer uncompressed. A {@code HttpRequest} is reported when it is built in one
 * chain and its method reads a response body with it; a {@code HttpURLConnection} when its method reads its input.
 * OkHttp, Apache HttpClient and HAPI FHIR's client ask for gzip themselves.
 */
@RuleKey("EB202")
public final class HttpClientWithoutCompressionRule implements EnergyRule, SourceDetector {

    static final String MESSAGE = "This request does not send Accept-Encoding: gzip, so the server answers"
            + " uncompressed; if the responses are text (JSON, XML, FHIR) above about 1 kB, ask for gzip and decode it"
            + " (GZIPInputStream).";

    /** {@code BodyHandlers} that read a response body. */
    private static final Set<String> BODY_READERS =
            Set.of("ofString", "ofInputStream", "ofByteArray", "ofLines", "ofFile");

    /** Requests that expect no response body. */
    private static final Set<String> BODYLESS = Set.of("DELETE", "HEAD");

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(Set.of("newBuilder", "getInputStream"));
    }

    @Override
    public void subscribe(SourceVisits visits) {
        visits.enter(MethodCallExpr.class, HttpClientWithoutCompressionRule::visit);
    }

    private static void visit(MethodCallExpr call, SourceContext context) {
        String name = call.getNameAsString();
        if (!(name.equals("newBuilder") || name.equals("getInputStream"))
                || context.names().targetsAndroid()) {
            return;
        }
        Optional<List<MethodCallExpr>> request = HttpRequests.requestChain(call, context);
        if (request.isPresent()) {
            if (!HttpRequests.setsHeader(request.get(), "Accept-Encoding", context)
                    && request.get().stream().noneMatch(c -> BODYLESS.contains(c.getNameAsString()))
                    && readsABody(call)) {
                context.report(call.getName(), MESSAGE);
            }
            return;
        }
        if (!call.getNameAsString().equals("getInputStream")) {
            return;
        }
        Optional<Scopes.Declaration> connection = HttpRequests.connectionVariable(call);
        if (connection.isEmpty() || HttpRequests.isPassedOn(connection.get())) {
            return;
        }
        List<MethodCallExpr> calls = HttpRequests.callsOn(connection.get());
        boolean bodyless = calls.stream()
                .filter(c -> c.getNameAsString().equals("setRequestMethod")
                        && !c.getArguments().isEmpty())
                .anyMatch(c -> context.constants()
                        .string(c.getArgument(0))
                        .map(m -> BODYLESS.contains(m.toUpperCase(Locale.ROOT)))
                        .orElse(false));
        if (!bodyless && !HttpRequests.setsRequestProperty(calls, "Accept-Encoding", context)) {
            context.report(call.getName(), MESSAGE);
        }
    }

    /** Whether the code around the request reads a response body: {@code BodyHandlers.ofString()} and the like. */
    private static boolean readsABody(MethodCallExpr newBuilder) {
        return HttpRequests.enclosingCode(newBuilder)
                .map(code -> code.findAll(MethodCallExpr.class).stream()
                        .anyMatch(c -> BODY_READERS.contains(c.getNameAsString())
                                && c.getScope()
                                        .filter(s -> s.toString().endsWith("BodyHandlers")
                                                || (s instanceof FieldAccessExpr f
                                                        && f.getNameAsString().equals("BodyHandlers")))
                                        .isPresent()))
                .orElse(false);
    }
}
