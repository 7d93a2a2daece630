package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.IfStmt;
import java.util.List;
import java.util.Map;
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
import org.ecobugs.rules.checks.remote.QueryReruns;
import org.ecobugs.rules.checks.remote.QueryRows;
import org.ecobugs.rules.checks.remote.RemoteCalls;
import org.ecobugs.rules.checks.remote.ResultUses;
import org.ecobugs.rules.project.Effect;

/**
 * Rows or resources fetched only to be counted: a database query whose list is only asked its {@code size()} or
 * {@code isEmpty()}, and a HAPI FHIR search whose Bundle is only asked its total or its number of entries, without
 * {@code summaryMode(SummaryEnum.COUNT)}. A list only tested and then fetched again by the same query is one finding,
 * on the second run, whose fix is to read the rows already loaded; duplicate checks, which find one row at most, are
 * left alone.
 */
@RuleKey("EB606")
public final class CountByFetchingAllRule implements EnergyRule, SourceDetector {

    static final String DB_COUNT = "This query loads every matching row only to count them; count in the database"
            + " (countBy…, SELECT COUNT(*)) instead.";
    static final String DB_EXISTS = "This query loads every matching row only to see whether there is one; ask the"
            + " database (existsBy…, SELECT 1 … LIMIT 1) instead.";
    static final String FHIR_COUNT = "This FHIR search downloads resources only to count them (and getEntry().size()"
            + " counts one page at most); ask for the count alone with summaryMode(SummaryEnum.COUNT) and read"
            + " getTotal() instead.";

    private static final Pattern LIST_RETURNING =
            Pattern.compile("findAll\\w*|getResultList|list|queryForList|query|\\w+All\\w*By\\w+");
    private static final Set<String> COUNTING = Set.of("size", "isEmpty", "stream");
    private static final Set<String> LOG_METHODS = Set.of("trace", "debug", "info", "warn", "error", "log");
    private static final Pattern DUPLICATE_WORDS =
            Pattern.compile("unique|duplicate|already", Pattern.CASE_INSENSITIVE);

    static final String DB_COUNT_THROUGH = "This code {through}, only to count them; add a query that counts in the"
            + " database (countBy…, SELECT COUNT(*)) and call it instead.";
    static final String DB_EXISTS_THROUGH = "This code {through}, only to see whether there is one; add a query that"
            + " asks the database (existsBy…, SELECT 1 … LIMIT 1) and call it instead.";

    /**
     * A FHIR search, which ends in {@code execute()}, or a read whose rows are only counted ({@code size()}, {@code
     * isEmpty()}, {@code count()}): a query, or a call of the project's code that returns a query's rows.
     */
    private static final RequiredWords WORDS = RequiredWords.anyOf("execute", "size", "isEmpty", "count");

    @Override
    public RequiredWords textPrescreen() {
        return WORDS;
    }

    @Override
    public boolean readsProjectFacts() {
        return true;
    }

    @Override
    public void subscribe(SourceVisits visits) {
        visits.enter(MethodCallExpr.class, CountByFetchingAllRule::visit);
    }

    private static void visit(MethodCallExpr call, SourceContext context) {
        Optional<FhirChains.Chain> search =
                FhirChains.startingAt(call, context).filter(c -> c.interaction() == FhirChains.Interaction.SEARCH);
        if (search.isPresent()) {
            FhirChains.Chain chain = search.get();
            if (chain.execute().isPresent() && !chain.has("summaryMode") && !countsZero(chain)) {
                ResultUses.of(chain.execute().get())
                        .filter(BundleUses::onlyCount)
                        .ifPresent(uses -> context.report(
                                call.getName(),
                                FHIR_COUNT,
                                at(uses, "where it only counts the resources"),
                                Optional.empty()));
            }
            return;
        }
        boolean throughProject = QueryRows.mayReturnRows(call) && mayBeCounted(call);
        if (!QueryRows.mayReadRows(call) && !throughProject) {
            return;
        }
        Optional<RemoteCalls.RemoteCall> remote = RemoteCalls.classify(call, context);
        if (remote.isEmpty()) {
            if (throughProject) {
                countedThroughProject(call, context);
            }
            return;
        }
        if (!QueryRows.isUnbounded(call, remote.get(), context)) {
            return;
        }
        Optional<List<ResultUses.Use>> uses = ResultUses.of(call);
        if (uses.isEmpty() || uses.get().isEmpty()) {
            return;
        }
        Optional<MethodCallExpr> previous = QueryReruns.previousRun(call)
                .filter(run -> ResultUses.of(run)
                        .filter(ResultUses::onlyCount)
                        .filter(runUses -> !runUses.stream().allMatch(CountByFetchingAllRule::isLogged))
                        .isPresent());
        if (previous.isPresent()) {
            context.report(
                    call.getName(),
                    rerun(call, previous.get()),
                    new SourceContext.Secondary(previous.get().getName(), "the run that already loaded the rows"));
            return;
        }
        if (!ResultUses.onlyCount(uses.get())) {
            return;
        }
        // Reported where the query runs again, the call the fix removes.
        if (QueryReruns.nextRun(call).isPresent()) {
            return;
        }
        boolean onlyEmptiness = uses.get().stream().allMatch(use -> use.startsWith("isEmpty"));
        boolean onlyLogged = uses.get().stream().allMatch(CountByFetchingAllRule::isLogged);
        // A count only logged is not what the query is for (it loads entities into the session, say).
        if (onlyLogged || (onlyEmptiness && !isKnownList(call))) {
            return;
        }
        // A duplicate check finds at most one row: the one its uniqueness allows.
        if (uses.get().stream().allMatch(CountByFetchingAllRule::isDuplicateCheck)) {
            return;
        }
        context.report(
                call.getName(),
                onlyEmptiness ? DB_EXISTS : DB_COUNT,
                at(
                        uses.get(),
                        onlyEmptiness ? "where it only tests whether there is a row" : "where it only counts the rows"),
                Optional.empty());
    }

