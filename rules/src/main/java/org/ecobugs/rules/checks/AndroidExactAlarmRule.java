package org.ecobugs.rules.checks;

import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.RuleParameters;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceDetector;
import org.ecobugs.rules.api.SourceVisits;
import org.ecobugs.rules.java.AndroidTypes;
import org.ecobugs.rules.java.Scopes;

/**
 * Android alarms that wake the device at exact times or often: {@code setExact} and {@code setExactAndAllowWhileIdle}
 * (unless the alarm type is a non-wake-up one), {@code setWindow} with a window shorter than {@code minWindowMs}, and
 * {@code setRepeating}/{@code setInexactRepeating} with a {@code _WAKEUP} type and an interval shorter than {@code
 * minRepeatIntervalMs}. {@code setAlarmClock} is the API for alarms the user sees (a medication reminder) and is not
 * reported. Windows and intervals that cannot be computed are not reported.
 */
@RuleKey("EB107")
public final class AndroidExactAlarmRule implements EnergyRule, SourceDetector {

    private static final Pattern ALARM_NAME = Pattern.compile("(?i)alarm");

    /** {@code AlarmManager.INTERVAL_*}, which the file cannot fold without the SDK. */
    private static final Map<String, Long> INTERVALS = Map.of(
            "INTERVAL_FIFTEEN_MINUTES", 900_000L,
            "INTERVAL_HALF_HOUR", 1_800_000L,
            "INTERVAL_HOUR", 3_600_000L,
            "INTERVAL_HALF_DAY", 43_200_000L,
            "INTERVAL_DAY", 86_400_000L);

    private static final Set<String> EXACT = Set.of("setExact", "setExactAndAllowWhileIdle");
    private static final Set<String> REPEATING = Set.of("setRepeating", "setInexactRepeating");
    private static final int MAX_DEPTH = 4;
    private static final Set<String> ALARM_METHODS =
            Set.of("setExact", "setExactAndAllowWhileIdle", "setWindow", "setRepeating", "setInexactRepeating");

    private final long minRepeatIntervalMs;
    private final long minWindowMs;

    public AndroidExactAlarmRule(RuleParameters parameters) {
        this.minRepeatIntervalMs = parameters.integer("minRepeatIntervalMs");
        this.minWindowMs = parameters.integer("minWindowMs");
    }

