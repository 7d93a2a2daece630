package org.ecobugs.rules.checks;

import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.List;
import java.util.Optional;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceDetector;
import org.ecobugs.rules.api.SourceVisits;
import org.ecobugs.rules.checks.loops.RetryLoops;
import org.ecobugs.rules.java.Loops;

/**
 * A retry loop with nothing to stop it but success: no attempt counter or deadline in its condition, and no exit on
 * failure (a return, a throw that leaves the loop, a break, or setting the flag the loop tests). While the peer is down
 * it reconnects forever (HL7 MLLP links, JDBC pools, message brokers). Loops that wait for a state (a branch of the
 * attempt sleeps and stays while another leaves) and loops whose successful iterations go on to the next item (a
 * queue worker, a receive loop) are not retries.
 */
@RuleKey("EB302")
public final class UnboundedRetryRule implements EnergyRule, SourceDetector {

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(Loops.KEYWORDS);
    }

    @Override
    public void subscribe(SourceVisits visits) {
        visits.enter(WhileStmt.class, this::visit);
        visits.enter(DoStmt.class, this::visit);
        visits.enter(ForStmt.class, this::visit);
    }

    private void visit(Statement loop, SourceContext context) {
        Optional<RetryLoops.RetryLoop> retry = RetryLoops.match(loop, context);
        if (retry.isEmpty() || retry.get().bounded()) {
            return;
        }
        boolean constantDelay = !retry.get().backoff() && !retry.get().delays().isEmpty();
        String pace = retry.get().backoff() ? "" : constantDelay ? " at a constant delay" : " without any delay";
        String failing = retry.get().anyFailure() ? " while the attempt keeps failing" : " while the peer is down";
        context.report(
                Loops.anchor(loop),
                "This loop retries forever" + pace + failing + "; cap the attempts or the time, back off exponentially"
                        + " and report the failure.",
                constantDelay ? RetryDelays.of(retry.get()) : List.of(),
                Optional.empty());
    }
}
