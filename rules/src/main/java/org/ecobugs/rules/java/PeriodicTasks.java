package org.ecobugs.rules.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Recognises code that registers work to run periodically, and the period when it is known at compile time: Spring
 * {@code @Scheduled} (fixed rate or delay, ISO-8601 or millisecond strings whose placeholders the project's
 * configuration or their defaults resolve, six-field cron), {@code
 * ScheduledExecutorService.scheduleAtFixedRate/scheduleWithFixedDelay}, {@code java.util.Timer}, Android {@code
 * Handler.postDelayed} re-posted from {@code run()}, Quartz simple schedules, RxJava and Reactor intervals. A period
 * may come from another class's constant or from configuration: the task says which ({@link
 * PeriodicTask#decidedBy}).
 */
public final class PeriodicTasks {

    private static final String SCHEDULED = "org.springframework.scheduling.annotation.Scheduled";

    /**
     * The words of which a periodic registration holds at least one: the annotation's or the scheduling method's name.
     */
    public static final Set<String> WORDS = Set.of(
            "Scheduled",
            "scheduleAtFixedRate",
            "scheduleWithFixedDelay",
            "schedule",
            "postDelayed",
            "interval",
            "withIntervalInMilliseconds",
            "withIntervalInSeconds",
            "withIntervalInMinutes",
            "withIntervalInHours");

    private PeriodicTasks() {}

    /**
     * A periodic registration.
     *
     * @param registration where the schedule is declared (the annotation or the call), for reporting
     * @param periodMillis the period, when it is known
     * @param work the code that runs each period when it can be seen: a lambda, a method, an anonymous class
     * @param kind how it is scheduled, for messages ({@code @Scheduled}, {@code scheduleAtFixedRate}, …)
     * @param decidedBy what outside the registration's file decided the period: another class's constant, a
     *     configuration setting, a placeholder's default
     */
    public record PeriodicTask(
            Node registration, OptionalLong periodMillis, List<Node> work, String kind, List<ValueOrigin> decidedBy) {

        public PeriodicTask {
            decidedBy = List.copyOf(decidedBy);
        }

        PeriodicTask(Node registration, OptionalLong periodMillis, List<Node> work, String kind) {
            this(registration, periodMillis, work, kind, List.of());
        }

        /** The task, with what decided its period when it is known. */
        PeriodicTask decidedBy(Expression period, FileFacts context) {
            return periodMillis.isEmpty()
                    ? this
                    : new PeriodicTask(
                            registration,
                            periodMillis,
                            work,
                            kind,
                            context.constants().origins(period));
        }
    }

    /** The periodic task declared by this node (an annotation or a call), if it declares one. */
    public static Optional<PeriodicTask> of(Node node, FileFacts context) {
        if (node instanceof AnnotationExpr annotation) {
            return scheduledAnnotation(annotation, context);
        }
        if (node instanceof MethodCallExpr call) {
            return scheduleCall(call, context).map(task -> task.decidedBy(periodArgument(call), context));
        }
        return Optional.empty();
    }

    private static Optional<PeriodicTask> scheduledAnnotation(AnnotationExpr annotation, FileFacts context) {
        if (!context.names().mayBe(annotation.getNameAsString(), SCHEDULED)) {
            return Optional.empty();
        }
        Optional<MethodDeclaration> method = annotation
                .getParentNode()
                .filter(MethodDeclaration.class::isInstance)
                .map(MethodDeclaration.class::cast);
        List<Node> work = method.<List<Node>>map(List::of).orElse(List.of());
        TimeUnit unit = Annotations.member(annotation, "timeUnit")
                .flatMap(context.constants()::timeUnit)
                .orElse(TimeUnit.MILLISECONDS);
        for (String key : List.of("fixedRate", "fixedDelay")) {
            Optional<Expression> value = Annotations.member(annotation, key);
            if (value.isPresent()) {
                OptionalLong amount = context.constants().integer(value.get());
                return Optional.of(new PeriodicTask(
                                annotation,
                                amount.isPresent()
                                        ? OptionalLong.of(unit.toMillis(amount.getAsLong()))
                                        : OptionalLong.empty(),
                                work,
                                "@Scheduled(" + key + ")")
                        .decidedBy(value.get(), context));
            }
            Optional<Expression> text = Annotations.member(annotation, key + "String");
            if (text.isPresent()) {
                return Optional.of(configured(
                        annotation, text.get(), s -> periodFromText(s, unit), work, key + "String", context));
            }
        }
        Optional<Expression> cron = Annotations.member(annotation, "cron");
        if (cron.isPresent()) {
            return Optional.of(
                    configured(annotation, cron.get(), PeriodicTasks::cronPeriodMillis, work, "cron", context));
        }
        return Optional.empty();
    }

