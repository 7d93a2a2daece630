package org.ecobugs.rules.checks;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceDetector;
import org.ecobugs.rules.api.SourceVisits;
import org.ecobugs.rules.java.AndroidTypes;
import org.ecobugs.rules.java.JavaNames;
import org.ecobugs.rules.java.Receivers;
import org.ecobugs.rules.java.Scopes;

/**
 * Android power resources that are taken and not given back. A wake lock acquired and released in the same method must
 * be released in a {@code finally} block when code that can throw runs in between; a wake lock released nowhere in its
 * class (and not handed to other code) is reported too. Location updates requested without any {@code removeUpdates} /
 * {@code removeLocationUpdates}, and sensor listeners registered without any {@code unregisterListener}, in the same
 * file are reported. Releases in other methods of the class (lifecycle callbacks, completion callbacks) count: the
 * rule does not follow which one runs.
 */
@RuleKey("EB504")
public final class PowerResourceNotReleasedRule implements EnergyRule, SourceDetector {

    static final String WAKE_LOCK_NEVER_RELEASED = "This wake lock is acquired but never released in this class, which"
            + " keeps the device awake; release it in a finally block once the work is done.";
    static final String WAKE_LOCK_NOT_IN_FINALLY = "This wake lock is released only if nothing throws before release(),"
            + " otherwise it keeps the device awake; release it in a finally block.";
    static final String LOCATION_NOT_REMOVED = "Location updates are requested but never removed in this file, which"
            + " keeps the GPS and radios on; remove them (removeUpdates or removeLocationUpdates) when they are no longer"
            + " needed, e.g. in onPause().";
    static final String SENSOR_NOT_UNREGISTERED = "This sensor listener is registered but never unregistered in this"
            + " file, which keeps the sensor powered; call unregisterListener() when the readings are no longer needed,"
            + " e.g. in onPause().";

