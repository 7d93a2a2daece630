package org.ecobugs.rules.checks.fhir;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.java.JavaNames;

/**
 * HAPI FHIR's fluent client, as written: {@code client.search().forResource(Patient.class).where(…).count(20)
 * .returnBundle(Bundle.class).execute()}, {@code client.read().resource(Patient.class).withId(id).execute()}, and the
 * writes. A chain starts at the interaction ({@code search()}, {@code read()}, …) and runs up through the calls made on
 * each result to {@code execute()}. Recognised only in files that import HAPI FHIR, and only when the chain has the
 * interaction's own next step ({@code forResource}, {@code resource}, …), so that other {@code search()} methods are
 * not mistaken for it.
 */
public final class FhirChains {

    /** What a chain does on the server. */
    public enum Interaction {
        SEARCH("search"),
        READ("read"),
        CREATE("create"),
        UPDATE("update"),
        DELETE("delete"),
        PATCH("patch");

        private final String method;

        Interaction(String method) {
            this.method = method;
        }

        public String method() {
            return method;
        }

        boolean isWrite() {
            return this != SEARCH && this != READ;
        }
    }

    /** The second call of each interaction's chain, which tells the fluent client from other methods of that name. */
    private static final List<Set<String>> NEXT_STEPS = List.of(
            Set.of("forResource", "byUrl", "forAllResources"),
            Set.of("resource"),
            Set.of("resource"),
            Set.of("resource"),
            Set.of("resource", "resourceById", "resourceConditionalUrl"),
            Set.of("withBody", "withFhirPatch"));

    /**
     * A fluent chain.
     *
     * @param start the interaction call ({@code search()})
     * @param calls every call of the chain from the interaction on, in order
     */
    public record Chain(Interaction interaction, MethodCallExpr start, List<MethodCallExpr> calls) {

        public boolean has(String method) {
            return calls.stream().anyMatch(c -> c.getNameAsString().equals(method));
        }

        public Optional<MethodCallExpr> call(String method) {
            return calls.stream()
                    .filter(c -> c.getNameAsString().equals(method))
                    .findFirst();
        }

        /** The {@code execute()} that ends the chain, when the chain is written in one expression. */
        public Optional<MethodCallExpr> execute() {
            MethodCallExpr last = calls.get(calls.size() - 1);
            return last.getNameAsString().equals("execute") ? Optional.of(last) : Optional.empty();
        }

        /** The FHIR resource type, from {@code forResource(Patient.class)}, {@code resource("Patient")}, … */
        public Optional<String> resourceType() {
            for (MethodCallExpr call : calls) {
                String name = call.getNameAsString();
                if ((name.equals("forResource") || name.equals("resource") || name.equals("returnResourceType"))
                        && call.getArguments().size() == 1) {
                    Expression argument = call.getArgument(0);
                    if (argument instanceof ClassExpr type) {
                        return Optional.of(JavaNames.simpleName(type.getType().asString()));
                    }
                    if (argument instanceof StringLiteralExpr literal && interaction == Interaction.SEARCH) {
                        return Optional.of(literal.asString());
                    }
                    if (argument instanceof StringLiteralExpr literal && interaction == Interaction.READ) {
                        return Optional.of(literal.asString());
                    }
                }
            }
            return Optional.empty();
        }
    }

    private FhirChains() {}

    /**
     * A word every file with a chain holds: a chain needs HAPI FHIR's imports or package ({@code ca.uhn.fhir}), so the
     * identifier {@code uhn} is in its code.
     */
    static final Set<String> WORDS = Set.of("uhn");

    /** What a file with a chain holds: {@link #WORDS}, and the second call of some interaction's chain. */
    public static final RequiredWords CHAIN = RequiredWords.anyOf(WORDS)
            .andAnyOf(NEXT_STEPS.stream().flatMap(Set::stream).collect(Collectors.toSet()));

    /** What a file with a chain that ends in {@code execute()} holds. */
    public static final RequiredWords EXECUTED_CHAIN = CHAIN.andAnyOf("execute");

    /** The chain this call starts, if it is the interaction call of HAPI FHIR's fluent client. */
    public static Optional<Chain> startingAt(MethodCallExpr call, SourceContext context) {
        if (!call.getArguments().isEmpty() || call.getScope().isEmpty()) {
            return Optional.empty();
        }
        Interaction interaction = null;
        for (Interaction candidate : Interaction.values()) {
            if (candidate.method().equals(call.getNameAsString())) {
                interaction = candidate;
            }
        }
        if (interaction == null || !context.names().imports("ca.uhn.fhir")) {
            return Optional.empty();
        }
        List<MethodCallExpr> calls = new ArrayList<>();
        calls.add(call);
        Node current = call;
        while (!((MethodCallExpr) current).getNameAsString().equals("execute")
                && current.getParentNode().orElse(null) instanceof MethodCallExpr parent
                && parent.getScope().orElse(null) == current) {
            calls.add(parent);
            current = parent;
        }
        if (calls.size() < 2
                || !NEXT_STEPS.get(interaction.ordinal()).contains(calls.get(1).getNameAsString())) {
            return Optional.empty();
        }
        return Optional.of(new Chain(interaction, call, List.copyOf(calls)));
    }

    /** The chain an {@code execute()} or any other call of a chain belongs to. */
    static Optional<Chain> containing(MethodCallExpr call, SourceContext context) {
        Expression current = call;
        while (current instanceof MethodCallExpr method) {
            Optional<Chain> chain = startingAt(method, context);
            if (chain.isPresent()) {
                return chain;
            }
            current = method.getScope().orElse(null);
        }
        return Optional.empty();
    }
}
