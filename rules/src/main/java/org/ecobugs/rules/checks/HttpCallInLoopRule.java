package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.RuleParameters;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.checks.loops.RepeatingContexts;
import org.ecobugs.rules.checks.remote.CallsInLoops;
import org.ecobugs.rules.checks.remote.RemoteCalls;
import org.ecobugs.rules.project.Effect;

/**
 * An HTTP request sent once per element of a collection: the JDK {@code HttpClient}, {@code HttpURLConnection},
 * Spring's {@code RestTemplate}, {@code RestClient} and {@code WebClient}, OkHttp and Apache HttpClient, in a loop or a
 * per-element lambda, directly or through a method of the same file. FHIR clients are EB209's. Loops that are already
 * the batching are left out: over the pieces of one request split by a helper ({@code splitRequest}, {@code
 * partition}, chunks), and over distinct addresses, each round sending to the endpoint or server its element names.
 */
@RuleKey("EB208")
public final class HttpCallInLoopRule extends RepeatedCalls {

    public HttpCallInLoopRule(RuleParameters parameters) {
        super(parameters.bool(PARAM_FOLLOW_PROJECT_CALLS));
    }

    static final String FIX =
            "use a bulk or batch endpoint of the service, or one request for all the elements," + " instead.";

    /**
     * Calls that split one request into several ({@code splitRequest(url, params, maxUrlLength)}, {@code
     * partition(ids, 100)}, {@code chunked(…)}); {@code String.split} is not one of them.
     */
    private static final Pattern SPLITTING =
            Pattern.compile("^(split[A-Z]|partition|chunk|batch)|(Chunks|Batches|" + "Partitions|Chunked|Batched)$");

    /** Variables that hold the pieces of a split request. */
    private static final Pattern PIECES = Pattern.compile("(?i)(chunks|batches|partitions)$");

    /** Calls that turn a string into an address, looked through to the string. */
    private static final Set<String> ADDRESS_FACTORIES = Set.of("create", "fromUriString", "fromHttpUrl", "parse");

    @Override
    void visit(MethodCallExpr call, Node repeating, SourceContext context) {
        Optional<CallsInLoops.LoopedCall> looped =
                CallsInLoops.of(call, repeating, context, remote -> remote.kind() == RemoteCalls.Kind.HTTP);
        if (looped.isEmpty()) {
            if (!overPiecesOfOneRequest(repeating)) {
                reportThroughProject(call, repeating, context, Map.of(Effect.Kind.HTTP, FIX));
            }
            return;
        }
        looped.filter(l -> !overPiecesOfOneRequest(l.repetition()))
                .filter(l -> l.helper().isPresent() || !addressesTheElement(l))
                .ifPresent(l -> l.report(context, message(l), "the HTTP request"));
    }

    /**
     * Whether the loop walks the pieces of one request split by a helper ({@code for (URI uri : splitRequest(url,
     * params, maxUrlLength))}, {@code for (… : idChunks)}): each round already carries many elements.
     */
    private static boolean overPiecesOfOneRequest(Node repetition) {
        Optional<Expression> iterable = iterable(repetition);
        if (iterable.isEmpty()) {
            return false;
        }
        boolean splitCall = iterable.get().findAll(MethodCallExpr.class).stream()
                .anyMatch(call -> SPLITTING.matcher(call.getNameAsString()).find());
        boolean pieces = iterable.get().findAll(NameExpr.class).stream()
                .anyMatch(name -> PIECES.matcher(name.getNameAsString()).find());
        return splitCall || pieces;
    }

    /**
     * Whether each round sends its request to the address the element is, or starts with ({@code for (String endpoint
     * : subscribers) rest.postForObject(endpoint, event, …)}, {@code servers.forEach(s -> client.get().uri(s.baseUrl()
     * + "/health")…)}): a fan-out to distinct servers or endpoints, which no single request can replace.
     */
    private static boolean addressesTheElement(CallsInLoops.LoopedCall looped) {
        Set<String> elements = RepeatingContexts.elementNames(looped.repetition());
        if (elements.isEmpty()) {
            return false;
        }
        Expression current = looped.remote().call();
        while (current instanceof MethodCallExpr call) {
            boolean addressed = call == looped.remote().call()
                    || call.getNameAsString().equals("uri")
                    || call.getNameAsString().equals("url");
            if (addressed
                    && !call.getArguments().isEmpty()
                    && addressRoot(call.getArgument(0))
                            .filter(root -> elements.contains(root.getNameAsString()))
                            .isPresent()) {
                return true;
            }
            current = call.getScope().orElse(null);
        }
        return false;
    }

    /** The variable an address is built from: {@code endpoint}, {@code server.getUrl() + "/status"}, {@code
     * URI.create(base + path)}. */
    private static Optional<NameExpr> addressRoot(Expression address) {
        Expression current = address;
        while (true) {
            if (current instanceof EnclosedExpr enclosed) {
                current = enclosed.getInner();
            } else if (current instanceof BinaryExpr sum && sum.getOperator() == BinaryExpr.Operator.PLUS) {
                current = sum.getLeft();
            } else if (current instanceof ObjectCreationExpr created
                    && !created.getArguments().isEmpty()) {
                current = created.getArgument(0);
            } else if (current instanceof MethodCallExpr call
                    && ADDRESS_FACTORIES.contains(call.getNameAsString())
                    && !call.getArguments().isEmpty()) {
                current = call.getArgument(0);
            } else if (current instanceof MethodCallExpr call && call.getScope().isPresent()) {
                current = call.getScope().get();
            } else if (current instanceof FieldAccessExpr field) {
                current = field.getScope();
            } else {
                return current instanceof NameExpr name ? Optional.of(name) : Optional.empty();
            }
        }
    }

    /** What the loop iterates over: the iterable of a {@code for}, the chain a per-element lambda is called on. */
    private static Optional<Expression> iterable(Node repetition) {
        if (repetition instanceof ForEachStmt forEach) {
            return Optional.of(forEach.getIterable());
        }
        if (repetition instanceof MethodCallExpr perElement) {
            return perElement.getScope();
        }
        return Optional.empty();
    }

    static String message(CallsInLoops.LoopedCall looped) {
        String what = looped.remote().what();
        if (looped.helper().isPresent()) {
            return looped.subject() + " " + looped.via("sends an HTTP request (" + what + ")") + " once per element; "
                    + FIX;
        }
        return looped.subject() + " sends one HTTP request (" + what + ") per element; " + FIX;
    }
}
