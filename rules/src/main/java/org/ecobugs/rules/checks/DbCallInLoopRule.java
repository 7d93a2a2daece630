package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.Map;
import java.util.Optional;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.RuleParameters;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.checks.remote.CallsInLoops;
import org.ecobugs.rules.checks.remote.RemoteCalls;
import org.ecobugs.rules.java.OneOffCode;
import org.ecobugs.rules.project.Effect;

/**
 * A database query or statement run once per element of a collection (N+1): a Spring Data repository or DAO read,
 * {@code EntityManager.find} or a JPA query, JDBC {@code executeQuery}/{@code executeUpdate}, {@code JdbcTemplate}
 * queries and updates — in a loop or a per-element lambda, directly or through a method of the same file. One-off
 * code (migrations, start-up, {@code main}: see {@link OneOffCode}) is left out.
 */
@RuleKey("EB601")
public final class DbCallInLoopRule extends RepeatedCalls {

    public DbCallInLoopRule(RuleParameters parameters) {
        super(parameters.bool(PARAM_FOLLOW_PROJECT_CALLS));
    }

    static final String READ_FIX = "fetch all the elements in one query (findAllById, WHERE … IN (…), a join) instead.";
    static final String WRITE_FIX =
            "batch the statements (addBatch and executeBatch, JdbcTemplate.batchUpdate) instead.";

    @Override
    void visit(MethodCallExpr call, Node repeating, SourceContext context) {
        if (OneOffCode.runsOnce(call)) {
            return; // a migration or start-up step touches each row once per deployment
        }
        Optional<CallsInLoops.LoopedCall> looped = CallsInLoops.of(
                call,
                repeating,
                context,
                remote -> remote.kind() == RemoteCalls.Kind.DATABASE_READ
                        || remote.kind() == RemoteCalls.Kind.DATABASE_WRITE);
        if (looped.isPresent()) {
            looped.get().report(context, message(looped.get()), "the query");
        } else {
            reportThroughProject(
                    call,
                    repeating,
                    context,
                    Map.of(Effect.Kind.DATABASE_READ, READ_FIX, Effect.Kind.DATABASE_WRITE, WRITE_FIX));
        }
    }

    static String message(CallsInLoops.LoopedCall looped) {
        boolean read = looped.remote().kind() == RemoteCalls.Kind.DATABASE_READ;
        String what = looped.remote().what();
        if (looped.helper().isPresent()) {
            return looped.subject() + " "
                    + looped.via((read ? "queries the database (" : "writes to the database (") + what + ")")
                    + " once per element; " + (read ? READ_FIX : WRITE_FIX);
        }
        return looped.subject() + " runs one database " + (read ? "query" : "statement") + " (" + what
                + ") per element; " + (read ? READ_FIX : WRITE_FIX);
    }
}