    /**
     * A call of the project's code whose result is only counted or tested for emptiness: a finding once the project is
     * read if the method returns, as is, every row of a query without a limit (possibly through further methods that
     * return what they call).
     */
    private static void countedThroughProject(MethodCallExpr call, SourceContext context) {
        Optional<List<ResultUses.Use>> uses = ResultUses.of(call);
        if (uses.isEmpty()
                || uses.get().isEmpty()
                || !ResultUses.onlyCount(uses.get())
                || uses.get().stream().allMatch(CountByFetchingAllRule::isLogged)
                || uses.get().stream().allMatch(CountByFetchingAllRule::isDuplicateCheck)) {
            return;
        }
        boolean onlyEmptiness = uses.get().stream().allMatch(use -> use.startsWith("isEmpty"));
        context.reportThrough(
                call.getName(),
                call,
                Map.of(Effect.Kind.DATABASE_ROWS, onlyEmptiness ? DB_EXISTS_THROUGH : DB_COUNT_THROUGH),
                Integer.MAX_VALUE,
                at(
                        uses.get(),
                        onlyEmptiness
                                ? "where it only tests whether there is a row"
                                : "where it only counts the rows"));
    }

    /**
     * Whether a call's value may be only counted, as far as its parent tells: {@code call().size()}, {@code
     * call().isEmpty()}, {@code call().stream()…}, or a local of a collection type it initialises.
     */
    private static boolean mayBeCounted(MethodCallExpr call) {
        Node parent = call.getParentNode().orElse(null);
        if (parent instanceof MethodCallExpr counting && counting.getScope().orElse(null) == call) {
            return COUNTING.contains(counting.getNameAsString());
        }
        return parent instanceof VariableDeclarator local
                && (local.getType().isVarType()
                        || (local.getType().isClassOrInterfaceType()
                                && QueryRows.LIST_TYPES.contains(
                                        local.getType().asClassOrInterfaceType().getNameAsString())));
    }

    /** The uses of the rows, each where it counts them or tests whether there is one. */
    private static List<SourceContext.Secondary> at(List<ResultUses.Use> uses, String words) {
        return uses.stream()
                .map(use -> new SourceContext.Secondary(
                        use.calls().isEmpty() ? use.end() : use.calls().get(0).getName(), words))
                .toList();
    }

    /** The message for a query run again after its rows were loaded only to test whether there is one. */
    private static String rerun(MethodCallExpr call, MethodCallExpr previous) {
        Node holder = previous.getParentNode().orElse(null);
        String variable = holder instanceof VariableDeclarator declarator
                ? declarator.getNameAsString()
                : holder instanceof AssignExpr assign && assign.getTarget() instanceof NameExpr target
                        ? target.getNameAsString()
                        : null;
        String what = "This " + call.getNameAsString() + "() runs the same query again although its rows were just"
                + " loaded";
        return variable == null
                ? what + " to test whether there is one; keep those rows and read them instead of querying twice."
                : what + " into " + variable + " to test whether there is one; read them from " + variable
                        + " instead of querying twice.";
    }

    /**
     * Whether the count is a duplicate check: it decides an {@code if} that rejects a duplicate (its branches speak of
     * a unique or duplicate value, or of one that already exists), or it sits in a method named for uniqueness or
     * duplicates. Uniqueness keeps such a query to one row at most.
     */
    private static boolean isDuplicateCheck(ResultUses.Use use) {
        Node counted = use.calls().isEmpty() ? use.end() : use.calls().get(0);
        boolean namedSo = counted.findAncestor(MethodDeclaration.class)
                .map(m -> DUPLICATE_WORDS.matcher(m.getNameAsString()).find())
                .orElse(false);
        if (namedSo) {
            return true;
        }
        Node child = counted;
        for (Node parent = counted.getParentNode().orElse(null);
                parent != null && !(parent instanceof MethodDeclaration);
                child = parent, parent = parent.getParentNode().orElse(null)) {
            if (parent instanceof IfStmt ifStmt && ifStmt.getCondition() == child) {
                return DUPLICATE_WORDS.matcher(ifStmt.getThenStmt().toString()).find()
                        || ifStmt.getElseStmt()
                                .filter(e ->
                                        DUPLICATE_WORDS.matcher(e.toString()).find())
                                .isPresent();
            }
        }
        return false;
    }

    /** Whether the read is known to give a list, not an {@code Optional} whose {@code isEmpty()} tests one row. */
    private static boolean isKnownList(MethodCallExpr call) {
        if (LIST_RETURNING.matcher(call.getNameAsString()).matches()) {
            return true;
        }
        return call.getParentNode().orElse(null) instanceof VariableDeclarator declarator
                && declarator.getType().isClassOrInterfaceType()
                && QueryRows.LIST_TYPES.contains(
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
