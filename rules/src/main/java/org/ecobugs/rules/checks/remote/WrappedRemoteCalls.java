package org.ecobugs.rules.checks.remote;

import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.util.List;
import java.util.Optional;
import org.ecobugs.rules.api.SourceContext;

/**
 * The remote calls that a method of the file wraps (a DAO or client method), which each call of the method makes: a
 * method small enough to be a wrapper rather than a unit of work that happens to make one among much else (a job, an
 * import step).
 */
final class WrappedRemoteCalls {

    /*
     * What this class works out about a file's nodes is kept on the nodes themselves (JavaParser's per-node data): the
     * AST belongs to one file and one thread, so nothing is shared across files or threads.
     */
    private static final DataKey<List<RemoteCalls.RemoteCall>> WRAPPED_CALLS = new DataKey<>() {};

    /** Beyond this many statements, a same-file method is a unit of work, not a wrapper of its remote call. */
    static final int MAX_WRAPPER_STATEMENTS = 15;

    private WrappedRemoteCalls() {}

    /**
     * The remote calls a method makes when it is a wrapper, remembered on the method's node: the per-element rules ask
     * about the same helpers for every call site of a file.
     */
    static List<RemoteCalls.RemoteCall> of(MethodDeclaration helper, SourceContext context) {
        if (helper.containsData(WRAPPED_CALLS)) {
            return helper.getData(WRAPPED_CALLS);
        }
        List<RemoteCalls.RemoteCall> calls = helper.getBody().isEmpty() || !isWrapper(helper)
                ? List.of()
                : helper.getBody().get().findAll(MethodCallExpr.class).stream()
                        .map(c -> RemoteCalls.classifyInWrapper(c, context))
                        .flatMap(Optional::stream)
                        .toList();
        helper.setData(WRAPPED_CALLS, calls);
        return calls;
    }

    private static boolean isWrapper(MethodDeclaration helper) {
        long statements = helper.getBody().stream()
                .flatMap(body -> body.findAll(Statement.class).stream())
                .filter(s -> !(s instanceof BlockStmt))
                .count();
        return statements <= MAX_WRAPPER_STATEMENTS;
    }
}
