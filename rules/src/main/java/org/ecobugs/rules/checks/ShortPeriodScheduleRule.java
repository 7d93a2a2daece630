package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.RuleParameters;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceRule;
import org.ecobugs.rules.java.PeriodicTasks;

/**
 * A periodic task scheduled more often than the threshold: Spring {@code @Scheduled}, scheduled executors,
 * {@code java.util.Timer}, Android handlers re-posting themselves, Quartz, RxJava and Reactor intervals. Tasks that
 * poll a remote system or a directory are reported by the more specific EB104, EB105 and EB106; heartbeats and
 * watchdogs, whose period a protocol sets, are left alone.
 */
@RuleKey("EB103")
public final class ShortPeriodScheduleRule implements SourceRule {

    static final String PARAM_MIN_PERIOD = "minPeriodMs";

    /** Names of tasks whose period a protocol or a safety requirement dictates. */
    private static final Pattern MANDATED_PERIOD =
            Pattern.compile("heartbeat|keep_?alive|watchdog|liveness", Pattern.CASE_INSENSITIVE);

    private final long minPeriodMs;

    public ShortPeriodScheduleRule(RuleParameters parameters) {
        this.minPeriodMs = parameters.integer(PARAM_MIN_PERIOD);
    }

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(PeriodicTasks.WORDS);
    }

    @Override
    public Set<Class<? extends Node>> nodesToVisit() {
        return Set.of(AnnotationExpr.class, MethodCallExpr.class);
    }

    @Override
    public void visitNode(Node node, SourceContext context) {
        Optional<PeriodicTasks.PeriodicTask> task = PeriodicTasks.of(node, context);
        if (task.isEmpty() || task.get().periodMillis().isEmpty()) {
            return;
        }
        long period = task.get().periodMillis().getAsLong();
        if (period <= 0 || period >= minPeriodMs || hasMandatedPeriod(task.get())) {
            return;
        }
        if (PollingWork.firstRead(task.get().work(), context, PollingWork.ALL_KINDS)
                .isPresent()) {
            return;
        }
        context.report(
                task.get().registration(),
                "This task runs every " + PollingContexts.period(period) + ", which keeps the processor from idling;"
                        + " run it every " + PollingContexts.period(minPeriodMs)
                        + " or less often, or trigger it from the event it waits for.");
    }

    private static boolean hasMandatedPeriod(PeriodicTasks.PeriodicTask task) {
        Node registration = task.registration();
        StringBuilder names = new StringBuilder();
        registration.findAncestor(MethodDeclaration.class).ifPresent(m -> names.append(m.getNameAsString()));
        registration
                .findAncestor(VariableDeclarator.class)
                .ifPresent(v -> names.append(' ').append(v.getNameAsString()));
        task.work().forEach(w -> {
            if (w instanceof MethodDeclaration method) {
                names.append(' ').append(method.getNameAsString());
            }
        });
        if (registration instanceof MethodCallExpr call && !call.getArguments().isEmpty()) {
            names.append(' ').append(call.getArgument(0).toString());
        }
        return MANDATED_PERIOD
                .matcher(names.toString().toLowerCase(Locale.ROOT))
                .find();
    }
}
