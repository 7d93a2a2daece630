package org.ecobugs.rules.checks.remote;

import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.checks.fhir.FhirChains;
import org.ecobugs.rules.java.WordSets;

/**
 * Calls that cross the network to another system, by what they reach: an HTTP API (see {@link HttpCalls}), a FHIR
 * server (HAPI FHIR's fluent client, see {@link FhirChains}), or a database (JDBC, Spring's {@code JdbcTemplate}, JPA
 * and Hibernate queries, Spring Data repositories and DAOs, see {@link DatabaseCalls}). Without a classpath, receivers
 * are recognised by their declared types (see {@link DeclaredTypes}) and the file's imports.
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
     * @param what a short name for messages ({@code findById()}, {@code getForObject()})
     * @param fhir the FHIR chain, for FHIR calls
     */
    public record RemoteCall(Kind kind, MethodCallExpr call, String what, Optional<FhirChains.Chain> fhir) {

        /** A call that is not part of a FHIR chain, named after its method. */
        static RemoteCall of(Kind kind, MethodCallExpr call) {
            return new RemoteCall(kind, call, call.getNameAsString() + "()", Optional.empty());
        }
    }

    /** The words without which no call is classified as a database read or write (see {@link DatabaseCalls#WORDS}). */
    public static final Set<String> DATABASE_WORDS = DatabaseCalls.WORDS;

    /** Method names worth a closer look; everything else is answered without resolving the receiver. */
    private static final Set<String> CANDIDATES = WordSets.union(
            Set.of("search", "read", "create", "update", "delete", "patch"), HttpCalls.METHODS, DatabaseCalls.METHODS);

    private RemoteCalls() {}

    /** What this call reaches over the network, if anything. */
    public static Optional<RemoteCall> classify(MethodCallExpr call, SourceContext context) {
        String name = call.getNameAsString();
        if (!CANDIDATES.contains(name) && !DatabaseCalls.isRepositoryRead(name)) {
            return Optional.empty();
        }
        Optional<RemoteCall> fhir = fhir(call, context);
        if (fhir.isPresent()) {
            return fhir;
        }
        if (HttpCalls.isRequest(call, context)) {
            return Optional.of(RemoteCall.of(Kind.HTTP, call));
        }
        return DatabaseCalls.classify(call, context);
    }

    /**
     * What a call inside a wrapper method reaches: as {@link #classify}, and also a JDBC statement prepared there, which
     * the wrapper runs (possibly through a further helper) each time it is called.
     */
    public static Optional<RemoteCall> classifyInWrapper(MethodCallExpr call, SourceContext context) {
        Optional<RemoteCall> direct = classify(call, context);
        return direct.isPresent() ? direct : DatabaseCalls.preparedStatement(call, context);
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
}