    /**
     * A {@code @Scheduled} period written as text, its placeholders resolved by the project's configuration or their
     * defaults: {@code "${lab.poll-ms}"} is the value of {@code lab.poll-ms} in {@code application.properties}.
     */
    private static PeriodicTask configured(
            AnnotationExpr annotation,
            Expression text,
            java.util.function.Function<String, OptionalLong> period,
            List<Node> work,
            String member,
            FileFacts context) {
        ConstantFolder constants = context.constants();
        Optional<String> written = constants.string(text);
        OptionalLong millis =
                written.flatMap(constants::resolvePlaceholders).map(period).orElse(OptionalLong.empty());
        if (millis.isEmpty()) {
            return new PeriodicTask(annotation, millis, work, "@Scheduled(" + member + ")");
        }
        List<ValueOrigin> decidedBy = new ArrayList<>(constants.origins(text));
        decidedBy.addAll(constants.placeholderOrigins(written.get(), text));
        return new PeriodicTask(annotation, millis, work, "@Scheduled(" + member + ")", decidedBy);
    }

    /** The argument of a scheduling call that gives its period, as {@link #scheduleCall} reads it. */
    private static Expression periodArgument(MethodCallExpr call) {
        int arity = call.getArguments().size();
        return switch (call.getNameAsString()) {
            case "scheduleAtFixedRate", "scheduleWithFixedDelay" -> call.getArgument(arity == 4 ? 2 : arity - 1);
            case "schedule" -> call.getArgument(2);
            case "postDelayed" -> call.getArgument(1);
            default -> call.getArgument(0);
        };
    }

    private static Optional<PeriodicTask> scheduleCall(MethodCallExpr call, FileFacts context) {
        String name = call.getNameAsString();
        int arity = call.getArguments().size();
        ConstantFolder constants = context.constants();
        if ((name.equals("scheduleAtFixedRate") || name.equals("scheduleWithFixedDelay")) && arity == 4) {
            // ScheduledExecutorService: (task, initialDelay, period, unit)
            Optional<TimeUnit> unit = constants.timeUnit(call.getArgument(3));
            OptionalLong period = constants.integer(call.getArgument(2));
            return Optional.of(new PeriodicTask(
                    call,
                    unit.isPresent() && period.isPresent()
                            ? OptionalLong.of(unit.get().toMillis(period.getAsLong()))
                            : OptionalLong.empty(),
                    work(call.getArgument(0)),
                    name));
        }
        if ((name.equals("scheduleAtFixedRate") || name.equals("scheduleWithFixedDelay")) && arity == 3) {
            // Spring TaskScheduler (task, [start,] Duration period) or java.util.Timer (task, delay|date, period).
            Expression periodArgument = call.getArgument(2);
            return Optional.of(
                    new PeriodicTask(call, constants.durationMillis(periodArgument), work(call.getArgument(0)), name));
        }
        if ((name.equals("scheduleAtFixedRate") || name.equals("scheduleWithFixedDelay")) && arity == 2) {
            return Optional.of(new PeriodicTask(
                    call, constants.durationMillis(call.getArgument(1)), work(call.getArgument(0)), name));
        }
        if (name.equals("schedule") && arity == 3 && isTimer(call, context)) {
            return Optional.of(new PeriodicTask(
                    call, constants.durationMillis(call.getArgument(2)), work(call.getArgument(0)), "Timer.schedule"));
        }
        if (name.equals("postDelayed") && arity == 2 && repostsItself(call)) {
            return Optional.of(new PeriodicTask(
                    call, constants.durationMillis(call.getArgument(1)), enclosingRun(call), "Handler.postDelayed"));
        }
        if (name.equals("interval") && (arity == 1 || arity == 2) && isIntervalSource(call)) {
            OptionalLong period = arity == 1
                    ? constants.durationMillis(call.getArgument(0))
                    : constants
                            .timeUnit(call.getArgument(1))
                            .flatMap(u ->
                                    box(constants.integer(call.getArgument(0))).map(p -> u.toMillis(p)))
                            .map(OptionalLong::of)
                            .orElse(OptionalLong.empty());
            return Optional.of(
                    new PeriodicTask(call, period, List.of(), call.getScope().get() + ".interval"));
        }
        if (name.startsWith("withIntervalIn") && arity == 1) {
            OptionalLong amount = constants.integer(call.getArgument(0));
            Optional<TimeUnit> unit = quartzUnit(name);
            if (unit.isPresent()) {
                return Optional.of(new PeriodicTask(
                        call,
                        amount.isPresent()
                                ? OptionalLong.of(unit.get().toMillis(amount.getAsLong()))
                                : OptionalLong.empty(),
                        List.of(),
                        "Quartz " + name));
            }
        }
        return Optional.empty();
    }

    /** What runs each period: a lambda or method reference body, or an anonymous class's {@code run()}. */
    private static List<Node> work(Expression task) {
        if (task instanceof LambdaExpr lambda) {
            return List.of(lambda.getBody());
        }
        if (task instanceof MethodReferenceExpr reference) {
            String method = reference.getIdentifier();
            List<Node> found = new ArrayList<>();
            reference
                    .findAncestor(ClassOrInterfaceDeclaration.class)
                    .ifPresent(type -> found.addAll(type.getMethodsByName(method)));
            return found;
        }
        if (task instanceof ObjectCreationExpr creation
                && creation.getAnonymousClassBody().isPresent()) {
            List<Node> bodies = new ArrayList<>();
            creation.getAnonymousClassBody().get().stream()
                    .filter(MethodDeclaration.class::isInstance)
                    .map(MethodDeclaration.class::cast)
                    .filter(m -> m.getNameAsString().equals("run"))
                    .forEach(bodies::add);
            return bodies;
        }
        // A variable or a field: what it runs is not visible here.
        return List.of();
    }

