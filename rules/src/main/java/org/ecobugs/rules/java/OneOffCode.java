package org.ecobugs.rules.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Code that runs once per process, deployment or schema version, where a per-call or per-element cost does not recur:
 * database migrations (Liquibase custom changes, Flyway Java migrations, migrator classes, the classes of a migration
 * package), {@code main}, start-up and
 * shutdown hooks ({@code @PostConstruct}, {@code afterPropertiesSet}, {@code ApplicationRunner}, {@code
 * CommandLineRunner}, servlet context listeners, OpenMRS module activators, {@code @EventListener} on the context's
 * ready or refreshed event), static initializers, and the helper methods of a class that only such code calls.
 *
 * <p>Each rule decides whether this matters to it: a regex compiled in a loop of a migration or a query per row of a
 * start-up repair runs once per deployment, so the rules about repeated work leave it alone.
 */
public final class OneOffCode {

    /** Annotations of methods a framework calls once, at start-up or shutdown, by simple name. */
    private static final Set<String> ONCE_ANNOTATIONS = Set.of("PostConstruct", "PreDestroy", "Bean");

    /** Events that {@code @EventListener} and {@code onApplicationEvent} receive once per application context. */
    private static final Set<String> START_EVENTS = Set.of(
            "ApplicationReadyEvent",
            "ApplicationStartedEvent",
            "ContextRefreshedEvent",
            "ContextStartedEvent",
            "ContextClosedEvent",
            "ApplicationPreparedEvent",
            "ServletWebServerInitializedEvent",
            "WebServerInitializedEvent");

    /**
     * Types whose methods of the given names run once per application or deployment: the method names a framework
     * calls on them at start-up, shutdown or migration.
     */
    private static final Map<String, Set<String>> ONCE_BY_TYPE = Map.ofEntries(
            Map.entry("InitializingBean", Set.of("afterPropertiesSet")),
            Map.entry("DisposableBean", Set.of("destroy")),
            Map.entry("SmartInitializingSingleton", Set.of("afterSingletonsInstantiated")),
            Map.entry("ApplicationRunner", Set.of("run")),
            Map.entry("CommandLineRunner", Set.of("run")),
            Map.entry("ServletContextListener", Set.of("contextInitialized", "contextDestroyed")),
            Map.entry("ServletContainerInitializer", Set.of("onStartup")),
            Map.entry("WebApplicationInitializer", Set.of("onStartup")),
            Map.entry(
                    "ModuleActivator",
                    Set.of("willRefreshContext", "contextRefreshed", "willStart", "started", "willStop", "stopped")),
            Map.entry(
                    "BaseModuleActivator",
                    Set.of("willRefreshContext", "contextRefreshed", "willStart", "started", "willStop", "stopped")),
            Map.entry("Activator", Set.of("startup", "shutdown")),
            Map.entry("BundleActivator", Set.of("start", "stop")));

    /**
     * Types whose every method belongs to a schema or data migration: Liquibase custom changes, Flyway Java
     * migrations, and by naming convention migrators and change sets.
     */
    private static final Set<String> MIGRATION_TYPES = Set.of(
            "CustomTaskChange", "CustomSqlChange", "CustomChange", "JavaMigration", "BaseJavaMigration", "Migration");

    /** A package segment that holds migrations: Flyway's {@code db.migration}, {@code org.example.datamigration}. */
    private static final Pattern MIGRATION_PACKAGE =
            Pattern.compile("(?:data)?migrations?|migrat(?:e|or|ors)|changelogs?|changesets?|liquibase|flyway");

    private static final Pattern MIGRATION_NAME =
            Pattern.compile("(?:Migrat(?:e|ion|ions|or|er)|ChangeSet|Changeset|ChangeLog|Changelog)(?:[A-Z0-9_]|$)");

    /** Methods that open a session or fetch a token: they run once per session or token lifetime, not per request. */
    private static final Pattern SESSION_SET_UP =
            Pattern.compile("(?:log[iI]n|sign[iI]n|authenticate)(?:(?:With|To|As|User|Session)\\w*)?"
                    + "|(?:fetch|request|obtain|refresh|renew)(?:Access|Auth|Session)?Token\\w*");

    /** How many helper levels are followed back to a one-off caller. */
    private static final int MAX_HELPER_DEPTH = 4;

    private OneOffCode() {}

    /** Whether {@code node} runs once per process, deployment or migration rather than per call or per element. */
    public static boolean runsOnce(Node node) {
        return reason(node).isPresent();
    }

    /**
     * Whether {@code node} is in a method that opens a session or fetches a token ({@code login}, {@code authenticate},
     * {@code refreshToken}…): it runs once per session or token lifetime, and what it creates to do so is not created
     * per request.
     */
    public static boolean opensASession(Node node) {
        return node.findAncestor(MethodDeclaration.class)
                .filter(method -> opensASession(method.getNameAsString()))
                .isPresent();
    }