    private static final Pattern LOCATION_NAME = Pattern.compile("(?i)location");
    private static final Pattern SENSOR_NAME = Pattern.compile("(?i)sensor");
    private static final List<String> LOCATION_CLIENTS = List.of(
            AndroidTypes.LOCATION_MANAGER,
            AndroidTypes.FUSED_LOCATION_CLIENT,
            "com.huawei.hms.location.FusedLocationProviderClient");
    private static final Set<String> LOCATION_REMOVALS = Set.of("removeUpdates", "removeLocationUpdates");

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(Set.of("acquire", "requestLocationUpdates", "registerListener"));
    }

    @Override
    public void subscribe(SourceVisits visits) {
        visits.enter(MethodCallExpr.class, PowerResourceNotReleasedRule::visit);
    }

    private static void visit(MethodCallExpr call, SourceContext context) {
        Optional<Expression> scope = call.getScope();
        if (scope.isEmpty()) {
            return;
        }
        JavaNames names = context.names();
        switch (call.getNameAsString()) {
            case "acquire" -> {
                if (call.getArguments().size() <= 1 && AndroidTypes.mayBeWakeLock(scope.get(), names)) {
                    checkWakeLock(call, scope.get(), context);
                }
            }
            case "requestLocationUpdates" -> {
                if (call.getArguments().size() >= 2
                        && isLocationClient(scope.get(), names)
                        && !callsAnyOf(call, LOCATION_REMOVALS)) {
                    context.report(call, LOCATION_NOT_REMOVED);
                }
            }
            case "registerListener" -> {
                if (call.getArguments().size() >= 3
                        && AndroidTypes.mayBe(scope.get(), AndroidTypes.SENSOR_MANAGER, SENSOR_NAME, names)
                        && !callsAnyOf(call, Set.of("unregisterListener"))) {
                    context.report(call, SENSOR_NOT_UNREGISTERED);
                }
            }
            default -> {}
        }
    }

    private static boolean isLocationClient(Expression scope, JavaNames names) {
        Optional<String> declared = Receivers.declaredType(scope, names);
        if (declared.isPresent()) {
            return LOCATION_CLIENTS.contains(declared.get());
        }
        if (scope instanceof FieldAccessExpr access && access.getNameAsString().equals("FusedLocationApi")) {
            return true;
        }
        return LOCATION_CLIENTS.stream().anyMatch(type -> AndroidTypes.mayBe(scope, type, LOCATION_NAME, names));
    }

    private static boolean callsAnyOf(Node from, Set<String> methods) {
        return from.findCompilationUnit()
                .map(unit -> unit.findFirst(MethodCallExpr.class, c -> methods.contains(c.getNameAsString()))
                        .isPresent())
                .orElse(true);
    }

    // ---- wake locks ----

    private static void checkWakeLock(MethodCallExpr acquire, Expression receiver, SourceContext context) {
        Optional<String> lock = lockName(receiver);
        Optional<Node> body =
                acquire.findAncestor(n -> n instanceof CallableDeclaration<?> || n instanceof LambdaExpr, Node.class);
        if (lock.isEmpty() || body.isEmpty()) {
            return;
        }
        if (isLocal(receiver) && escapes(lock.get(), body.get())) {
            return;
        }
        List<MethodCallExpr> direct = body.get().findAll(MethodCallExpr.class).stream()
                .filter(c -> isReleaseOf(c, lock.get()) && sameBody(c, body.get()) && after(c, acquire))
                .toList();
        if (!direct.isEmpty()) {
            if (direct.stream().noneMatch(release -> inFinallyCovering(release, acquire))
                    && mayThrowBetween(acquire, direct.get(0), body.get())) {
                context.report(
                        acquire,
                        WAKE_LOCK_NOT_IN_FINALLY,
                        new SourceContext.Secondary(direct.get(0), "the release() that a throw before it skips"));
            }
            return;
        }
        Optional<CompilationUnit> unit = acquire.findCompilationUnit();
        boolean releasedElsewhere = unit.isPresent()
                && unit.get()
                        .findFirst(MethodCallExpr.class, c -> isReleaseOf(c, lock.get()))
                        .isPresent();
        if (!releasedElsewhere) {
            context.report(acquire, WAKE_LOCK_NEVER_RELEASED);
        }
    }

    /** The name the lock is known by: a variable or field name ({@code lock}, {@code this.lock}). */
    private static Optional<String> lockName(Expression receiver) {
        Expression e = receiver;
        while (e instanceof EnclosedExpr enclosed) {
            e = enclosed.getInner();
        }
        return Scopes.variableName(e);
    }

    private static boolean isLocal(Expression receiver) {
        return receiver instanceof NameExpr name && Scopes.isLocal(name);
    }

    /** Whether a local lock is handed to other code: passed as an argument, returned, stored or captured. */
    private static boolean escapes(String lock, Node body) {
        for (NameExpr use : body.findAll(NameExpr.class)) {
            if (!use.getNameAsString().equals(lock)) {
                continue;
            }
            Node parent = use.getParentNode().orElse(null);
            boolean receiverOfCall =
                    parent instanceof MethodCallExpr call && call.getScope().orElse(null) == use;
            boolean assigned = parent instanceof AssignExpr assign && assign.getTarget() == use;
            if ((!receiverOfCall && !assigned && !(parent instanceof BinaryExpr)) || !sameBody(use, body)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isReleaseOf(MethodCallExpr call, String lock) {
        return call.getNameAsString().equals("release")
                && call.getScope()
                        .flatMap(PowerResourceNotReleasedRule::lockName)
                        .filter(lock::equals)
                        .isPresent();
    }

    /** Whether {@code node} is in {@code body} itself, not in a lambda or anonymous class inside it. */
    private static boolean sameBody(Node node, Node body) {
        Optional<Node> parent = node.getParentNode();
        while (parent.isPresent() && parent.get() != body) {
            Node current = parent.get();
            if (current instanceof LambdaExpr
                    || current instanceof TypeDeclaration<?>
                    || (current instanceof ObjectCreationExpr creation
                            && creation.getAnonymousClassBody().isPresent())) {
                return false;
            }
            parent = current.getParentNode();
        }
        return true;
    }

    private static boolean after(Node later, Node earlier) {
        return later.getBegin().isPresent()
                && earlier.getEnd().isPresent()
                && later.getBegin().get().isAfter(earlier.getEnd().get());
    }

    /** A release in the {@code finally} block of a try that contains the acquire or starts after it. */
    private static boolean inFinallyCovering(MethodCallExpr release, MethodCallExpr acquire) {
        Node child = release;
        Optional<Node> parent = release.getParentNode();
        while (parent.isPresent()) {
            Node inner = child;
            if (parent.get() instanceof TryStmt tryStmt
                    && tryStmt.getFinallyBlock().map(f -> f == inner).orElse(false)) {
                BlockStmt tryBlock = tryStmt.getTryBlock();
                if (acquire.isDescendantOf(tryBlock) || after(tryStmt, acquire)) {
                    return true;
                }
            }
            child = parent.get();
            parent = child.getParentNode();
        }
        return false;
    }

    /** Whether a call or a {@code throw} sits between the acquire and the release, in the method's own body. */
    private static boolean mayThrowBetween(MethodCallExpr acquire, MethodCallExpr release, Node body) {
        for (MethodCallExpr call : body.findAll(MethodCallExpr.class)) {
            if (call != acquire && call != release && after(call, acquire) && after(release, call)) {
                return true;
            }
        }
        for (ThrowStmt thrown : body.findAll(ThrowStmt.class)) {
            if (after(thrown, acquire) && after(release, thrown)) {
                return true;
            }
        }
        return false;
    }
}
