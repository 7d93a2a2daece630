package org.ecobugs.rules.checks;

import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.RuleParameters;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceDetector;
import org.ecobugs.rules.api.SourceVisits;
import org.ecobugs.rules.checks.code.ValueSources;
import org.ecobugs.rules.checks.polling.PollingWork;
import org.ecobugs.rules.java.JavaNames;
import org.ecobugs.rules.java.Loops;
import org.ecobugs.rules.java.StateProbes;
import org.ecobugs.rules.java.ValueOrigin;
import org.ecobugs.rules.java.Waits;
import org.ecobugs.rules.project.Effect;

/**
 * A loop that sleeps and re-checks local state: it wakes the CPU at every tick until another thread changes the
 * state. The loop body must be nothing but the check, the sleep (with its {@code InterruptedException} handling) and
 * logging, so loops that do real work every tick are left alone; so are loops that block on an event, and loops whose
 * check is a remote call (those are other rules' business).
 */
@RuleKey("EB102")
public final class SleepPollLoopRule implements EnergyRule, SourceDetector {

    static final String PARAM_MAX_INTERVAL = "maxPollIntervalMs";

    private final long maxPollIntervalMs;

    public SleepPollLoopRule(RuleParameters parameters) {
        this.maxPollIntervalMs = parameters.integer(PARAM_MAX_INTERVAL);
    }

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(Set.of("sleep"));
    }

    @Override
    public void subscribe(SourceVisits visits) {
        visits.enter(WhileStmt.class, this::visit);
        visits.enter(DoStmt.class, this::visit);
        visits.enter(ForStmt.class, this::visit);
    }

    private void visit(Statement loop, SourceContext context) {
        if (loop instanceof ForStmt forLoop && !forLoop.getUpdate().isEmpty()) {
            return;
        }
        List<Expression> checks = new ArrayList<>();
        if (!Loops.runsForever(loop, context.constants())) {
            Loops.condition(loop).ifPresent(checks::add);
        }
        List<Waits.Sleep> sleeps = new ArrayList<>();
        for (Statement statement : Loops.statements(Loops.body(loop))) {
            if (!isPollingStep(statement, context, checks, sleeps)) {
                return;
            }
        }
        if (checks.isEmpty() || sleeps.size() != 1 || sleeps.get(0).millis().isEmpty()) {
            return;
        }
        if (checks.stream().anyMatch(check -> Waits.containsBlockingCall(check, context))) {
            return;
        }
        long interval = sleeps.get(0).millis().getAsLong();
        if (interval <= 0 || interval >= maxPollIntervalMs) {
            return;
        }
        List<ValueOrigin> decidedBy =
                context.constants().origins(sleeps.get(0).call().getArgument(0));
        if (!StateProbes.areProbes(checks)) {
            reportUnseenCheck(loop, checks, sleeps.get(0), interval, decidedBy, context);
            return;
        }
        List<SourceContext.Secondary> places = new ArrayList<>();
        places.add(
                new SourceContext.Secondary(sleeps.get(0).call(), "the sleep of " + interval + " ms between checks"));
        places.addAll(ValueSources.secondaries(decidedBy, "the sleep"));
        context.report(
                Loops.anchor(loop),
                "This loop wakes every " + interval + " ms" + ValueSources.note(decidedBy) + " to re-check a condition;"
                        + " wait for the event instead (a queue's take() or poll(timeout), a future, a latch or a"
                        + " condition).",
                places,
                Optional.empty());
    }

    @Override
    public boolean readsProjectFacts() {
        return true;
    }

    /**
     * A loop that re-checks by calling code that is no probe of local state and no remote call ecobugs knows
     * ({@code while (!jobs.isDone(id))}, {@code status = lab.status(order)}): reported once the project is read, unless
     * that code reaches a remote call through the project's classes (the polling rules EB104 to EB106 report those).
     * Code this analysis cannot see, a library's or another module's, is reported here: the loop polls it all the same.
     */
    private static void reportUnseenCheck(
            Statement loop,
            List<Expression> checks,
            Waits.Sleep sleep,
            long interval,
            List<ValueOrigin> decidedBy,
            SourceContext context) {
        for (Expression check : checks) {
            for (MethodCallExpr call : check.findAll(MethodCallExpr.class)) {
                if (StateProbes.isProbeMethod(
                        call.getNameAsString(), call.getArguments().size())) {
                    continue;
                }
                if (PollingWork.classify(call, context).isPresent()) {
                    return; // a known read: the polling rules' concern
                }
                String callee = call.getScope()
                                .filter(NameExpr.class::isInstance)
                                .map(scope -> scope + ".")
                                .orElse("")
                        + call.getNameAsString() + "()";
                List<SourceContext.Secondary> places = new ArrayList<>();
                places.add(
                        new SourceContext.Secondary(call.getName(), "the call it repeats every " + interval + " ms"));
                places.add(
                        new SourceContext.Secondary(sleep.call(), "the sleep of " + interval + " ms between checks"));
                places.addAll(ValueSources.secondaries(decidedBy, "the sleep"));
                context.reportUnlessReaches(
                        Loops.anchor(loop),
                        call,
                        REMOTE_EFFECTS,
                        "This loop calls " + callee + " every " + interval + " ms" + ValueSources.note(decidedBy)
                                + " to re-check a condition; if it asks another system, have that system push the"
                                + " answer (a callback, a message queue or a webhook), else wait for the event (a"
                                + " queue's take() or poll(timeout), a future, a latch or a condition).",
                        places);
                return;
            }
        }
    }

    /** What the polling rules report when a loop reaches it through the project's classes. */
    private static final java.util.Set<Effect.Kind> REMOTE_EFFECTS =
            java.util.EnumSet.of(Effect.Kind.DIRECTORY_SCAN, Effect.Kind.REMOTE.toArray(Effect.Kind[]::new));

    /**
     * Whether the statement is part of a polling loop: a sleep (possibly in a try that handles the interrupt), the
     * check ({@code if (probe) break;}, {@code r = probe;}), or logging. Collects checks and sleeps on the way.
     */
    private static boolean isPollingStep(
            Statement statement, SourceContext context, List<Expression> checks, List<Waits.Sleep> sleeps) {
        if (statement instanceof EmptyStmt) {
            return true;
        }
        if (statement instanceof TryStmt tryStmt) {
            if (tryStmt.getFinallyBlock().isPresent() || !tryStmt.getResources().isEmpty()) {
                return false;
            }
            for (Statement inner : tryStmt.getTryBlock().getStatements()) {
                if (!isPollingStep(inner, context, checks, sleeps)) {
                    return false;
                }
            }
            return tryStmt.getCatchClauses().stream().allMatch(SleepPollLoopRule::handlesInterrupt);
        }
        if (statement instanceof IfStmt ifStmt && ifStmt.getElseStmt().isEmpty() && exits(ifStmt.getThenStmt())) {
            checks.add(ifStmt.getCondition());
            return true;
        }
        if (!(statement instanceof ExpressionStmt expressionStmt)) {
            return false;
        }
        Expression expression = expressionStmt.getExpression();
        if (expression instanceof MethodCallExpr call) {
            Optional<Waits.Sleep> sleep = Waits.sleep(call, context);
            if (sleep.isPresent()) {
                sleeps.add(sleep.get());
                return true;
            }
            return isLogging(call);
        }
        if (expression instanceof AssignExpr assign
                && assign.getOperator() == AssignExpr.Operator.ASSIGN
                && assign.getValue() instanceof MethodCallExpr) {
            checks.add(assign.getValue());
            return true;
        }
        if (expression instanceof VariableDeclarationExpr declaration
                && declaration.getVariables().size() == 1) {
            Optional<Expression> init = declaration.getVariable(0).getInitializer();
            if (init.isPresent() && init.get() instanceof MethodCallExpr) {
                checks.add(init.get());
                return true;
            }
        }
        return false;
    }

    private static boolean exits(Statement then) {
        List<Statement> statements = Loops.statements(then);
        if (statements.isEmpty()) {
            return false;
        }
        Statement last = statements.get(statements.size() - 1);
        return (last instanceof BreakStmt b && b.getLabel().isEmpty()) || last instanceof ReturnStmt;
    }

    private static boolean handlesInterrupt(CatchClause clause) {
        return clause.getParameter().getType().asString().endsWith("InterruptedException");
    }

    private static boolean isLogging(MethodCallExpr call) {
        return call.getScope()
                .map(scope -> JavaNames.simpleName(scope.toString()).toLowerCase(java.util.Locale.ROOT))
                .filter(name ->
                        name.equals("log") || name.equals("logger") || name.endsWith("log") || name.endsWith("logger"))
                .isPresent();
    }
}
