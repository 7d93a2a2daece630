package org.ecobugs.rules.checks.remote;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.type.Type;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.java.WordSets;

/**
 * Database reads that may return many rows and have no limit: what a caller that only counts them, or keeps the first
 * few, loads for nothing. Single-row lookups and counts are not; nor are reads given a page, a limit or {@code
 * setMaxResults} (see {@link QueryLimits}).
 */
public final class QueryRows {

    /** Database reads that return one row or already count: nothing to gain. */
    private static final Pattern SINGLE_OR_COUNT = Pattern.compile(
            "count.*|exists.*|find|get|findById|getById|getOne|load|getSingleResult.*|uniqueResult.*|queryForObject"
                    + "|queryForMap|find(First|Top)\\w*|get(First|Top)\\w*");

    /** Reads that may return a list: the only ones worth resolving. */
    private static final Pattern LIST_READ = Pattern.compile(
            "(find|read|query|search|stream)\\w*|get\\w*By\\w+|getAll\\w*|getResultList|getResultStream|list"
                    + "|queryForList|queryForStream");

    /** The declared types of a list of rows. */
    public static final Set<String> LIST_TYPES =
            Set.of("List", "Collection", "Set", "ArrayList", "Iterable", "LinkedList", "HashSet");

    /** The declared types of a method that returns rows as they came. */
    private static final Set<String> COLLECTION_TYPES = WordSets.union(LIST_TYPES, Set.of("Stream"));

    private QueryRows() {}

    /** A lookup of several things by what it is given: {@code getEncounters(patient)}. */
    private static final Pattern PLURAL_LOOKUP = Pattern.compile("get[A-Z]\\w*s");

    /** Whether a call's name is that of a read that may return many rows (it is then worth classifying). */
    public static boolean mayReadRows(MethodCallExpr call) {
        return LIST_READ.matcher(call.getNameAsString()).matches()
                && !SINGLE_OR_COUNT.matcher(call.getNameAsString()).matches();
    }

    /**
     * Whether a call of the project's code may return the rows of a query, by its name: a read as {@link
     * #mayReadRows} names them, or a lookup of several things by its arguments. Plain getters ({@code getTags()})
     * return what an object holds, and are not followed.
     */
    public static boolean mayReturnRows(MethodCallExpr call) {
        return mayReadRows(call)
                || (call.getArguments().isNonEmpty()
                        && PLURAL_LOOKUP.matcher(call.getNameAsString()).matches());
    }

    /** The database read, when the call may return many rows and nothing limits them. */
    public static Optional<RemoteCalls.RemoteCall> unbounded(MethodCallExpr call, SourceContext context) {
        if (!mayReadRows(call)) {
            return Optional.empty();
        }
        return RemoteCalls.classify(call, context).filter(remote -> isUnbounded(call, remote, context));
    }

    /**
     * Whether a call already classified is a database read that may return many rows with nothing to limit them (see
     * {@link #unbounded}, for a caller that has the classification at hand).
     */
    public static boolean isUnbounded(MethodCallExpr call, RemoteCalls.RemoteCall remote, SourceContext context) {
        return mayReadRows(call)
                && remote.kind() == RemoteCalls.Kind.DATABASE_READ
                && !QueryLimits.isBounded(call, context);
    }

    /**
     * The database read whose rows a method returns, when the call is one without a limit and the method that makes
     * it is declared to return a collection or a stream (not an {@code Optional} or an entity: one row).
     */
    public static Optional<RemoteCalls.RemoteCall> returnedUnbounded(MethodCallExpr call, SourceContext context) {
        boolean returnsCollection = call.findAncestor(MethodDeclaration.class)
                .map(MethodDeclaration::getType)
                .filter(Type::isClassOrInterfaceType)
                .map(type -> type.asClassOrInterfaceType().getNameAsString())
                .filter(COLLECTION_TYPES::contains)
                .isPresent();
        return returnsCollection ? unbounded(call, context) : Optional.empty();
    }
}
