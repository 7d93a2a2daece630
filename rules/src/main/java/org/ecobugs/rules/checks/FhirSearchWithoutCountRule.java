package org.ecobugs.rules.checks;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceDetector;
import org.ecobugs.rules.api.SourceVisits;
import org.ecobugs.rules.checks.fhir.BundleUses;
import org.ecobugs.rules.checks.fhir.FhirChains;
import org.ecobugs.rules.checks.remote.ResultUses;
import org.ecobugs.rules.java.Scopes;

/**
 * A HAPI FHIR fluent search that never says how many resources it wants ({@code count(n)}, {@code _count} in a
 * search URL): the server picks the page size. Searches that pin their result by identity ({@code _id},
 * {@code identifier}, a canonical {@code url}, {@code based-on} one request, a name matched exactly) are left alone,
 * followed through a helper method of the same file that builds the criterion; so are searches whose criterion is built
 * out of sight (a helper of another class, a parameter), and searches only counted (EB606's).
 */
@RuleKey("EB204")
public final class FhirSearchWithoutCountRule implements EnergyRule, SourceDetector {

    static final String GENERIC = "This FHIR search does not set _count, so the server decides how many resources each"
            + " page carries; ask for the number the code needs with count(n).";
    static final String FIRST = "This FHIR search only reads its first resource but does not set _count, so the server"
            + " sends a whole page; ask for one with count(1).";
    static final String PAGES = "This FHIR search lets the server choose the page size and the code walks the next"
            + " pages; set count(n) to what the use case needs and stop paging when it has enough (for a full export,"
            + " use the $export operation).";

    /** Criteria that select resources by identity: the search returns one or a known few. */
    private static final Pattern PINNED = Pattern.compile("\\b(IDENTIFIER|RES_ID|URL)\\b|\"(_id|identifier|url)\"");

    /** {@code based-on} a single request ({@code hasId(id)}, not {@code hasAnyOfIds}): the few tasks of one order. */
    private static final Pattern ONE_BASED_ON = Pattern.compile("(\\bBASED_ON|\"based-on\"\\))\\s*\\.\\s*hasId\\(");

    /** A name matched exactly ({@code name:exact}): a lookup of one named resource, not a browse. */
    private static final Pattern EXACT_NAME = Pattern.compile("(\\bNAME|\"name\"\\))\\s*\\.\\s*matchesExactly\\(");

    private static final Pattern URL_PINNED =
            Pattern.compile("[?&](_id|identifier|url|name:exact)=|[?&]based-on=[^,&]+(&|$)");
    private static final Set<String> SIZE_SETTINGS = Set.of("count", "limitTo", "summaryMode");

    @Override
    public RequiredWords textPrescreen() {
        return FhirChains.EXECUTED_CHAIN;
    }

    @Override
    public void subscribe(SourceVisits visits) {
        visits.enter(MethodCallExpr.class, FhirSearchWithoutCountRule::visit);
    }

