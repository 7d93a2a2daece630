package org.ecobugs.rules.checks;

import static org.ecobugs.rules.checks.PerCallCreations.Factory.builder;
import static org.ecobugs.rules.checks.PerCallCreations.Factory.constructor;
import static org.ecobugs.rules.checks.PerCallCreations.Factory.staticMethod;
import static org.ecobugs.rules.checks.PerCallCreations.Scope.ANY_METHOD;

import java.util.List;
import java.util.Set;
import org.ecobugs.rules.api.Detector;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.project.Effect;

/**
 * An HTTP client built for one call and dropped: the JDK's {@code HttpClient}, OkHttp, Apache HttpClient 4 and 5
 * (classic and async), Spring's {@code RestTemplate}, {@code RestClient} and {@code WebClient}, and JAX-RS clients.
 * Each owns a connection pool (and most, threads); a client per call reuses no connection and no TLS session. Clients
 * kept in fields, returned by factory methods, handed to other objects (a per-tenant map filled with {@code
 * computeIfAbsent}), used for a whole loop, or built in set-up code are not reported. HAPI FHIR's {@code
 * newRestfulGenericClient} is not reported either: the pool and the server check belong to the {@code FhirContext},
 * whose javadoc calls client creation cheap enough for every operation (EB502 reports contexts created per call).
 */
@RuleKey("EB501")
public final class HttpClientPerRequestRule implements EnergyRule {

    private static final String APACHE4 = "org/apache/http/impl/client/";
    private static final String APACHE5 = "org/apache/hc/client5/http/impl/";

    private static final List<PerCallCreations.Factory> CLIENTS = List.of(
            staticMethod("HttpClient", "java/net/http/HttpClient", "newHttpClient", ANY_METHOD),
            builder("HttpClient", "java/net/http/HttpClient", "newBuilder", "build", ANY_METHOD),
            constructor("OkHttpClient", "okhttp3/OkHttpClient", ANY_METHOD),
            builder("OkHttpClient", "okhttp3/OkHttpClient$Builder", "<init>", "build", ANY_METHOD),
            constructor("OkHttpClient", "com/squareup/okhttp/OkHttpClient", ANY_METHOD),
            staticMethod("Apache HttpClient", APACHE4 + "HttpClients", "createDefault", ANY_METHOD),
            staticMethod("Apache HttpClient", APACHE4 + "HttpClients", "createSystem", ANY_METHOD),
            staticMethod("Apache HttpClient", APACHE4 + "HttpClients", "createMinimal", ANY_METHOD),
            builder("Apache HttpClient", APACHE4 + "HttpClients", "custom", "build", ANY_METHOD),
            builder("Apache HttpClient", APACHE4 + "HttpClientBuilder", "create", "build", ANY_METHOD),
            constructor("Apache HttpClient", APACHE4 + "DefaultHttpClient", ANY_METHOD),
            staticMethod("Apache HttpClient", APACHE5 + "classic/HttpClients", "createDefault", ANY_METHOD),
            staticMethod("Apache HttpClient", APACHE5 + "classic/HttpClients", "createSystem", ANY_METHOD),
            staticMethod("Apache HttpClient", APACHE5 + "classic/HttpClients", "createMinimal", ANY_METHOD),
            builder("Apache HttpClient", APACHE5 + "classic/HttpClients", "custom", "build", ANY_METHOD),
            builder("Apache HttpClient", APACHE5 + "classic/HttpClientBuilder", "create", "build", ANY_METHOD),
            staticMethod("Apache HttpAsyncClient", APACHE5 + "async/HttpAsyncClients", "createDefault", ANY_METHOD),
            builder("Apache HttpAsyncClient", APACHE5 + "async/HttpAsyncClients", "custom", "build", ANY_METHOD),
            staticMethod(
                    "Apache HttpAsyncClient",
                    "org/apache/http/impl/nio/client/HttpAsyncClients",
                    "createDefault",
                    ANY_METHOD),
            constructor("RestTemplate", "org/springframework/web/client/RestTemplate", ANY_METHOD),
            staticMethod("RestClient", "org/springframework/web/client/RestClient", "create", ANY_METHOD),
            builder("RestClient", "org/springframework/web/client/RestClient", "builder", "build", ANY_METHOD),
            staticMethod(
                    "WebClient", "org/springframework/web/reactive/function/client/WebClient", "create", ANY_METHOD),
            builder(
                    "WebClient",
                    "org/springframework/web/reactive/function/client/WebClient",
                    "builder",
                    "build",
                    ANY_METHOD),
            staticMethod("JAX-RS Client", "jakarta/ws/rs/client/ClientBuilder", "newClient", ANY_METHOD),
            builder("JAX-RS Client", "jakarta/ws/rs/client/ClientBuilder", "newBuilder", "build", ANY_METHOD),
            staticMethod("JAX-RS Client", "javax/ws/rs/client/ClientBuilder", "newClient", ANY_METHOD),
            builder("JAX-RS Client", "javax/ws/rs/client/ClientBuilder", "newBuilder", "build", ANY_METHOD));

    /**
     * Calls whose result keeps using the client: a JAX-RS target, a derived builder (OkHttp's {@code newBuilder()}
     * shares the pool), a mutated Spring client, an OkHttp call or web socket that runs later.
     */
    private static final Set<String> VIEWS =
            Set.of("target", "newBuilder", "mutate", "newCall", "newWebSocket", "sendAsync");

    static final PerCallCreations CREATIONS = new PerCallCreations(
            CLIENTS, VIEWS::contains, HttpClientPerRequestRule::message, Effect.Kind.NEW_HTTP_CLIENT);

    /** Spring's clients wrap a request factory that may pool elsewhere; what they always rebuild is their set-up. */
    private static final Set<String> SPRING_CLIENTS = Set.of("RestTemplate", "RestClient", "WebClient");

    static String message(PerCallCreations.Factory client, String unit) {
        String waste = SPRING_CLIENTS.contains(client.display())
                ? "its message converters and HTTP set-up are rebuilt every time"
                : "its connections, TLS sessions and threads are never reused";
        return "A new " + client.display() + " is built for each " + unit + " and dropped, so " + waste
                + "; build one client and share it.";
    }

    @Override
    public List<Detector> detectors() {
        return CREATIONS.detectors();
    }
}
