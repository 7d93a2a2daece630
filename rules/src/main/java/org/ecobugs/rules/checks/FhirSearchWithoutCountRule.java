package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceRule;

/**
 * A HAPI FHIR fluent search that never says how many resources it wants ({@code count(n)}, {@code _count} in a
 * search URL): the server picks the page size. Searches that pin their result by identity ({@code _id},
 * {@code identifier}, a canonical {@code url}) are left alone, as are searches only counted (EB606's).
 */
@RuleKey("EB204")
public final class FhirSearchWithoutCountRule implements SourceRule {

    static final String GENERIC = "This FHIR search does not set _count, so the server decides how many resources each"
            + " page carries; ask for the number the code needs with count(n).";
    static final String FIRST = "This FHIR search only reads its first resource but does not set _count, so the server"
            + " sends a whole page; ask for one with count(1).";
    static final String PAGES = "This FHIR search lets the server choose the page size and the code walks the next"
            + " pages; set count(n) to what the use case needs and stop paging when it has enough (for a full export,"
            + " use the $export operation).";

    /** Criteria that select resources by identity: the search returns one or a known few. */
    private static final Pattern PINNED = Pattern.compile("\\b(IDENTIFIER|RES_ID|URL)\\b|\"(_id|identifier|url)\"");

    private static final Pattern URL_PINNED = Pattern.compile("[?&](_id|identifier|url)=");
    private static final Set<String> SIZE_SETTINGS = Set.of("count", "limitTo", "summaryMode");

    @Override
    public RequiredWords textPrescreen() {
        return FhirChains.EXECUTED_CHAIN;
    }

    @Override
    public Set<Class<? extends Node>> nodesToVisit() {
        return Set.of(MethodCallExpr.class);
    }

    @Override
    public void visitNode(Node node, SourceContext context) {
        Optional<FhirChains.Chain> found = FhirChains.startingAt((MethodCallExpr) node, context)
                .filter(c -> c.interaction() == FhirChains.Interaction.SEARCH);
        if (found.isEmpty() || found.get().execute().isEmpty()) {
            return;
        }
        FhirChains.Chain chain = found.get();
        if (chain.calls().stream().anyMatch(c -> SIZE_SETTINGS.contains(c.getNameAsString())) || pinned(chain)) {
            return;
        }
        Optional<MethodCallExpr> byUrl = chain.call("byUrl");
        if (byUrl.isPresent()) {
            Optional<String> url = byUrl.get().getArguments().isEmpty()
                    ? Optional.empty()
                    : context.constants().string(byUrl.get().getArgument(0));
            // A URL built at run time may carry _count: only a constant one is known to lack it.
            if (url.isEmpty()
                    || url.get().contains("_count=")
                    || url.get().contains("_summary=")
                    || URL_PINNED.matcher(url.get()).find()) {
                return;
            }
        }
        Optional<List<ResultUses.Use>> uses = ResultUses.of(chain.execute().get());
        if (uses.isPresent() && BundleUses.onlyCount(uses.get())) {
            return;
        }
        String message = pages(chain.start())
                ? PAGES
                : uses.isPresent() && BundleUses.onlyFirstEntry(uses.get()) ? FIRST : GENERIC;
        context.report(chain.start().getName(), message);
    }

    private static boolean pinned(FhirChains.Chain chain) {
        for (MethodCallExpr call : chain.calls()) {
            String name = call.getNameAsString();
            if ((name.equals("where") || name.equals("and"))
                    && !call.getArguments().isEmpty()) {
                for (Expression argument : call.getArguments()) {
                    if (PINNED.matcher(argument.toString()).find()) {
                        return true;
                    }
                }
            }
            if (name.equals("withIdAndCompartment")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the method pages through results with {@code loadPage()}. */
    private static boolean pages(MethodCallExpr search) {
        return search.findAncestor(CallableDeclaration.class)
                .map(m -> m.findAll(MethodCallExpr.class).stream()
                        .anyMatch(c -> c.getNameAsString().equals("loadPage")))
                .orElse(false);
    }
}
