package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.Statement;
import java.util.EnumMap;
import java.util.Map;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceDetector;
import org.ecobugs.rules.api.SourceVisits;
import org.ecobugs.rules.checks.loops.RepeatingContexts;
import org.ecobugs.rules.checks.remote.CallsInLoops;
import org.ecobugs.rules.java.Loops;
import org.ecobugs.rules.java.Repetition;
import org.ecobugs.rules.project.DeferredFinding;
import org.ecobugs.rules.project.Effect;

/**
 * What the rules about calls a loop repeats share (EB208, EB209, EB306, EB307, EB311, EB601): each method call that a
 * loop or a per-element lambda runs again and again (see {@link Repetition#repeatingContext}), handed to the rule with
 * what repeats it. Their findings point at that loop or lambda (see {@link RepeatingContexts}).
 */
abstract class RepeatedCalls implements EnergyRule, SourceDetector {

    /**
     * The parameter of the rules that may follow a repeated call into the project's own classes (see {@link
     * CallsInLoops#reportThroughProject}).
     */
    static final String PARAM_FOLLOW_PROJECT_CALLS = "followProjectCalls";

    /** Loops of at most this many iterations are a fixed, small cost. */
    private static final long MAX_CONSTANT_ITERATIONS = 16;

    private final boolean followProjectCalls;

    /** A rule that looks at the repeated call only. */
    RepeatedCalls() {
        this(false);
    }

    /**
     * @param followProjectCalls whether a repeated call that is no remote call of its own is followed into the
     *     project's classes (see {@link #reportThroughProject})
     */
    RepeatedCalls(boolean followProjectCalls) {
        this.followProjectCalls = followProjectCalls;
    }

    @Override
    public final boolean readsProjectFacts() {
        return followProjectCalls;
    }

    /**
     * When the rule follows project calls, reports a repeated call once the project is read if it reaches one of the
     * effects of {@code fixes} through the project's classes (see {@link CallsInLoops#reportThroughProject}), with the
     * message "This loop calls …, which …, once per element; " and the effect's fix.
     *
     * @param fixes the fix of each effect the rule stands for; the effects are preferred in their declared order
     */
    final void reportThroughProject(
            MethodCallExpr call, Node repeating, SourceContext context, Map<Effect.Kind, String> fixes) {
        if (!followProjectCalls) {
            return;
        }
        Map<Effect.Kind, String> messages = new EnumMap<>(Effect.Kind.class);
        fixes.forEach((kind, fix) -> messages.put(kind, DeferredFinding.THROUGH + ", once per element; " + fix));
        CallsInLoops.reportThroughProject(call, repeating, context, messages);
    }

    /** A loop keyword or a per-element operation: repeated code holds one of them. */
    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(Repetition.WORDS);
    }

    @Override
    public final void subscribe(SourceVisits visits) {
        visits.enter(MethodCallExpr.class, this::visit);
    }

    private void visit(MethodCallExpr call, SourceContext context) {
        // Most calls are not repeated: after what the call alone tells, that is the cheapest test, so it comes first.
        if (looksAt(call)) {
            Repetition.repeatingContext(call).ifPresent(repeating -> visit(call, repeating, context));
        }
    }

    /** Whether the call alone (its name, its arguments) may be one the rule reports: every call by default. */
    boolean looksAt(MethodCallExpr call) {
        return true;
    }

    /**
     * Looks at a call that a loop or a per-element lambda repeats.
     *
     * @param repeating the loop statement or the per-element call ({@code forEach}, {@code map}, …)
     */
    abstract void visit(MethodCallExpr call, Node repeating, SourceContext context);

    /** Whether the repetition is a loop that runs a small constant number of times at most: a fixed, small cost. */
    static boolean runsFewTimes(Node repeating, SourceContext context) {
        return repeating instanceof Statement loop
                && Loops.isBoundedByConstant(loop, context.constants(), MAX_CONSTANT_ITERATIONS);
    }
}