    /** Whether a method of this name opens a session or fetches a token (see {@link #opensASession(Node)}). */
    public static boolean opensASession(String methodName) {
        return SESSION_SET_UP.matcher(methodName).matches();
    }

    /**
     * Whether {@code node} is part of a schema or data migration: a class that is one by its supertypes, its name or
     * its package. Unlike start-up code, which every run of the application goes through, a migration runs once for
     * good.
     */
    public static boolean isMigration(Node node) {
        return node.findAncestor(ClassOrInterfaceDeclaration.class)
                .filter(OneOffCode::isMigration)
                .isPresent();
    }

    /** The method, constructor, initializer block or field whose code {@code node} is part of. */
    static Optional<Node> enclosingCode(Node node) {
        return node.findAncestor(
                n -> n instanceof CallableDeclaration<?>
                        || n instanceof InitializerDeclaration
                        || n instanceof FieldDeclaration,
                Node.class);
    }

    /**
     * Why {@code node} runs once, in words for a message or a test ({@code "a database migration"}, {@code
     * "start-up code"}), if it does.
     */
    public static Optional<String> reason(Node node) {
        Optional<Node> owner = enclosingCode(node);
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        Optional<ClassOrInterfaceDeclaration> type = owner.get().findAncestor(ClassOrInterfaceDeclaration.class);
        if (type.isPresent() && isMigration(type.get())) {
            return Optional.of("a database migration");
        }
        if (owner.get() instanceof InitializerDeclaration initializer) {
            return initializer.isStatic() ? Optional.of("a static initializer") : Optional.empty();
        }
        if (owner.get() instanceof FieldDeclaration field) {
            return field.isStatic() ? Optional.of("a static initializer") : Optional.empty();
        }
        if (owner.get() instanceof MethodDeclaration method) {
            return methodReason(method);
        }
        return Optional.empty();
    }

    /** The reason a method runs once, worked out once per method node: rules ask about the same methods often. */
    private static final DataKey<Optional<String>> METHOD_REASON = new DataKey<>() {};

    private static Optional<String> methodReason(MethodDeclaration method) {
        if (method.containsData(METHOD_REASON)) {
            return method.getData(METHOD_REASON);
        }
        Optional<String> reason = methodReason(method, new HashSet<>(), 0);
        method.setData(METHOD_REASON, reason);
        return reason;
    }

    private static Optional<String> methodReason(MethodDeclaration method, Set<MethodDeclaration> seen, int depth) {
        if (isMain(method)) {
            return Optional.of("main");
        }
        if (isStartOrStopHook(method)) {
            return Optional.of("start-up or shutdown code");
        }
        if (depth >= MAX_HELPER_DEPTH || method.isPublic() || !seen.add(method)) {
            return Optional.empty();
        }
        return helperOfOneOffCode(method, seen, depth);
    }

    /**
     * A method that is not public and is only called, within its class, from one-off code: a helper of {@code main},
     * of a start-up hook or of a migration. A method that its class never calls, or calls from anywhere else, is not.
     */
    private static Optional<String> helperOfOneOffCode(
            MethodDeclaration method, Set<MethodDeclaration> seen, int depth) {
        Optional<TypeDeclaration> type = method.findAncestor(TypeDeclaration.class);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        String name = method.getNameAsString();
        int arity = method.getParameters().size();
        CallIndex index = CallIndex.of(type.get());
        if (index.referenced().contains(name)) {
            return Optional.empty();
        }
        String reason = null;
        for (MethodCallExpr call : index.calls().getOrDefault(name, List.of())) {
            if (call.getArguments().size() != arity
                    || !call.getScope().map(s -> s instanceof ThisExpr).orElse(true)) {
                continue;
            }
            if (call.findAncestor(ObjectCreationExpr.class)
                    .filter(c -> c.getAnonymousClassBody().isPresent())
                    .isPresent()) {
                return Optional.empty();
            }
            Optional<String> callerReason = callerReason(call, seen, depth);
            if (callerReason.isEmpty()) {
                return Optional.empty();
            }
            reason = callerReason.get();
        }
        return Optional.ofNullable(reason);
    }

    /** A type's calls by method name and the names its method references point at, indexed once per type node. */
    private record CallIndex(Map<String, List<MethodCallExpr>> calls, Set<String> referenced) {
        private static final DataKey<CallIndex> KEY = new DataKey<>() {};

        static CallIndex of(TypeDeclaration<?> type) {
            if (type.containsData(KEY)) {
                return type.getData(KEY);
            }
            Map<String, List<MethodCallExpr>> calls = new java.util.HashMap<>();
            for (MethodCallExpr call : type.findAll(MethodCallExpr.class)) {
                calls.computeIfAbsent(call.getNameAsString(), n -> new java.util.ArrayList<>())
                        .add(call);
            }
            Set<String> referenced = new HashSet<>();
            type.findAll(com.github.javaparser.ast.expr.MethodReferenceExpr.class)
                    .forEach(reference -> referenced.add(reference.getIdentifier()));
            CallIndex index = new CallIndex(calls, referenced);
            type.setData(KEY, index);
            return index;
        }
    }

