package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.RuleParameters;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceDetector;
import org.ecobugs.rules.api.SourceVisits;
import org.ecobugs.rules.checks.code.SameFileMethods;
import org.ecobugs.rules.checks.code.ValueSources;
import org.ecobugs.rules.checks.polling.PollingContexts;
import org.ecobugs.rules.checks.polling.PollingWork;
import org.ecobugs.rules.java.PeriodicTasks;

/**
 * A periodic task scheduled more often than the threshold: Spring {@code @Scheduled}, scheduled executors,
 * {@code java.util.Timer}, Android handlers re-posting themselves, Quartz, RxJava and Reactor intervals. Tasks that
 * poll a remote system or a directory are reported by the more specific EB104, EB105 and EB106; heartbeats and
 * watchdogs, whose period a protocol sets, are left alone. So are timers tied to what the user sees and does: a repeat
 * while a button is held (started from a touch or key handler), and a display refresh (a countdown label, a playback
 * progress bar) whose work only updates views and which the class stops again. A task that fetches from the network by
 * a call the polling rules cannot see (a method named {@code fetchMessagesFromNetwork}) gets the advice of a poll.
 */
@RuleKey("EB103")
public final class ShortPeriodScheduleRule implements EnergyRule, SourceDetector {

    static final String PARAM_MIN_PERIOD = "minPeriodMs";

    /** Names of tasks whose period a protocol or a safety requirement dictates. */
    private static final Pattern MANDATED_PERIOD =
            Pattern.compile("heartbeat|keep_?alive|watchdog|liveness", Pattern.CASE_INSENSITIVE);

    /** Handlers of a gesture: what they start, the release stops. */
    private static final Set<String> GESTURE_HANDLERS =
            Set.of("onTouch", "onTouchEvent", "onKey", "onKeyDown", "onKeyUp", "onLongClick", "onGenericMotionEvent");

    /** Android view updates: the text, progress, state or drawing of a widget. */
    private static final Pattern VIEW_UPDATES = Pattern.compile("set(Text|Progress|SecondaryProgress|Max|Visibility"
            + "|Enabled|Alpha|Image\\w*|Background\\w*|TextColor|Checked|Selection|Rotation|Translation[XY]|Scale[XY]"
            + "|ContentDescription|Hint|Error|Activated|Pressed)|invalidate|postInvalidate|requestLayout"
            + "|(smooth)?Scroll(To|By)|scroll(To|By)");

    private static final Pattern GETTER = Pattern.compile("(get|is|has)([A-Z]\\w*)?");

    /**
     * Calls a display refresh makes besides view updates: hops to the UI thread, re-arming itself, reading the clock,
     * formatting the text it shows.
     */
    private static final Set<String> DISPLAY_PLUMBING = Set.of(
            "runOnUiThread",
            "post",
            "postDelayed",
            "postOnAnimation",
            "removeCallbacks",
            "currentTimeMillis",
            "nanoTime",
            "uptimeMillis",
            "elapsedRealtime",
            "format",
            "append",
            "toString",
            "valueOf",
            "ceil",
            "floor",
            "round",
            "min",
            "max",
            "abs",
            "equals",
            "length",
            "toMinutes",
            "toSeconds",
            "toMillis");

    /** Calls that stop a periodic task or a re-posting runnable. */
    private static final Set<String> STOPS =
            Set.of("removeCallbacks", "removeCallbacksAndMessages", "cancel", "shutdown", "shutdownNow", "dispose");

    /** How many levels of methods of the file a display refresh is followed through. */
    private static final int MAX_DISPLAY_DEPTH = 3;

    /** Method names that say they fetch over the network, when no client call shows it. */
    private static final Pattern NETWORK_FETCH = Pattern.compile("^(fetch|retrieve|load|get|request|query|refresh)\\w*"
            + "(FromNetwork|FromServer|FromApi|Remote|Online)|^(download|sync|pull)([A-Z]|$)");

    private final long minPeriodMs;

