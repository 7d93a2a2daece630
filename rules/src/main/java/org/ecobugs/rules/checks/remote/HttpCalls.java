package org.ecobugs.rules.checks.remote;

import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.java.JavaNames;
import org.ecobugs.rules.java.WordSets;

/**
 * The calls of HTTP clients that send a request: the JDK's {@code HttpClient} and {@code HttpURLConnection}, OkHttp,
 * Spring's {@code RestTemplate} and {@code WebClient}, Apache HttpClient 4 and 5. Receivers are recognised by their
 * declared types where the source gives them, else by the file's imports.
 */
final class HttpCalls {

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

    /** The names of the calls that may send a request: no other call is one. */
    static final Set<String> METHODS = WordSets.union(
            Set.of(
                    "send",
                    "sendAsync",
                    "getInputStream",
                    "getResponseCode",
                    "connect",
                    "newCall",
                    "retrieve",
                    "exchangeToMono",
                    "exchangeToFlux",
                    "execute"),
            REST_TEMPLATE_CALLS,
            REST_TEMPLATE_GENERIC);

    private HttpCalls() {}

    /** Whether the call sends an HTTP request. */
    static boolean isRequest(MethodCallExpr call, SourceContext context) {
        String name = call.getNameAsString();
        JavaNames names = context.names();
        int arity = call.getArguments().size();
        DeclaredTypes.Receiver receiver =
                new DeclaredTypes.Receiver(call.getScope().orElse(null));
        switch (name) {
            case "send", "sendAsync":
                // java.net.http.HttpClient.send(request, bodyHandler)
                return arity == 2
                        && names.imports("java.net.http")
                        && !receiverIsAnother(receiver.type(), "HttpClient");
            case "getInputStream", "getResponseCode", "connect":
                return arity == 0
                        && receiver.type()
                                .filter(HTTP_URL_CONNECTIONS::contains)
                                .isPresent();
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
            return receiver.type()
                    .map(REST_TEMPLATE_TYPES::contains)
                    .orElse(names.imports("org.springframework.web.client"));
        }
        if (REST_TEMPLATE_GENERIC.contains(name) && arity >= 1) {
            return receiver.type().filter(REST_TEMPLATE_TYPES::contains).isPresent();
        }
        if (name.equals("execute") && arity >= 1) {
            // Apache HttpClient 4 and 5: client.execute(request, …)
            return receiver.type().filter(t -> t.endsWith("HttpClient")).isPresent()
                    && (names.imports("org.apache.http") || names.imports("org.apache.hc"));
        }
        return false;
    }

    /** Whether the receiver is known and is not of the expected type. */
    private static boolean receiverIsAnother(Optional<String> receiver, String expected) {
        return receiver.isPresent() && !receiver.get().equals(expected);
    }
}
