package org.ecobugs.rules.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What the polling and loop rules need to know about waiting: which calls sleep (and for how long), and which calls
 * block until an event arrives. A loop that blocks on an event is event-driven, not polling.
 */
public final class Waits {

    private static final String THREAD = "java.lang.Thread";
    private static final String SYSTEM_CLOCK = "android.os.SystemClock";
    private static final String TIME_UNIT = "java.util.concurrent.TimeUnit";

    /** Calls that block until something happens, whatever their arguments. */
    private static final Set<String> ALWAYS_BLOCKING = Set.of(
            "accept",
            "take",
            "takeFirst",
            "takeLast",
            "join",
            "await",
            "awaitTermination",
            "awaitUninterruptibly",
            "awaitNanos",
            "awaitUntil",
            "awaitAdvance",
            "awaitAdvanceInterruptibly",
            "wait",
            "waitFor",
            "park",
            "parkUntil",
            "acquire",
            "acquireUninterruptibly",
            "lock",
            "lockInterruptibly",
            "read",
            "readLine",
            "readNBytes",
            "readAllBytes",
            "readFully",
            "readObject",
            "receive",
            "exchange",
            "invokeAll",
            "invokeAny",
            "block",
            "blockFirst",
            "blockLast",
            "transfer");

    /** Calls that block only in their timed form ({@code poll(5, SECONDS)}, {@code tryLock(1, SECONDS)}). */
    private static final Set<String> BLOCKING_WITH_TIMEOUT = Set.of("poll", "tryLock", "tryAcquire", "offer", "get");

    private Waits() {}

    /** A call that sleeps, and how long when that is known at compile time. */
    public record Sleep(MethodCallExpr call, OptionalLong millis) {}

    /** The sleep this call makes, if it is one: {@code Thread.sleep}, {@code TimeUnit.X.sleep}, {@code SystemClock.sleep}. */
    public static Optional<Sleep> sleep(MethodCallExpr call, FileFacts context) {
        if (!call.getNameAsString().equals("sleep") || call.getArguments().isEmpty()) {
            return Optional.empty();
        }
        JavaNames names = context.names();
        ConstantFolder constants = context.constants();
        Optional<Expression> scope = call.getScope();
        if (scope.isEmpty()) {
            boolean imported = names.staticImportOwner("sleep")
                    .filter(owner -> owner.equals(THREAD) || owner.equals(SYSTEM_CLOCK))
                    .isPresent();
            if (!imported && !inThreadSubclass(call)) {
                return Optional.empty();
            }
            return Optional.of(new Sleep(call, constants.durationMillis(call.getArgument(0))));
        }
        Expression target = scope.get();
        if (names.isTypeName(target, THREAD) || names.isTypeName(target, SYSTEM_CLOCK)) {
            return Optional.of(new Sleep(call, constants.durationMillis(call.getArgument(0))));
        }
        Optional<TimeUnit> unit = constants.timeUnit(target);
        if (unit.isPresent()) {
            OptionalLong amount = constants.integer(call.getArgument(0));
            return Optional.of(new Sleep(
                    call,
                    amount.isPresent()
                            ? OptionalLong.of(unit.get().toMillis(amount.getAsLong()))
                            : OptionalLong.empty()));
        }
        if (target instanceof NameExpr variable && declaredTypeIs(variable, context, TIME_UNIT)) {
            return Optional.of(new Sleep(call, OptionalLong.empty()));
        }
        return Optional.empty();
    }

    /** Whether the call blocks its thread until an event, a message, a connection or a timeout arrives. */
    public static boolean isBlocking(MethodCallExpr call, FileFacts context) {
        String name = call.getNameAsString();
        int arity = call.getArguments().size();
        if (name.equals("join")
                && call.getScope().filter(s -> s.toString().equals("String")).isPresent()) {
            return false;
        }
        if (ALWAYS_BLOCKING.contains(name)) {
            return true;
        }
        if (name.equals("select")) {
            return arity == 0
                    || context.constants().integer(call.getArgument(0)).orElse(1) != 0;
        }
        if (name.equals("parkNanos")) {
            long nanos =
                    context.constants().integer(call.getArgument(arity - 1)).orElse(Long.MAX_VALUE);
            return nanos >= 1_000_000L;
        }
        if (BLOCKING_WITH_TIMEOUT.contains(name)) {
            if (arity >= 2
                    && context.constants().timeUnit(call.getArgument(arity - 1)).isPresent()) {
                return true;
            }
            if (arity >= 2 && isTimeUnitVariable(call.getArgument(arity - 1), context)) {
                return true;
            }
            if (name.equals("poll") && arity == 1) {
                // Queues have no one-argument poll; Kafka's consumer and others long-poll with a timeout.
                return true;
            }
            return name.equals("get") && arity == 0 && receiverIsFuture(call, context);
        }
        return false;
    }

    /** Blocking calls that transfer data rather than wait for an event: a polling loop may well make them. */
    private static final Set<String> DATA_TRANSFERS = Set.of(
            "read",
            "readLine",
            "readNBytes",
            "readAllBytes",
            "readFully",
            "readObject",
            "exchange",
            "invokeAll",
            "invokeAny",
            "block",
            "blockFirst",
            "blockLast");

    /**
     * Whether the call waits for an event (a message, a connection, a signal, a result) rather than transferring data:
     * a loop that makes such a call is driven by events, not by a timer.
     */
    public static boolean isEventWait(MethodCallExpr call, FileFacts context) {
        return isBlocking(call, context) && !DATA_TRANSFERS.contains(call.getNameAsString());
    }

    /** Whether any call inside {@code region} blocks. */
    public static boolean containsBlockingCall(Node region, FileFacts context) {
        for (MethodCallExpr call : region.findAll(MethodCallExpr.class)) {
            if (isBlocking(call, context)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTimeUnitVariable(Expression argument, FileFacts context) {
        return argument instanceof NameExpr name && declaredTypeIs(name, context, TIME_UNIT);
    }

    private static boolean receiverIsFuture(MethodCallExpr call, FileFacts context) {
        return call.getScope()
                .filter(NameExpr.class::isInstance)
                .map(NameExpr.class::cast)
                .flatMap(Scopes::declarationOf)
                .map(d -> d.type().asString())
                .map(type -> JavaNames.simpleName(type.replaceAll("<.*", "")))
                .filter(type -> type.endsWith("Future") || type.endsWith("FutureTask"))
                .isPresent();
    }

    private static boolean declaredTypeIs(NameExpr variable, FileFacts context, String qualifiedName) {
        return Scopes.declarationOf(variable)
                .flatMap(d -> context.names().resolve(d.type()))
                .filter(qualifiedName::equals)
                .isPresent();
    }

    private static boolean inThreadSubclass(Node node) {
        return node.findAncestor(ClassOrInterfaceDeclaration.class)
                .map(type -> type.getExtendedTypes().stream()
                        .anyMatch(t -> t.getNameAsString().equals("Thread")))
                .orElse(false);
    }
}
