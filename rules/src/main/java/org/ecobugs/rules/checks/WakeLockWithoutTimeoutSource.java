package org.ecobugs.rules.checks;

import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceDetector;
import org.ecobugs.rules.api.SourceVisits;
import org.ecobugs.rules.java.AndroidTypes;
import org.ecobugs.rules.java.Scopes;

/** EB505 in source: {@code acquire()} on what may be a wake lock, by its declared type, its creation or its name. */
final class WakeLockWithoutTimeoutSource implements SourceDetector {

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(Set.of("acquire"));
    }

    @Override
    public void subscribe(SourceVisits visits) {
        visits.enter(MethodCallExpr.class, WakeLockWithoutTimeoutSource::visit);
    }

    private static void visit(MethodCallExpr call, SourceContext context) {
        if (call.getNameAsString().equals("acquire")
                && call.getArguments().isEmpty()
                && call.getScope()
                        .map(receiver -> AndroidTypes.mayBeWakeLock(receiver, context.names()))
                        .orElse(false)
                && !alsoAcquiresWithTimeout(call)
                && !releasedAtTeardown(call)) {
            context.report(call, WakeLockWithoutTimeoutRule.MESSAGE);
        }
    }

    /** Whether the wake lock is a field that a teardown callback of its (non-service) class releases. */
    private static boolean releasedAtTeardown(MethodCallExpr acquire) {
        Optional<String> name = acquire.getScope().flatMap(Scopes::variableName);
        Optional<Scopes.Declaration> field =
                name.flatMap(n -> Scopes.declarationOf(acquire, n)).filter(Scopes.Declaration::field);
        if (field.isEmpty()
                || !(field.get().node().findAncestor(TypeDeclaration.class).orElse(null)
                        instanceof ClassOrInterfaceDeclaration owner)
                || owner.getExtendedTypes().stream()
                        .anyMatch(t -> t.getNameAsString().endsWith("Service"))) {
            return false;
        }
        Set<String> releasing = new HashSet<>();
        for (MethodDeclaration method : owner.getMethods()) {
            if (method.findAll(MethodCallExpr.class).stream()
                    .anyMatch(call -> call.getNameAsString().equals("release")
                            && call.getScope()
                                    .flatMap(Scopes::variableName)
                                    .filter(name.get()::equals)
                                    .isPresent())) {
                releasing.add(method.getNameAsString());
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (MethodDeclaration method : owner.getMethods()) {
                if (!releasing.contains(method.getNameAsString())
                        && method.findAll(MethodCallExpr.class).stream()
                                .anyMatch(call -> releasing.contains(call.getNameAsString())
                                        && call.getScope()
                                                .map(ThisExpr.class::isInstance)
                                                .orElse(true))) {
                    releasing.add(method.getNameAsString());
                    changed = true;
                }
            }
        }
        return owner.getMethods().stream()
                .anyMatch(method -> WakeLockWithoutTimeoutRule.TEARDOWNS.contains(method.getNameAsString())
                        && method.getParameters().isEmpty()
                        && releasing.contains(method.getNameAsString()));
    }

    private static boolean alsoAcquiresWithTimeout(MethodCallExpr call) {
        return call.findAncestor(CallableDeclaration.class)
                .map(method -> method.findAll(MethodCallExpr.class).stream()
                        .anyMatch(other -> other.getNameAsString().equals("acquire")
                                && other.getArguments().size() == 1
                                && other.getScope()
                                        .map(s -> s.toString()
                                                .equals(call.getScope().get().toString()))
                                        .orElse(false)))
                .orElse(false);
    }
}