    private static boolean isTimer(MethodCallExpr call, FileFacts context) {
        Optional<Expression> scope = call.getScope();
        if (scope.isEmpty()) {
            return false;
        }
        if (scope.get() instanceof NameExpr variable) {
            return Scopes.declarationOf(variable)
                    .flatMap(d -> context.names().resolve(d.type()))
                    .filter(t -> t.equals("java.util.Timer"))
                    .isPresent();
        }
        return scope.get() instanceof ObjectCreationExpr creation
                && creation.getType().getNameAsString().equals("Timer");
    }

    /** {@code handler.postDelayed(this, 1000)} inside {@code run()}: a runnable that re-arms itself. */
    private static boolean repostsItself(MethodCallExpr call) {
        return call.getArgument(0) instanceof ThisExpr && !enclosingRun(call).isEmpty();
    }

    private static List<Node> enclosingRun(MethodCallExpr call) {
        return call.findAncestor(MethodDeclaration.class)
                .filter(m ->
                        m.getNameAsString().equals("run") && m.getParameters().isEmpty())
                .<List<Node>>map(List::of)
                .orElse(List.of());
    }

    private static boolean isIntervalSource(MethodCallExpr call) {
        return call.getScope()
                .map(s -> s.toString())
                .filter(s -> s.equals("Observable") || s.equals("Flowable") || s.equals("Flux"))
                .isPresent();
    }

    private static Optional<TimeUnit> quartzUnit(String name) {
        return switch (name) {
            case "withIntervalInMilliseconds" -> Optional.of(TimeUnit.MILLISECONDS);
            case "withIntervalInSeconds" -> Optional.of(TimeUnit.SECONDS);
            case "withIntervalInMinutes" -> Optional.of(TimeUnit.MINUTES);
            case "withIntervalInHours" -> Optional.of(TimeUnit.HOURS);
            default -> Optional.empty();
        };
    }

    /**
     * A period written as text, its placeholders resolved: milliseconds ({@code "5000"}) or ISO-8601 ({@code
     * "PT30S"}).
     */
    static OptionalLong periodFromText(String text, TimeUnit unit) {
        String value = text.strip();
        if (value.matches("\\d{1,15}")) {
            return OptionalLong.of(unit.toMillis(Long.parseLong(value)));
        }
        try {
            return OptionalLong.of(Duration.parse(value).toMillis());
        } catch (DateTimeParseException notIso) {
            return OptionalLong.empty();
        }
    }

    /**
     * The shortest gap between two runs of a six-field Spring cron expression ({@code sec min hour day month
     * weekday}), when the seconds or minutes field makes it short; empty when it runs hourly or less often, or cannot
     * be read.
     */
    static OptionalLong cronPeriodMillis(String cron) {
        String[] fields = cron.strip().split("\\s+");
        if (fields.length != 6) {
            return OptionalLong.empty();
        }
        OptionalLong seconds = fieldPeriod(fields[0], 60);
        boolean everyMinute = fields[1].equals("*");
        if (seconds.isPresent() && everyMinute) {
            return OptionalLong.of(seconds.getAsLong() * 1000);
        }
        if (fields[0].matches("\\d+")) {
            OptionalLong minutes = fieldPeriod(fields[1], 60);
            if (minutes.isPresent() && fields[2].equals("*")) {
                return OptionalLong.of(minutes.getAsLong() * 60_000);
            }
        }
        return OptionalLong.empty();
    }

    /** The step of a cron field: {@code *} is 1, {@code * /n} and {@code a/n} are n, {@code a,b,…} the smallest gap. */
    private static OptionalLong fieldPeriod(String field, int range) {
        if (field.equals("*")) {
            return OptionalLong.of(1);
        }
        if (field.matches("(\\*|\\d+)/\\d+")) {
            return OptionalLong.of(Long.parseLong(field.substring(field.indexOf('/') + 1)));
        }
        if (field.matches("\\d+(,\\d+)+")) {
            long[] values = java.util.Arrays.stream(field.split(","))
                    .mapToLong(Long::parseLong)
                    .sorted()
                    .toArray();
            long gap = range - values[values.length - 1] + values[0];
            for (int i = 1; i < values.length; i++) {
                gap = Math.min(gap, values[i] - values[i - 1]);
            }
            return OptionalLong.of(gap);
        }
        return OptionalLong.empty();
    }

    private static Optional<Long> box(OptionalLong value) {
        return value.isPresent() ? Optional.of(value.getAsLong()) : Optional.empty();
    }
}
