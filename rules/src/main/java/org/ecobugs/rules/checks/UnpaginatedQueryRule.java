package org.ecobugs.rules.checks;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.RuleParameters;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceDetector;
import org.ecobugs.rules.api.SourceVisits;
import org.ecobugs.rules.checks.remote.QueryLimits;
import org.ecobugs.rules.checks.remote.QueryReruns;
import org.ecobugs.rules.checks.remote.QueryRows;
import org.ecobugs.rules.checks.remote.RemoteCalls;
import org.ecobugs.rules.checks.remote.ResultUses;
import org.ecobugs.rules.java.Handlers;
import org.ecobugs.rules.java.WordSets;
import org.ecobugs.rules.project.Effect;

/**
 * A query without a limit whose rows are then cut down in memory: the first few kept ({@code limit}, {@code
 * findFirst}, {@code subList}, {@code get(0)}), a whole table filtered in Java, or, with {@code wholeTableResponses}, a
 * whole table returned by a request handler (off by default: the tables applications return whole are mostly the small
 * reference lists of drop-downs, which the rule cannot tell from a table that grows). A query that just ran to test
 * whether it has rows and runs again to read them is left to EB606. Queries are Spring Data repository reads without a {@code Pageable} or {@code Limit} (and not {@code
 * findFirst…}/{@code findTop…}), JPA and Hibernate queries without {@code setMaxResults}, and {@code JdbcTemplate}
 * queries whose constant SQL has no {@code LIMIT}, {@code FETCH FIRST}, {@code TOP} or {@code ROWNUM}.
 */
@RuleKey("EB605")
public final class UnpaginatedQueryRule implements EnergyRule, SourceDetector {

    static final String TRIMMED = "loads every matching row and the code keeps only the first ones; limit the query"
            + " (a Pageable or Limit argument, findFirst…/findTop…, setMaxResults, LIMIT) instead.";
    static final String TRIMMED_THROUGH = "This code {through}, and keeps only the first ones; add a query with a"
            + " limit (a Pageable or Limit argument, findFirst…/findTop…, setMaxResults, LIMIT) and call it instead.";
    static final String FILTERED = "findAll() loads the whole table and the code filters it in memory; let the"
            + " database filter (a derived query or a WHERE clause) and page the result instead.";
    static final String RETURNED = "This request handler returns a whole table in one response; page it (a Pageable"
            + " parameter, setMaxResults, LIMIT) instead.";

    private static final Pattern LIST_READ = Pattern.compile(
            "findAll|(find|get|read|query|search|stream)(All)?By\\w+|getResultList|getResultStream|list|query"
                    + "|queryForList|queryForStream");
    private static final Set<String> TRIMS = Set.of("limit", "findFirst", "findAny");

    /** How the code keeps the first rows of a call of the project's code. */
    private static final Set<String> TRIM_WORDS = Set.of("subList", "limit");

    /**
     * A database read, by one of the names {@link #LIST_READ} matches; or the first rows kept of what a call of the
     * project's code returns.
     */
    private static final RequiredWords WORDS = RequiredWords.anyOf(
                    WordSets.union(RemoteCalls.DATABASE_WORDS, TRIM_WORDS))
            .andAnyOf(WordSets.union(
                    TRIM_WORDS,
                    Set.of(
                            "findAll",
                            "getResultList",
                            "getResultStream",
                            "list",
                            "query",
                            "queryForList",
                            "queryForStream"),
                    Stream.of("find", "get", "read", "query", "search", "stream")
                            .flatMap(verb -> Stream.of(verb + "By*", verb + "AllBy*"))
                            .collect(Collectors.toSet())));

    static final String PARAM_WHOLE_TABLE_RESPONSES = "wholeTableResponses";

    private final boolean wholeTableResponses;