    private static void visit(MethodCallExpr call, SourceContext context) {
        Optional<FhirChains.Chain> found =
                FhirChains.startingAt(call, context).filter(c -> c.interaction() == FhirChains.Interaction.SEARCH);
        if (found.isEmpty() || found.get().execute().isEmpty()) {
            return;
        }
        FhirChains.Chain chain = found.get();
        if (chain.calls().stream().anyMatch(c -> SIZE_SETTINGS.contains(c.getNameAsString()))
                || pinnedOrUnseen(chain)) {
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
        Optional<MethodCallExpr> nextPage = nextPage(chain.start());
        if (nextPage.isPresent()) {
            context.report(
                    chain.start().getName(),
                    PAGES,
                    new SourceContext.Secondary(nextPage.get().getName(), "where the code loads the next page"));
        } else if (uses.isPresent() && BundleUses.onlyFirstEntry(uses.get())) {
            context.report(
                    chain.start().getName(),
                    FIRST,
                    uses.get().stream()
                            .filter(BundleUses::readsFirstEntry)
                            .map(use -> new SourceContext.Secondary(
                                    use.calls().get(0).getName(), "where only the first resource is read"))
                            .toList(),
                    Optional.empty());
        } else {
            context.report(chain.start().getName(), GENERIC);
        }
    }

    /**
     * Whether the search selects resources by identity, or by a criterion this file does not show: a helper declared
     * elsewhere ({@code criteria.byIdentifier(id)}) or a parameter may pin it, and the rule cannot tell.
     */
    private static boolean pinnedOrUnseen(FhirChains.Chain chain) {
        for (MethodCallExpr call : chain.calls()) {
            String name = call.getNameAsString();
            if ((name.equals("where") || name.equals("and"))
                    && !call.getArguments().isEmpty()) {
                for (Expression argument : call.getArguments()) {
                    Optional<List<Expression>> criteria = visibleCriteria(argument, 0);
                    if (criteria.isEmpty()
                            || criteria.get().stream().anyMatch(FhirSearchWithoutCountRule::selectsByIdentity)) {
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

    private static boolean selectsByIdentity(Expression criterion) {
        String text = criterion.toString();
        return PINNED.matcher(text).find()
                || ONE_BASED_ON.matcher(text).find()
                || EXACT_NAME.matcher(text).find();
    }

    /**
     * The expressions a {@code where(…)} criterion is built from, as far as this file shows them: the criterion itself
     * when it starts at a search parameter ({@code Patient.IDENTIFIER…}, {@code new TokenClientParam("identifier")…}),
     * the initializer of a local, or the returned expressions of a helper method declared in this file. Empty when the
     * criterion comes from a parameter or from a helper declared elsewhere.
     */
    private static Optional<List<Expression>> visibleCriteria(Expression criterion, int depth) {
        if (depth > 2) {
            return Optional.empty();
        }
        if (criterion instanceof NameExpr name) {
            if (isConstantName(name.getNameAsString())) {
                return Optional.of(List.of(criterion));
            }
            return Scopes.declarationOf(name)
                    .flatMap(Scopes.Declaration::initializer)
                    .flatMap(initializer -> visibleCriteria(initializer, depth + 1));
        }
        if (!(criterion instanceof MethodCallExpr call)) {
            return Optional.of(List.of(criterion));
        }
        MethodCallExpr first = call;
        while (first.getScope().orElse(null) instanceof MethodCallExpr inner) {
            first = inner;
        }
        Expression root = first.getScope().orElse(null);
        boolean parameterRoot = root instanceof ObjectCreationExpr
                || root instanceof FieldAccessExpr field
                        && !(field.getScope() instanceof ThisExpr)
                        && isConstantName(field.getNameAsString())
                || root instanceof NameExpr constant && isConstantName(constant.getNameAsString());
        if (parameterRoot) {
            return Optional.of(List.of(criterion));
        }
        if (root instanceof NameExpr variable) {
            Optional<Expression> initializer = Scopes.declarationOf(variable)
                    .filter(declaration -> !declaration.field())
                    .flatMap(Scopes.Declaration::initializer);
            if (initializer.isPresent() && initializer.get() instanceof ObjectCreationExpr) {
                return Optional.of(List.of(criterion, initializer.get()));
            }
        }
        return helperResults(first, depth);
    }

    /** The expressions returned by the method of this file that {@code call} invokes; empty if it is not here. */
    private static Optional<List<Expression>> helperResults(MethodCallExpr call, int depth) {
        Optional<CompilationUnit> file = call.findCompilationUnit();
        if (file.isEmpty()) {
            return Optional.empty();
        }
        List<MethodDeclaration> helpers = file.get().findAll(MethodDeclaration.class).stream()
                .filter(m -> m.getNameAsString().equals(call.getNameAsString()))
                .filter(m -> m.getParameters().size() == call.getArguments().size())
                .filter(m -> m.getBody().isPresent())
                .toList();
        if (helpers.isEmpty()) {
            return Optional.empty();
        }
        List<Expression> criteria = new ArrayList<>();
        for (MethodDeclaration helper : helpers) {
            for (ReturnStmt returned : helper.findAll(ReturnStmt.class)) {
                if (returned.findAncestor(MethodDeclaration.class).orElse(null) != helper
                        || returned.getExpression().isEmpty()) {
                    continue;
                }
                Optional<List<Expression>> inner =
                        visibleCriteria(returned.getExpression().get(), depth + 1);
                if (inner.isEmpty()) {
                    return Optional.empty();
                }
                criteria.addAll(inner.get());
            }
        }
        return criteria.isEmpty() ? Optional.empty() : Optional.of(criteria);
    }

    /** A constant's name, as search parameters are declared on resource classes ({@code IDENTIFIER}, {@code RES_ID}). */
    private static boolean isConstantName(String name) {
        return name.equals(name.toUpperCase(java.util.Locale.ROOT))
                && name.chars().anyMatch(Character::isLetter);
    }

    /** The {@code loadPage()} with which the method pages through results, if it does. */
    private static Optional<MethodCallExpr> nextPage(MethodCallExpr search) {
        return search.findAncestor(CallableDeclaration.class)
                .flatMap(m -> m.findAll(MethodCallExpr.class).stream()
                        .filter(c -> c.getNameAsString().equals("loadPage"))
                        .findFirst());
    }
}