    private enum AlarmType {
        WAKEUP,
        NOT_WAKEUP,
        UNKNOWN
    }

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(ALARM_METHODS);
    }

    @Override
    public void subscribe(SourceVisits visits) {
        visits.enter(MethodCallExpr.class, this::visit);
    }

    private void visit(MethodCallExpr call, SourceContext context) {
        String name = call.getNameAsString();
        List<Expression> args = call.getArguments();
        boolean candidate = (EXACT.contains(name) && (args.size() == 3 || args.size() == 5))
                || (name.equals("setWindow") && (args.size() == 4 || args.size() == 6))
                || (REPEATING.contains(name) && args.size() == 4);
        if (!candidate
                || !call.getScope()
                        .map(s -> AndroidTypes.mayBe(s, AndroidTypes.ALARM_MANAGER, ALARM_NAME, context.names()))
                        .orElse(false)) {
            return;
        }
        AlarmType type = alarmType(args.get(0), context, 0);
        if (EXACT.contains(name)) {
            if (type != AlarmType.NOT_WAKEUP) {
                context.report(call, exactMessage(name));
            }
        } else if (name.equals("setWindow")) {
            OptionalLong window = millis(args.get(2), context);
            if (type != AlarmType.NOT_WAKEUP && window.isPresent() && window.getAsLong() < minWindowMs) {
                context.report(call, windowMessage(window.getAsLong()));
            }
        } else {
            OptionalLong interval = millis(args.get(2), context);
            if (type == AlarmType.WAKEUP && interval.isPresent() && interval.getAsLong() < minRepeatIntervalMs) {
                context.report(call, repeatingMessage(interval.getAsLong()));
            }
        }
    }

    static String exactMessage(String method) {
        return method + "() wakes the device at an exact time and keeps Android from batching alarms; use an inexact"
                + " alarm or WorkManager, and keep exact times for alarms the user sees (setAlarmClock).";
    }

    String windowMessage(long windowMs) {
        return "setWindow() with a " + duration(windowMs) + " window is nearly exact and keeps Android from batching"
                + " this alarm; widen the window to " + duration(minWindowMs) + " or more, or use WorkManager.";
    }

    String repeatingMessage(long intervalMs) {
        return "This repeating alarm wakes the device every " + duration(intervalMs) + "; repeat every "
                + duration(minRepeatIntervalMs) + " or more, drop _WAKEUP if the work can wait, or use WorkManager.";
    }

    static String duration(long ms) {
        if (ms > 0 && ms % 3_600_000 == 0) {
            return ms / 3_600_000 + " h";
        }
        if (ms > 0 && ms % 60_000 == 0) {
            return ms / 60_000 + " min";
        }
        if (ms > 0 && ms % 1_000 == 0) {
            return ms / 1_000 + " s";
        }
        return ms + " ms";
    }

    private static AlarmType alarmType(Expression expression, SourceContext context, int depth) {
        Expression e = expression;
        while (e instanceof EnclosedExpr enclosed) {
            e = enclosed.getInner();
        }
        Optional<String> constant = Optional.empty();
        if (e instanceof FieldAccessExpr access
                && context.names().isTypeName(access.getScope(), AndroidTypes.ALARM_MANAGER)) {
            constant = Optional.of(access.getNameAsString());
        } else if (e instanceof NameExpr name) {
            if (context.names()
                    .staticImportOwner(name.getNameAsString())
                    .filter(AndroidTypes.ALARM_MANAGER::equals)
                    .isPresent()) {
                constant = Optional.of(name.getNameAsString());
            } else if (depth < MAX_DEPTH) {
                Optional<Expression> initializer = Scopes.declarationOf(name).flatMap(Scopes.Declaration::initializer);
                if (initializer.isPresent()) {
                    return alarmType(initializer.get(), context, depth + 1);
                }
            }
        }
        if (constant.isPresent()) {
            String value = constant.get();
            if (value.endsWith("_WAKEUP")) {
                return AlarmType.WAKEUP;
            }
            return value.equals("RTC") || value.equals("ELAPSED_REALTIME") ? AlarmType.NOT_WAKEUP : AlarmType.UNKNOWN;
        }
        OptionalLong literal = context.constants().integer(e);
        if (literal.isPresent()) {
            // RTC_WAKEUP = 0, RTC = 1, ELAPSED_REALTIME_WAKEUP = 2, ELAPSED_REALTIME = 3
            long value = literal.getAsLong();
            if (value == 0 || value == 2) {
                return AlarmType.WAKEUP;
            }
            return value == 1 || value == 3 ? AlarmType.NOT_WAKEUP : AlarmType.UNKNOWN;
        }
        return AlarmType.UNKNOWN;
    }

    private static OptionalLong millis(Expression expression, SourceContext context) {
        Expression e = expression;
        while (e instanceof EnclosedExpr enclosed) {
            e = enclosed.getInner();
        }
        if (e instanceof FieldAccessExpr access
                && INTERVALS.containsKey(access.getNameAsString())
                && context.names().isTypeName(access.getScope(), AndroidTypes.ALARM_MANAGER)) {
            return OptionalLong.of(INTERVALS.get(access.getNameAsString()));
        }
        if (e instanceof NameExpr name
                && INTERVALS.containsKey(name.getNameAsString())
                && context.names()
                        .staticImportOwner(name.getNameAsString())
                        .filter(AndroidTypes.ALARM_MANAGER::equals)
                        .isPresent()) {
            return OptionalLong.of(INTERVALS.get(name.getNameAsString()));
        }
        return context.constants().durationMillis(e);
    }
}
