package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.RuleParameters;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.checks.loops.RepeatingContexts;
import org.ecobugs.rules.checks.loops.RetryLoops;
import org.ecobugs.rules.java.Loggers;
import org.ecobugs.rules.java.OneOffCode;
import org.ecobugs.rules.java.Repetition;
import org.ecobugs.rules.java.Scopes;

/**
 * A log line at a level that production keeps (info, warn) written unconditionally for every element a loop processes.
 * Left out: lines written only on some iterations (under an {@code if} or a {@code switch} case: anomalies, sampled
 * progress), logging in {@code catch} blocks (failures), retry loops (one line per attempt), loops with a fixed small
 * number of iterations, and loggers whose name matches a pattern (audit trails that regulation requires per access).
 */
@RuleKey("EB311")
public final class LoggingInLoopRule extends RepeatedCalls {

    static final String PARAM_LEVELS = "levels";
    static final String PARAM_IGNORED_LOGGERS = "ignoredLoggers";

    private final Set<String> levels;
    private final Set<String> words;
    private final Pattern ignoredLoggers;

    public LoggingInLoopRule(RuleParameters parameters) {
        this.levels = Arrays.stream(parameters.string(PARAM_LEVELS).split(","))
                .map(level -> level.strip().toLowerCase(Locale.ROOT))
                .filter(level -> !level.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.words = Loggers.words(levels);
        this.ignoredLoggers = Pattern.compile(parameters.string(PARAM_IGNORED_LOGGERS));
    }

    static String message(String level) {
        return "This loop writes " + article(level) + " " + level
                + " log line for every element it processes; log a summary after the loop"
                + " and keep the per-element detail at debug level.";
    }

    private static String article(String level) {
        return "aeiou".indexOf(level.charAt(0)) >= 0 ? "an" : "a";
    }

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(words);
    }

    /** A log call has a logger and a message. */
    @Override
    boolean looksAt(MethodCallExpr call) {
        return call.getScope().isPresent() && !call.getArguments().isEmpty();
    }

    @Override
    void visit(MethodCallExpr call, Node repeating, SourceContext context) {
        Optional<Loggers.LogCall> log = Loggers.of(call, context.names(), levels);
        if (log.isEmpty()
                || !levels.contains(log.get().level())
                || call.findAncestor(CatchClause.class).isPresent()
                || isIgnoredLogger(call)) {
            return;
        }
        if (!Repetition.runsAtEveryPass(call, repeating) || OneOffCode.runsOnce(call)) {
            return;
        }
        if (repeating instanceof Statement loop
                && (runsFewTimes(loop, context)
                        || RetryLoops.match(loop, context).isPresent())) {
            return;
        }
        context.report(
                call,
                message(log.get().method()),
                RepeatingContexts.secondary(repeating, "writes it for every element"));
    }

    /** The logger's variable name, or the name it was created with, matches the ignored pattern. */
    private boolean isIgnoredLogger(MethodCallExpr call) {
        Expression receiver = call.getScope().orElseThrow();
        if (ignoredLoggers.matcher(receiver.toString()).matches()) {
            return true;
        }
        if (!(receiver instanceof NameExpr name)) {
            return false;
        }
        return Scopes.declarationOf(name)
                .flatMap(Scopes.Declaration::initializer)
                .map(init -> init.findAll(com.github.javaparser.ast.expr.StringLiteralExpr.class).stream()
                        .anyMatch(s -> ignoredLoggers.matcher(s.asString()).matches()))
                .orElse(false);
    }
}
