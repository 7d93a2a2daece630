package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceDetector;
import org.ecobugs.rules.api.SourceVisits;
import org.ecobugs.rules.checks.code.BuilderCalls;
import org.ecobugs.rules.java.JavaNames;
import org.ecobugs.rules.java.Scopes;

/** EB108 in source: a work request or job builder, built without a constraint, whose worker transfers data. */
final class BackgroundWorkWithoutConstraintsSource implements SourceDetector {

    private enum Kind {
        PERIODIC_WORK("periodic WorkManager request"),
        ONE_TIME_WORK("WorkManager request"),
        JOB("JobScheduler job");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private static final Set<String> WORK_CONSTRAINTS = Set.of("setConstraints");

    private static final Set<String> JOB_CONSTRAINTS = Set.of(
            "setRequiredNetworkType",
            "setRequiredNetwork",
            "setRequiresCharging",
            "setRequiresDeviceIdle",
            "setRequiresBatteryNotLow",
            "setRequiresStorageNotLow",
            "addTriggerContentUri");

    /** Packages and types of network APIs whose use in a worker class means it transfers data. */
    private static final List<String> NETWORK_APIS = List.of(
            "java.net.URL",
            "java.net.HttpURLConnection",
            "java.net.Socket",
            "java.net.http.",
            "javax.net.ssl.",
            "okhttp3.",
            "retrofit2.",
            "org.apache.http.",
            "org.apache.hc.",
            "com.android.volley.",
            "ca.uhn.fhir.rest.client.",
            "io.ktor.");

    private final Pattern networkWorkerName;

    BackgroundWorkWithoutConstraintsSource(Pattern networkWorkerName) {
        this.networkWorkerName = networkWorkerName;
    }

    /** The builders are created as {@code new Builder(…)}, however their outer type is written. */
    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(Set.of("Builder"));
    }

    @Override
    public void subscribe(SourceVisits visits) {
        visits.enter(ObjectCreationExpr.class, this::visit);
    }

    private void visit(ObjectCreationExpr creation, SourceContext context) {
        Optional<Kind> kind = kindOf(creation.getType(), context.names());
        if (kind.isEmpty()) {
            return;
        }
        Optional<ClassOrInterfaceType> worker = workerClass(creation, kind.get());
        if (worker.isEmpty() || !transfersData(worker.get(), creation, context.names())) {
            return;
        }
        Optional<Set<String>> calls = BuilderCalls.of(creation);
        if (calls.isEmpty() || !calls.get().contains("build")) {
            return;
        }
        Set<String> constraints = kind.get() == Kind.JOB ? JOB_CONSTRAINTS : WORK_CONSTRAINTS;
        if (calls.get().stream().noneMatch(constraints::contains)) {
            String label = kind.get() == Kind.JOB && calls.get().contains("setPeriodic")
                    ? "periodic JobScheduler job"
                    : kind.get().label;
            context.report(
                    creation,
                    BackgroundWorkWithoutConstraintsRule.message(
                            label, worker.get().getNameAsString()));
        }
    }

    private static Optional<Kind> kindOf(ClassOrInterfaceType type, JavaNames names) {
        String name = type.getNameWithScope();
        if (isNestedType(name, "androidx.work.PeriodicWorkRequest.Builder", names)) {
            return Optional.of(Kind.PERIODIC_WORK);
        }
        if (isNestedType(name, "androidx.work.OneTimeWorkRequest.Builder", names)) {
            return Optional.of(Kind.ONE_TIME_WORK);
        }
        if (isNestedType(name, "android.app.job.JobInfo.Builder", names)) {
            return Optional.of(Kind.JOB);
        }
        return Optional.empty();
    }

    /**
     * Whether a type written as {@code Builder}, {@code JobInfo.Builder} or fully qualified denotes the nested type
     * {@code qualified}: through the imports, or, when they do not tell, by its outer and inner names as written.
     */
    private static boolean isNestedType(String written, String qualified, JavaNames names) {
        if (names.resolve(written).filter(qualified::equals).isPresent()) {
            return true;
        }
        return written.contains(".") && qualified.endsWith("." + written);
    }

    /** The worker class literal of a work request, or the job service of a {@code new ComponentName(ctx, X.class)}. */
    private static Optional<ClassOrInterfaceType> workerClass(ObjectCreationExpr creation, Kind kind) {
        if (kind != Kind.JOB) {
            return creation.getArguments().isEmpty() ? Optional.empty() : classLiteral(creation.getArgument(0));
        }
        if (creation.getArguments().size() != 2) {
            return Optional.empty();
        }
        Expression component = creation.getArgument(1);
        if (component instanceof NameExpr name) {
            component = Scopes.declarationOf(name)
                    .flatMap(Scopes.Declaration::initializer)
                    .orElse(component);
        }
        if (component instanceof ObjectCreationExpr componentName
                && componentName.getType().getNameAsString().equals("ComponentName")
                && componentName.getArguments().size() == 2) {
            return classLiteral(componentName.getArgument(1));
        }
        return Optional.empty();
    }

    private static Optional<ClassOrInterfaceType> classLiteral(Expression expression) {
        if (expression instanceof ClassExpr literal && literal.getType() instanceof ClassOrInterfaceType type) {
            return Optional.of(type);
        }
        return Optional.empty();
    }

    private boolean transfersData(ClassOrInterfaceType worker, Node from, JavaNames names) {
        if (networkWorkerName.matcher(worker.getNameAsString()).matches()) {
            return true;
        }
        return from.findCompilationUnit()
                .flatMap(unit -> unit.findFirst(
                        ClassOrInterfaceDeclaration.class,
                        declaration -> declaration.getNameAsString().equals(worker.getNameAsString())))
                .map(declaration -> usesNetwork(declaration, names))
                .orElse(false);
    }

    private static boolean usesNetwork(ClassOrInterfaceDeclaration worker, JavaNames names) {
        for (ClassOrInterfaceType type : worker.findAll(ClassOrInterfaceType.class)) {
            Optional<String> resolved = names.resolve(type.getNameWithScope());
            if (resolved.isPresent()
                    && NETWORK_APIS.stream().anyMatch(api -> resolved.get().startsWith(api))) {
                return true;
            }
        }
        return false;
    }
}
