package org.ecobugs.rules.checks;

import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.RuleParameters;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceDetector;
import org.ecobugs.rules.api.SourceVisits;
import org.ecobugs.rules.checks.loops.RetryLoops;
import org.ecobugs.rules.java.Annotations;
import org.ecobugs.rules.java.Loops;

/**
 * A bounded retry loop that waits the same time (or not at all) between more attempts than the threshold, and Spring
 * Retry's {@code @Retryable} with a fixed backoff. Unbounded retry loops are {@code EB302}'s.
 */
@RuleKey("EB301")
public final class RetryWithoutBackoffRule implements EnergyRule, SourceDetector {

    static final String PARAM_MAX_FIXED_ATTEMPTS = "maxFixedAttempts";
    private static final String RETRYABLE = "org.springframework.retry.annotation.Retryable";
    /** Spring Retry's defaults: three attempts, one second apart. */
    private static final long SPRING_DEFAULT_ATTEMPTS = 3;

    private final long maxFixedAttempts;

    public RetryWithoutBackoffRule(RuleParameters parameters) {
        this.maxFixedAttempts = parameters.integer(PARAM_MAX_FIXED_ATTEMPTS);
    }

    private static final Set<String> LOOPS_OR_RETRYABLE = Set.of("for", "while", "Retryable");

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(LOOPS_OR_RETRYABLE);
    }

    @Override
    public void subscribe(SourceVisits visits) {
        visits.enter(WhileStmt.class, this::visitLoop);
        visits.enter(DoStmt.class, this::visitLoop);
        visits.enter(ForStmt.class, this::visitLoop);
        visits.enter(AnnotationExpr.class, this::visitRetryable);
    }

    private void visitLoop(Statement loop, SourceContext context) {
        Optional<RetryLoops.RetryLoop> retry = RetryLoops.match(loop, context);
        if (retry.isEmpty() || retry.get().backoff()) {
            return;
        }
        OptionalLong attempts = retry.get().attempts();
        if (attempts.isEmpty() || attempts.getAsLong() <= maxFixedAttempts) {
            return;
        }
        OptionalLong delay = retry.get().constantDelayMillis();
        String pace = retry.get().delays().isEmpty()
                ? "with no delay"
                : delay.isPresent() ? "at a constant " + delay.getAsLong() + " ms delay" : "at a constant delay";
        context.report(
                Loops.anchor(loop),
                "This loop retries up to " + attempts.getAsLong() + " times " + pace
                        + "; back off exponentially, with jitter and a cap, between attempts.",
                RetryDelays.of(retry.get()),
                Optional.empty());
    }

    private void visitRetryable(AnnotationExpr annotation, SourceContext context) {
        if (!context.names().mayBe(annotation.getNameAsString(), RETRYABLE)) {
            return;
        }
        long attempts = Annotations.member(annotation, "maxAttempts")
                .flatMap(v -> box(context.constants().integer(v)))
                .orElse(SPRING_DEFAULT_ATTEMPTS);
        if (attempts <= maxFixedAttempts) {
            return;
        }
        Optional<Expression> backoff = Annotations.member(annotation, "backoff");
        boolean multiplies = backoff.filter(AnnotationExpr.class::isInstance)
                .flatMap(b -> Annotations.member((AnnotationExpr) b, "multiplier"))
                .map(m -> context.constants()
                        .value(m)
                        .map(v -> ((Number) v).doubleValue() > 1.0)
                        .orElse(true))
                .orElse(false);
        if (!multiplies) {
            context.report(
                    annotation,
                    "@Retryable retries up to " + attempts + " times at a fixed delay; add @Backoff(multiplier = 2,"
                            + " maxDelay = ...) so attempts spread out.");
        }
    }

    private static Optional<Long> box(OptionalLong value) {
        return value.isPresent() ? Optional.of(value.getAsLong()) : Optional.empty();
    }
}
