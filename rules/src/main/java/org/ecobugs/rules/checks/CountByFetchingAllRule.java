package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceRule;
import org.ecobugs.rules.java.WordSets;

/**
 * Rows or resources fetched only to be counted: a database query whose list is only asked its {@code size()} or
 * {@code isEmpty()}, and a HAPI FHIR search whose Bundle is only asked its total or its number of entries, without
 * {@code summaryMode(SummaryEnum.COUNT)}.
 */
@RuleKey("EB606")
public final class CountByFetchingAllRule implements SourceRule {

    static final String DB_COUNT = "This query loads every matching row only to count them; count in the database"
            + " (countBy…, SELECT COUNT(*)) instead.";
    static final String DB_EXISTS = "This query loads every matching row only to see whether there is one; ask the"
            + " database (existsBy…, SELECT 1 … LIMIT 1) instead.";
    static final String FHIR_COUNT = "This FHIR search downloads resources only to count them (and getEntry().size()"
            + " counts one page at most); ask for the count alone with summaryMode(SummaryEnum.COUNT) and read"
            + " getTotal() instead.";

    /** Database reads that return one row or already count: nothing to gain. */
    private static final Pattern SINGLE_OR_COUNT = Pattern.compile(
            "count.*|exists.*|find|get|findById|getById|getOne|load|getSingleResult.*|uniqueResult.*|queryForObject"
                    + "|queryForMap|find(First|Top)\\w*|get(First|Top)\\w*");

    /** Reads that may return a list: the only ones worth resolving. */
    private static final Pattern LIST_READ = Pattern.compile(
            "(find|read|query|search|stream)\\w*|get\\w*By\\w+|getAll\\w*|getResultList|getResultStream|list"
                    + "|queryForList|queryForStream");

    private static final Pattern LIST_RETURNING =
            Pattern.compile("findAll\\w*|getResultList|list|queryForList|query|\\w+All\\w*By\\w+");
    private static final Set<String> LIST_TYPES =
            Set.of("List", "Collection", "Set", "ArrayList", "Iterable", "LinkedList", "HashSet");
    private static final Set<String> LOG_METHODS = Set.of("trace", "debug", "info", "warn", "error", "log");

    /**
     * A FHIR search, which ends in {@code execute()}, or a database read whose rows are only counted ({@code size()},
     * {@code isEmpty()}, {@code count()}).
     */
    private static final RequiredWords WORDS = RequiredWords.anyOf(
                    WordSets.union(Set.of("execute"), RemoteCalls.DATABASE_WORDS))
            .andAnyOf("execute", "size", "isEmpty", "count");

    @Override
    public RequiredWords textPrescreen() {
        return WORDS;
    }

    @Override
    public Set<Class<? extends Node>> nodesToVisit() {
        return Set.of(MethodCallExpr.class);
    }

    @Override
    public void visitNode(Node node, SourceContext context) {
        MethodCallExpr call = (MethodCallExpr) node;
        Optional<FhirChains.Chain> search =
                FhirChains.startingAt(call, context).filter(c -> c.interaction() == FhirChains.Interaction.SEARCH);
        if (search.isPresent()) {
            FhirChains.Chain chain = search.get();
            if (chain.execute().isPresent()
                    && !chain.has("summaryMode")
                    && !countsZero(chain)
                    && ResultUses.of(chain.execute().get())
                            .filter(BundleUses::onlyCount)
                            .isPresent()) {
                context.report(call.getName(), FHIR_COUNT);
            }
            return;
        }
        if (!LIST_READ.matcher(call.getNameAsString()).matches()) {
            return;
        }
        Optional<RemoteCalls.RemoteCall> read = RemoteCalls.classify(call, context)
                .filter(r -> r.kind() == RemoteCalls.Kind.DATABASE_READ)
                .filter(r -> !SINGLE_OR_COUNT.matcher(call.getNameAsString()).matches());
        if (read.isEmpty() || QueryLimits.isBounded(call, context)) {
            return;
        }
        Optional<List<ResultUses.Use>> uses = ResultUses.of(call);
        if (uses.isEmpty() || uses.get().isEmpty()) {
            return;
        }
        boolean onlyEmptiness = true;
        boolean onlyLogged = true;
        for (ResultUses.Use use : uses.get()) {
            if (!use.startsWith("isEmpty") && !use.startsWith("size") && !use.startsWith("stream", "count")) {
                return;
            }
            onlyEmptiness &= use.startsWith("isEmpty");
            onlyLogged &= isLogged(use);
        }
        // A count only logged is not what the query is for (it loads entities into the session, say).
        if (onlyLogged || (onlyEmptiness && !isKnownList(call))) {
            return;
        }
        context.report(call.getName(), onlyEmptiness ? DB_EXISTS : DB_COUNT);
    }

    /** Whether the read is known to give a list, not an {@code Optional} whose {@code isEmpty()} tests one row. */
    private static boolean isKnownList(MethodCallExpr call) {
        if (LIST_RETURNING.matcher(call.getNameAsString()).matches()) {
            return true;
        }
        return call.getParentNode().orElse(null) instanceof VariableDeclarator declarator
                && declarator.getType().isClassOrInterfaceType()
                && LIST_TYPES.contains(
                        declarator.getType().asClassOrInterfaceType().getNameAsString());
    }

    /** {@code log.debug("… {}", rows.size())}. */
    private static boolean isLogged(ResultUses.Use use) {
        return use.end() instanceof MethodCallExpr logging
                && LOG_METHODS.contains(logging.getNameAsString())
                && logging.getScope()
                        .filter(s ->
                                s.toString().toLowerCase(java.util.Locale.ROOT).contains("log"))
                        .isPresent();
    }

    /** {@code count(0)}: HAPI asks for the total with no entries. */
    private static boolean countsZero(FhirChains.Chain chain) {
        return chain.call("count")
                .filter(c -> c.getArguments().size() == 1
                        && c.getArgument(0).toString().equals("0"))
                .isPresent();
    }
}
