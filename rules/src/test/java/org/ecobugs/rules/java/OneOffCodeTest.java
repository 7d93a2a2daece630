package org.ecobugs.rules.java;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ecobugs.rules.engine.JavaParsers;
import org.junit.jupiter.api.Test;

class OneOffCodeTest {

    /** Why each call named {@code workN} runs once, or "" when it may recur. */
    private static Map<String, String> reasons(String code) {
        CompilationUnit unit = JavaParsers.create(17).parse(code).getResult().orElseThrow();
        Map<String, String> reasons = new TreeMap<>();
        for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
            if (call.getNameAsString().startsWith("work")) {
                Optional<String> reason = OneOffCode.reason(call);
                reasons.put(call.getNameAsString(), reason.orElse(""));
                assertThat(OneOffCode.runsOnce(call)).isEqualTo(reason.isPresent());
            }
        }
        return reasons;
    }

    @Test
    void migrationsByTheirSupertypeOrName() {
        assertThat(reasons("""
                        class AddStatus implements CustomTaskChange { void execute(Object db) { work0(); } }
                        class V2__Backfill extends BaseJavaMigration { void migrate(Object c) { work1(); } }
                        class Migrate3_0_0 extends Migrator { void migrate() { work2(); } }
                        class PatientChangeSet { void apply() { work3(); } }
                        class ImmigrationStatusService { void status() { work4(); } }
                        """))
                .isEqualTo(Map.of(
                        "work0", "a database migration",
                        "work1", "a database migration",
                        "work2", "a database migration",
                        "work3", "a database migration",
                        "work4", ""));
    }

    @Test
    void migrationsByTheirPackage() {
        assertThat(reasons("""
                        package db.migration;
                        class V3__Split { V3__Split() { work0(); } void run() { work1(); } }
                        """)).isEqualTo(Map.of("work0", "a database migration", "work1", "a database migration"));
        assertThat(reasons("""
                        package org.example.datamigration.csv;
                        class PatientPersister { Object rest = work0(); }
                        """)).isEqualTo(Map.of("work0", "a database migration"));
        assertThat(reasons("""
                        package org.example.emigration;
                        class Visa { void check() { work0(); } }
                        """)).isEqualTo(Map.of("work0", ""));
    }

    @Test
    void startUpAndShutdownHooks() {
        assertThat(reasons("""
                        class Hooks implements InitializingBean, ServletContextListener {
                            @PostConstruct void warm() { work0(); }
                            public void afterPropertiesSet() { work1(); }
                            public void contextInitialized(Object event) { work2(); }
                            @EventListener void ready(ApplicationReadyEvent event) { work3(); }
                            @EventListener(ContextRefreshedEvent.class) void refreshed() { work4(); }
                            @EventListener void changed(PatientChangedEvent event) { work5(); }
                            static { work6(); }
                            public void handle() { work7(); }
                        }
                        class Activator extends BaseModuleActivator { public void started() { work8(); } }
                        class Runner implements CommandLineRunner { public void run(String... args) { work9(); } }
                        """))
                .containsEntry("work0", "start-up or shutdown code")
                .containsEntry("work1", "start-up or shutdown code")
                .containsEntry("work2", "start-up or shutdown code")
                .containsEntry("work3", "start-up or shutdown code")
                .containsEntry("work4", "start-up or shutdown code")
                .containsEntry("work5", "")
                .containsEntry("work6", "a static initializer")
                .containsEntry("work7", "")
                .containsEntry("work8", "start-up or shutdown code")
                .containsEntry("work9", "start-up or shutdown code");
    }

    @Test
    void helpersThatOnlyOneOffCodeCalls() {
        assertThat(reasons("""
                        class Launcher {
                            public static void main(String[] args) { load(args); args.clone(); }
                            private static void load(String[] args) { for (String a : args) { parse(a); } }
                            static void parse(String a) { work0(); }
                            private void alsoPerRequest() { work1(); }
                            public void request() { alsoPerRequest(); }
                            private void referenced() { work2(); }
                            public static void init(String[] args) { java.util.List.of(args).forEach(x -> referenced()); }
                            public Runnable task() { return this::referenced; }
                            protected void neverCalled() { work3(); }
                            public void api() { work4(); }
                        }
                        """)).isEqualTo(Map.of("work0", "main", "work1", "", "work2", "", "work3", "", "work4", ""));
    }

    @Test
    void methodsThatOpenASessionByTheirName() {
        assertThat(List.of(
                        "login",
                        "logIn",
                        "signInWithPassword",
                        "authenticate",
                        "authenticateUser",
                        "refreshToken",
                        "fetchAccessToken",
                        "requestAuthTokenFor"))
                .allMatch(OneOffCode::opensASession);
        assertThat(List.of("loginCount", "validateToken", "authorize", "getToken", "parseToken", "authenticated"))
                .noneMatch(OneOffCode::opensASession);
    }
}