    public UnpaginatedQueryRule(RuleParameters parameters) {
        this.wholeTableResponses = parameters.bool(PARAM_WHOLE_TABLE_RESPONSES);
    }

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
        visits.enter(MethodCallExpr.class, this::visit);
    }

    private void visit(MethodCallExpr call, SourceContext context) {
        boolean listRead = LIST_READ.matcher(call.getNameAsString()).matches();
        boolean throughProject = mayBeTrimmedThroughProject(call);
        if (!listRead && !throughProject) {
            return;
        }
        Optional<RemoteCalls.RemoteCall> remote = RemoteCalls.classify(call, context);
        if (remote.isEmpty()) {
            if (throughProject) {
                trimmedThroughProject(call, context);
            }
            return;
        }
        if (!listRead
                || remote.get().kind() != RemoteCalls.Kind.DATABASE_READ
                || QueryLimits.isBounded(call, context)) {
            return;
        }
        Optional<List<ResultUses.Use>> uses = ResultUses.of(call);
        if (uses.isEmpty()) {
            return;
        }
        // The same query just run to test whether it has rows: EB606 reports the second run, whatever its limit.
        if (QueryReruns.previousRun(call)
                .flatMap(ResultUses::of)
                .filter(ResultUses::onlyCount)
                .isPresent()) {
            return;
        }
        String what = call.getNameAsString() + "()";
        boolean wholeTable = call.getNameAsString().equals("findAll");
        boolean ordered = QueryLimits.isOrdered(call, context);
        for (ResultUses.Use use : uses.get()) {
            if (trims(use, ordered)) {
                context.report(
                        call.getName(),
                        "This " + what + " " + TRIMMED,
                        new SourceContext.Secondary(
                                use.calls().get(0).getName(), "where the code keeps only the first rows"));
                return;
            }
        }
        Optional<ResultUses.Use> filter = uses.get().stream()
                .filter(u -> u.startsWith("stream", "filter"))
                .findFirst();
        if (wholeTable && filter.isPresent()) {
            context.report(
                    call.getName(),
                    FILTERED,
                    new SourceContext.Secondary(
                            filter.get().calls().get(1).getName(), "where the code filters the rows"));
            return;
        }
        if (wholeTableResponses
                && wholeTable
                && call.findAncestor(MethodDeclaration.class)
                        .filter(m -> Handlers.isHandler(m, context.names()))
                        .isPresent()) {
            uses.get().stream()
                    .filter(u -> u.end() instanceof ReturnStmt && !trims(u, ordered))
                    .findFirst()
                    .ifPresent(returned -> context.report(
                            call.getName(),
                            RETURNED,
                            new SourceContext.Secondary(returned.end(), "where the handler returns every row")));
        }
    }

    /**
     * Whether a call's value may be cut to its first elements as far as the call tells ({@code call().subList(…)},
     * {@code call().stream()…}), and the call is named like a read of the project's code (see {@link
     * QueryRows#mayReturnRows}).
     */
    private static boolean mayBeTrimmedThroughProject(MethodCallExpr call) {
        return call.getParentNode().orElse(null) instanceof MethodCallExpr next
                && next.getScope().orElse(null) == call
                && (next.getNameAsString().equals("subList")
                        || next.getNameAsString().equals("stream"))
                && QueryRows.mayReturnRows(call);
    }

    /**
     * A call of the project's code whose result the code cuts to its first elements ({@code subList}, {@code
     * stream().limit(n)}): a finding once the project is read if the method returns, as is, every row of a query
     * without a limit. Which rows come first is not known here, so a first row taken alone ({@code get(0)}) is not
     * one.
     */
    private static void trimmedThroughProject(MethodCallExpr call, SourceContext context) {
        ResultUses.of(call)
                .flatMap(uses -> uses.stream().filter(use -> trims(use, false)).findFirst())
                .ifPresent(trim -> context.reportThrough(
                        call.getName(),
                        call,
                        Map.of(Effect.Kind.DATABASE_ROWS, TRIMMED_THROUGH),
                        Integer.MAX_VALUE,
                        List.of(new SourceContext.Secondary(
                                trim.calls().get(0).getName(), "where the code keeps only the first rows"))));
    }

    /**
     * Whether a use keeps only the first rows: {@code subList} and {@code stream().limit(n)} always; the first row
     * ({@code get(0)}, {@code findFirst()}, {@code iterator().next()}) only from an ordered query — from an unordered one
     * it is the single row a unique criterion or an aggregate returns.
     */
    private static boolean trims(ResultUses.Use use, boolean ordered) {
        List<String> names = use.names();
        if (names.isEmpty()) {
            return false;
        }
        if (names.get(0).equals("subList") || use.startsWith("stream", "limit")) {
            return true;
        }
        if (names.get(0).equals("stream") && names.contains("limit")) {
            return true;
        }
        if (!ordered) {
            return false;
        }
        if (use.startsWith("iterator", "next")) {
            return true;
        }
        if (names.get(0).equals("get")
                && use.calls().get(0).getArguments().size() == 1
                && use.calls().get(0).getArgument(0).isIntegerLiteralExpr()) {
            return true;
        }
        return names.get(0).equals("stream") && names.stream().anyMatch(TRIMS::contains);
    }
}
