package org.ecobugs.rules.checks.loops;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.java.Scopes;
import org.ecobugs.rules.java.Waits;

/** The sleeps between the attempts of a retry loop, and whether they change from one attempt to the next (a backoff). */
final class AttemptDelays {

    private AttemptDelays() {}

    /** The sleeps of the loop's body outside the attempt, and those of the catch clauses that retry. */
    static List<Waits.Sleep> between(
            List<Statement> body, TryStmt attempt, List<CatchClause> retried, SourceContext context) {
        List<Waits.Sleep> delays = new ArrayList<>();
        for (Statement statement : body) {
            if (statement != attempt) {
                collectSleeps(statement, context, delays);
            }
        }
        retried.forEach(clause -> collectSleeps(clause, context, delays));
        return delays;
    }

    /**
     * Whether some delay may change between attempts, or the loop waits for a time that cannot be known: a project's
     * own sleep helper ({@code SleepUtil.sleepAtLeast}) where no known sleep is.
     */
    static boolean backOff(List<Waits.Sleep> delays, Statement loop, TryStmt attempt, SourceContext context) {
        Set<String> changing = assignedInLoop(loop);
        boolean unknownWait = delays.isEmpty() && hasOtherSleep(loop, attempt, context);
        return unknownWait || delays.stream().anyMatch(sleep -> varies(sleep, changing));
    }

    private static void collectSleeps(Node region, SourceContext context, List<Waits.Sleep> delays) {
        for (MethodCallExpr call : region.findAll(MethodCallExpr.class)) {
            Waits.sleep(call, context).ifPresent(delays::add);
        }
    }

    private static boolean hasOtherSleep(Statement loop, TryStmt attempt, SourceContext context) {
        for (MethodCallExpr call : loop.findAll(MethodCallExpr.class)) {
            if (call.getNameAsString().toLowerCase(Locale.ROOT).startsWith("sleep")
                    && Waits.sleep(call, context).isEmpty()
                    && !attempt.getTryBlock().isAncestorOf(call)) {
                return true;
            }
        }
        return false;
    }

    /** Names assigned or incremented anywhere in the loop, including its {@code for} header. */
    private static Set<String> assignedInLoop(Statement loop) {
        Set<String> names = new HashSet<>();
        for (NameExpr name : loop.findAll(NameExpr.class)) {
            if (!names.contains(name.getNameAsString()) && Scopes.isAssignedIn(loop, name.getNameAsString())) {
                names.add(name.getNameAsString());
            }
        }
        return names;
    }

    /**
     * Whether a delay may change between attempts: it is not a constant and reads a variable the loop changes, or
     * computes its value with a call (a backoff policy, a random jitter).
     */
    private static boolean varies(Waits.Sleep sleep, Set<String> changing) {
        if (sleep.millis().isPresent()) {
            return false;
        }
        Expression argument = sleep.call().getArgument(0);
        if (!argument.findAll(MethodCallExpr.class).isEmpty()
                && !(argument instanceof MethodCallExpr call && isDurationFactoryOfInvariant(call, changing))) {
            return true;
        }
        return argument.findAll(NameExpr.class).stream().anyMatch(n -> changing.contains(n.getNameAsString()));
    }

    /** {@code Duration.ofMillis(delay)} with an unchanging {@code delay} is still a constant delay. */
    private static boolean isDurationFactoryOfInvariant(MethodCallExpr call, Set<String> changing) {
        return call.getNameAsString().startsWith("of")
                && call.getScope().map(s -> s.toString().equals("Duration")).orElse(false)
                && call.getArguments().stream()
                        .allMatch(a -> a.findAll(MethodCallExpr.class).isEmpty()
                                && (a instanceof NameExpr || a.isLiteralExpr()));
    }
}
