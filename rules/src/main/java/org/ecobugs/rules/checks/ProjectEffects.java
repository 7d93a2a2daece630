package org.ecobugs.rules.checks;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import java.util.List;
import java.util.Optional;
import org.ecobugs.rules.api.EffectClassifier;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.checks.fhir.FhirChains;
import org.ecobugs.rules.checks.polling.PollingWork;
import org.ecobugs.rules.checks.remote.HttpRequests;
import org.ecobugs.rules.checks.remote.QueryRows;
import org.ecobugs.rules.checks.remote.RemoteCalls;
import org.ecobugs.rules.java.Lifetimes;
import org.ecobugs.rules.project.Effect;

/**
 * The effects the project model records for the rules that follow calls through the project: the remote calls
 * {@link RemoteCalls} knows (HTTP, FHIR, database reads and writes), directory scans, and regular expressions compiled
 * from a constant (see {@link RegexCompilations}), each with the words of a message about it; and the rows of a query
 * without a limit that a method returns.
 */
final class ProjectEffects implements EffectClassifier {

    @Override
    public Optional<Classified> classify(MethodCallExpr call, SourceContext context) {
        Optional<Classified> remote =
                RemoteCalls.classifyInWrapper(call, context).map(ProjectEffects::classified);
        if (remote.isPresent()) {
            return remote;
        }
        return Optional.of(call)
                .filter(c -> PollingWork.isDirectoryScan(c, context))
                .map(scan -> new Classified(
                        Effect.Kind.DIRECTORY_SCAN,
                        call.getNameAsString() + "()",
                        "scans a directory (" + call.getNameAsString() + "())",
                        call.getName()))
                .or(() -> constantRegexCompiled(call, context));
    }

    /**
     * A regex compiled from a constant, the same Pattern built at every call of the method (see {@link
     * RegexRecompiledInLoopSource#isEffectOfItsMethod}).
     */
    private static Optional<Classified> constantRegexCompiled(MethodCallExpr call, SourceContext context) {
        return RegexCompilations.of(call, context)
                .filter(regex -> regex.compiledConstant(context).isPresent())
                .filter(regex -> RegexRecompiledInLoopSource.isEffectOfItsMethod(call, context))
                .map(regex -> new Classified(
                        Effect.Kind.CONSTANT_REGEX_COMPILED,
                        call.getNameAsString() + "()",
                        "compiles a regular expression (" + call.getNameAsString() + "())",
                        call.getName()));
    }

    /**
     * A method that returns a query's list as is gives its callers every row the query matches; one that returns a
     * costly object it has just created (outside set-up code) gives each caller a new one.
     */
    @Override
    public Optional<Classified> classifyReturned(Expression value, SourceContext context) {
        if (value instanceof MethodCallExpr call) {
            Optional<Classified> rows = QueryRows.returnedUnbounded(call, context)
                    .map(read -> effect(
                            Effect.Kind.DATABASE_ROWS,
                            "returns every row of a query without a limit (" + read.what() + ")",
                            read));
            if (rows.isPresent()) {
                return rows;
            }
        }
        Optional<Classified> connection = untimedConnection(value);
        if (connection.isPresent()) {
            return connection;
        }
        for (PerCallCreations creations : PER_CALL_CREATIONS) {
            Optional<PerCallCreations.Factory> factory = PerCallCreationsSource.factoryOf(value, creations, context);
            if (factory.isPresent()) {
                if (Lifetimes.isSetUpCode(value)) {
                    return Optional.empty();
                }
                String display = factory.get().display();
                return Optional.of(new Classified(
                        creations.returned(), display, "creates a new " + display + " and returns it", value));
            }
        }
        return Optional.empty();
    }

    /** The calls that return the object or a view of it, for any of the costly objects EB501–EB503 know. */
    @Override
    public boolean mayKeepReceiver(String method) {
        return Lifetimes.isConfigurationCall(method)
                || PER_CALL_CREATIONS.stream().anyMatch(creations -> creations.isView(method));
    }

    /** The costly objects EB501–EB503 know, each table with the effect of a method that returns one just created. */
    private static final List<PerCallCreations> PER_CALL_CREATIONS = List.of(
            HttpClientPerRequestRule.CREATIONS,
            HapiContextPerCallRule.CREATIONS,
            HeavyweightObjectPerCallRule.CREATIONS);

    /**
     * A URL connection the method opens and returns without setting a connect or a read timeout: {@code return
     * (HttpURLConnection) url.openConnection();}, or a local it opened, configured otherwise and returned. Its callers
     * get a connection with no limit on either wait unless they set them.
     */
    private static Optional<Classified> untimedConnection(Expression value) {
        Optional<MethodCallExpr> opened = Optional.empty();
        if (value instanceof MethodCallExpr call
                && call.getNameAsString().equals("openConnection")
                && call.getArguments().size() <= 1) {
            opened = Optional.of(call);
        } else if (value instanceof NameExpr name) {
            opened = HttpRequests.urlConnectionLocal(name)
                    .filter(local -> HttpRequests.callsOn(local).stream()
                            .noneMatch(c -> c.getNameAsString().equals("setConnectTimeout")
                                    || c.getNameAsString().equals("setReadTimeout")))
                    .flatMap(HttpRequests::opening);
        }
        return opened.map(call -> new Classified(
                Effect.Kind.UNTIMED_CONNECTION,
                "openConnection()",
                "opens a URL connection without a connect or read timeout and returns it",
                call.getName()));
    }

    private static Classified classified(RemoteCalls.RemoteCall remote) {
        return switch (remote.kind()) {
            case FHIR -> fhir(remote);
            case HTTP -> effect(Effect.Kind.HTTP, "sends an HTTP request (" + remote.what() + ")", remote);
            case DATABASE_READ -> effect(Effect.Kind.DATABASE_READ, "runs a query (" + remote.what() + ")", remote);
            case DATABASE_WRITE ->
                effect(Effect.Kind.DATABASE_WRITE, "writes to the database (" + remote.what() + ")", remote);
        };
    }

    /** The effect of a remote call, shown on its name. */
    private static Classified effect(Effect.Kind kind, String doing, RemoteCalls.RemoteCall remote) {
        return new Classified(kind, remote.what(), doing, remote.call().getName());
    }

    private static Classified fhir(RemoteCalls.RemoteCall remote) {
        FhirChains.Chain chain = remote.fhir().orElseThrow();
        String type = chain.resourceType().orElse("resource");
        String doing = switch (chain.interaction()) {
            case READ -> "reads a FHIR " + type;
            case SEARCH -> "runs a FHIR " + type + " search";
            default -> "sends a FHIR " + chain.interaction().method();
        };
        Effect.Kind kind = switch (chain.interaction()) {
            case READ -> Effect.Kind.FHIR_READ;
            case SEARCH -> Effect.Kind.FHIR_SEARCH;
            default -> Effect.Kind.FHIR_WRITE;
        };
        return effect(kind, doing, remote);
    }
}