    public ShortPeriodScheduleRule(RuleParameters parameters) {
        this.minPeriodMs = parameters.integer(PARAM_MIN_PERIOD);
    }

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(PeriodicTasks.WORDS);
    }

    @Override
    public void subscribe(SourceVisits visits) {
        visits.enter(AnnotationExpr.class, this::visit);
        visits.enter(MethodCallExpr.class, this::visit);
    }

    private void visit(Node registration, SourceContext context) {
        Optional<PeriodicTasks.PeriodicTask> task = PeriodicTasks.of(registration, context);
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
        if (repeatsWhileHeld(task.get().registration()) || refreshesTheDisplay(task.get())) {
            return;
        }
        String every = PollingContexts.period(period);
        String stated = every + ValueSources.note(task.get().decidedBy());
        String threshold = PollingContexts.period(minPeriodMs);
        List<SourceContext.Secondary> places = new ArrayList<>();
        Optional<MethodCallExpr> fetch = networkFetch(task.get().work());
        fetch.ifPresent(
                call -> places.add(new SourceContext.Secondary(call.getName(), "the fetch it makes every " + every)));
        places.addAll(ValueSources.secondaries(task.get().decidedBy(), "the period"));
        if (fetch.isPresent()) {
            context.report(
                    task.get().registration(),
                    "This task calls " + fetch.get().getNameAsString() + "() every " + stated + ", a network poll"
                            + " that wakes the processor and the radio each time; refresh when the server signals a"
                            + " change (a push message, a WebSocket) instead, or poll every " + threshold
                            + " or less often.",
                    places,
                    Optional.empty());
            return;
        }
        context.report(
                task.get().registration(),
                "This task runs every " + stated + ", which keeps the processor from idling; run it every " + threshold
                        + " or less often, or trigger it from the event it waits for.",
                places,
                Optional.empty());
    }

    /**
     * Whether the schedule is started from a touch or key handler, directly or through a method of the file that the
     * handler calls: an auto-repeat while a button is held, which the release stops.
     */
    private static boolean repeatsWhileHeld(Node registration) {
        Optional<MethodDeclaration> starter = registration.findAncestor(MethodDeclaration.class);
        if (starter.isEmpty()) {
            return false;
        }
        if (GESTURE_HANDLERS.contains(starter.get().getNameAsString())) {
            return true;
        }
        String name = starter.get().getNameAsString();
        return registration.findCompilationUnit().stream()
                .flatMap(file -> file.findAll(MethodCallExpr.class).stream())
                .filter(call -> call.getNameAsString().equals(name)
                        && call.getScope().map(ThisExpr.class::isInstance).orElse(true))
                .anyMatch(call -> call.findAncestor(MethodDeclaration.class)
                        .filter(handler -> GESTURE_HANDLERS.contains(handler.getNameAsString()))
                        .isPresent());
    }

    /**
     * Whether the task only refreshes views (a countdown label, a progress bar), following methods of the file, and
     * the file stops it again ({@code removeCallbacks}, {@code cancel}, {@code shutdown}): a display tied to the screen
     * it is on, not a background task.
     */
    private static boolean refreshesTheDisplay(PeriodicTasks.PeriodicTask task) {
        if (task.work().isEmpty()) {
            return false;
        }
        boolean[] updatesAView = {false};
        for (Node work : task.work()) {
            if (!onlyUpdatesViews(work, 0, new HashSet<>(), updatesAView)) {
                return false;
            }
        }
        return updatesAView[0]
                && task.registration().findCompilationUnit().stream()
                        .flatMap(file -> file.findAll(MethodCallExpr.class).stream())
                        .anyMatch(call -> STOPS.contains(call.getNameAsString()));
    }

    private static boolean onlyUpdatesViews(Node work, int depth, Set<Node> seen, boolean[] updatesAView) {
        if (!seen.add(work)) {
            return true;
        }
        for (MethodCallExpr call : work.findAll(MethodCallExpr.class)) {
            String name = call.getNameAsString();
            if (VIEW_UPDATES.matcher(name).matches()) {
                updatesAView[0] = true;
                continue;
            }
            // A method of the file is read, whatever its name says: getLatestResults() may well fetch them.
            Optional<MethodDeclaration> helper = SameFileMethods.of(call);
            if (helper.isPresent()) {
                if (depth >= MAX_DISPLAY_DEPTH
                        || helper.get().getBody().isEmpty()
                        || !onlyUpdatesViews(helper.get(), depth + 1, seen, updatesAView)) {
                    return false;
                }
            } else if (!GETTER.matcher(name).matches() && !DISPLAY_PLUMBING.contains(name)) {
                return false;
            }
        }
        return true;
    }

    /** The call of the work, or of a method of the file it calls, whose name says it fetches over the network. */
    private static Optional<MethodCallExpr> networkFetch(List<Node> work) {
        for (Node region : work) {
            for (MethodCallExpr call : region.findAll(MethodCallExpr.class)) {
                if (NETWORK_FETCH.matcher(call.getNameAsString()).find()) {
                    return Optional.of(call);
                }
            }
        }
        return Optional.empty();
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
