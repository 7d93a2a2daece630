package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceRule;
import org.ecobugs.rules.java.OneOffCode;
import org.ecobugs.rules.java.Repetition;

/**
 * A database query or statement run once per element of a collection (N+1): a Spring Data repository or DAO read,
 * {@code EntityManager.find} or a JPA query, JDBC {@code executeQuery}/{@code executeUpdate}, {@code JdbcTemplate}
 * queries and updates — in a loop or a per-element lambda, directly or through a method of the same file. One-off
 * code (migrations, start-up, {@code main}: see {@link OneOffCode}) is left out.
 */
@RuleKey("EB601")
public final class DbCallInLoopRule implements SourceRule {

    static final String READ_FIX = "fetch all the elements in one query (findAllById, WHERE … IN (…), a join) instead.";
    static final String WRITE_FIX =
            "batch the statements (addBatch and executeBatch, JdbcTemplate.batchUpdate) instead.";

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(Repetition.WORDS);
    }

    @Override
    public Set<Class<? extends Node>> nodesToVisit() {
        return Set.of(MethodCallExpr.class);
    }

    @Override
    public void visitNode(Node node, SourceContext context) {
        CallsInLoops.of(
                        (MethodCallExpr) node,
                        context,
                        remote -> remote.kind() == RemoteCalls.Kind.DATABASE_READ
                                || remote.kind() == RemoteCalls.Kind.DATABASE_WRITE)
                // A migration or start-up step touches each row once per deployment.
                .filter(looped -> !OneOffCode.runsOnce(node))
                .ifPresent(looped -> context.report(
                        looped.anchor().getName(), message(looped), looped.secondaries("the query"), Optional.empty()));
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