    private static Optional<String> callerReason(MethodCallExpr call, Set<MethodDeclaration> seen, int depth) {
        Optional<Node> owner = call.findAncestor(
                n -> n instanceof CallableDeclaration<?> || n instanceof InitializerDeclaration, Node.class);
        if (owner.isPresent() && owner.get() instanceof MethodDeclaration caller) {
            return methodReason(caller, seen, depth + 1);
        }
        if (owner.isPresent() && owner.get() instanceof InitializerDeclaration initializer && initializer.isStatic()) {
            return Optional.of("a static initializer");
        }
        return Optional.empty();
    }

    /** Whether the method is a program's entry point, {@code static void main(String[])} or its varargs form. */
    public static boolean isMain(MethodDeclaration method) {
        return method.getNameAsString().equals("main")
                && method.isStatic()
                && method.getParameters().size() == 1
                && mainParameter(method.getParameter(0));
    }

    /** {@code String[] args} or {@code String... args}: JavaParser keeps the dots apart from the type. */
    private static boolean mainParameter(Parameter parameter) {
        String type = parameter.getType().asString().replace(" ", "") + (parameter.isVarArgs() ? "..." : "");
        return type.matches("String(\\[]|\\.\\.\\.)");
    }

    private static boolean isStartOrStopHook(MethodDeclaration method) {
        List<String> annotations = method.getAnnotations().stream()
                .map(a -> JavaNames.simpleName(a.getNameAsString()))
                .toList();
        List<String> events = new java.util.ArrayList<>();
        method.getParameters()
                .forEach(p -> events.add(JavaNames.simpleName(p.getType().asString())));
        for (AnnotationExpr annotation : method.getAnnotations()) {
            annotation
                    .findAll(com.github.javaparser.ast.expr.ClassExpr.class)
                    .forEach(c -> events.add(JavaNames.simpleName(c.getType().asString())));
        }
        List<String> supertypes = method.findAncestor(ClassOrInterfaceDeclaration.class)
                .map(OneOffCode::supertypeNames)
                .orElse(List.of());
        return isStartOrStopMethod(method.getNameAsString(), annotations, events, supertypes);
    }

    /**
     * Whether a framework calls a method once, at start-up or shutdown, from what both walkers can read of it: its
     * name, the simple names of its annotations, of the events it receives (its parameter types and the classes its
     * annotations name) and of its class's direct supertypes.
     */
    public static boolean isStartOrStopMethod(
            String name, Collection<String> annotations, Collection<String> events, Collection<String> supertypes) {
        for (String annotation : annotations) {
            if (ONCE_ANNOTATIONS.contains(annotation)) {
                return true;
            }
            if (annotation.equals("EventListener") && events.stream().anyMatch(START_EVENTS::contains)) {
                return true;
            }
        }
        if (name.equals("onApplicationEvent") && events.stream().anyMatch(START_EVENTS::contains)) {
            return true;
        }
        for (String supertype : supertypes) {
            Set<String> methods = ONCE_BY_TYPE.get(supertype);
            if (methods != null && methods.contains(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMigration(ClassOrInterfaceDeclaration type) {
        String packageName = type.findCompilationUnit()
                .flatMap(CompilationUnit::getPackageDeclaration)
                .map(p -> p.getNameAsString())
                .orElse("");
        return isMigrationType(packageName, type.getNameAsString(), supertypeNames(type));
    }

    /**
     * Whether a class, by its package, its simple name and the simple names of its direct supertypes, is a schema or
     * data migration.
     */
    public static boolean isMigrationType(String packageName, String name, Collection<String> supertypes) {
        if (MIGRATION_NAME.matcher(name).find()) {
            return true;
        }
        for (String segment : packageName.split("[./]")) {
            if (MIGRATION_PACKAGE.matcher(segment).matches()) {
                return true;
            }
        }
        for (String supertype : supertypes) {
            if (MIGRATION_TYPES.contains(supertype)
                    || MIGRATION_NAME.matcher(supertype).find()) {
                return true;
            }
        }
        return false;
    }

    private static List<String> supertypeNames(ClassOrInterfaceDeclaration type) {
        return supertypes(type).stream()
                .map(ClassOrInterfaceType::getNameAsString)
                .toList();
    }

    private static List<ClassOrInterfaceType> supertypes(ClassOrInterfaceDeclaration type) {
        List<ClassOrInterfaceType> all = new java.util.ArrayList<>(type.getExtendedTypes());
        all.addAll(type.getImplementedTypes());
        return all;
    }
}
