package org.ecobugs.rules.java;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.ecobugs.rules.engine.JavaParsers;
import org.junit.jupiter.api.Test;

class LifetimesTest {

    /** Calls that return a view holding on to the object they are made on. */
    private static final Predicate<String> VIEWS = name -> name.equals("writer") || name.equals("target");

    private static CompilationUnit parse(String code) {
        return JavaParsers.create(17).parse(code).getResult().orElseThrow();
    }

    private static ObjectCreationExpr onlyCreation(String code) {
        List<ObjectCreationExpr> creations = parse(code).findAll(ObjectCreationExpr.class);
        assertThat(creations).hasSize(1);
        return creations.get(0);
    }

    /** Whether each call named {@code workN} is in set-up code, by name. */
    private static Map<String, Boolean> setUp(String code) {
        Map<String, Boolean> setUp = new TreeMap<>();
        for (MethodCallExpr call : parse(code).findAll(MethodCallExpr.class)) {
            if (call.getNameAsString().startsWith("work")) {
                setUp.put(call.getNameAsString(), Lifetimes.isSetUpCode(call));
            }
        }
        return setUp;
    }

    /** Whether each object created as {@code new ClientN()} in the method body is a throwaway, by type name. */
    private static Map<String, Boolean> throwaways(String body) {
        CompilationUnit unit = parse("""
                class C {
                    Object kept;
                    Object m(java.util.List<String> items) {
                """ + body + "\nreturn null; } }");
        Map<String, Boolean> throwaways = new TreeMap<>();
        for (ObjectCreationExpr creation : unit.findAll(ObjectCreationExpr.class)) {
            String type = creation.getType().getNameAsString();
            if (type.startsWith("Client")) {
                throwaways.put(type, Lifetimes.isThrowaway(creation, VIEWS));
            }
        }
        return throwaways;
    }

    @Test
    void initializersConstructorsAndMainAreSetUpCode() {
        assertThat(setUp("""
                        class App {
                            private final Object a = work0();
                            private static final Object B = work1();
                            static { work2(); }
                            { work3(); }
                            App() { work4(); }
                            public static void main(String[] args) { work5(); }
                            public static void main(String... args) { work6(); }
                            void handle() { work7(); }
                            public void main(String[] args) { work8(); }
                            static void main(int port) { work9(); }
                        }
                        """))
                .isEqualTo(Map.of(
                        "work0", true,
                        "work1", true,
                        "work2", true,
                        "work3", true,
                        "work4", true,
                        "work5", true,
                        "work6", true,
                        "work7", false,
                        "work8", false,
                        "work9", false));
    }

    @Test
    void factoryAndSetUpMethodsAreSetUpCodeByTheirAnnotations() {
        assertThat(setUp("""
                        class Config {
                            @Bean Object client() { return work0(); }
                            @org.springframework.context.annotation.Bean Object qualified() { return work1(); }
                            @PostConstruct void init() { work2(); }
                            @BeforeEach void before() { work3(); }
                            @Test void test() { work4(); }
                            @Produces Object produced() { return work5(); }
                            @Scheduled(fixedRate = 10) void tick() { work6(); }
                            @Override public String toString() { return work7(); }
                            @Beans Object lookAlike() { return work8(); }
                        }
                        """))
                .isEqualTo(Map.of(
                        "work0", true,
                        "work1", true,
                        "work2", true,
                        "work3", true,
                        "work4", true,
                        "work5", true,
                        "work6", false,
                        "work7", false,
                        "work8", false));
    }

    @Test
    void lambdasTakeTheirEnclosingCodesLifetimeButAnonymousClassMethodsDoNot() {
        assertThat(setUp("""
                        class Jobs {
                            @Bean Runnable job() { return () -> work0(); }
                            void perCall(java.util.List<String> items) { items.forEach(i -> work1()); }
                            private final Runnable task = new Runnable() { public void run() { work2(); } };
                        }
                        """)).isEqualTo(Map.of("work0", true, "work1", false, "work2", false));
    }

    @Test
    void anObjectUsedByCallsAndDroppedIsAThrowaway() {
        assertThat(throwaways("""
                        new Client0().send("x");
                        Client1 c1 = new Client1();
                        c1.send("a");
                        c1.close();
                        Client2 c2 = new Client2();
                        if (c2 != null) { c2.send("b"); }
                        Client3 c3;
                        c3 = new Client3();
                        c3.send("c");
                        String text = new Client4().send("d");
                        for (String item : items) { Client5 c5 = new Client5(); c5.send(item); }
                        """))
                .isEqualTo(Map.of(
                        "Client0", true,
                        "Client1", true,
                        "Client2", true,
                        "Client3", true,
                        "Client4", true,
                        "Client5", true));
    }

    @Test
    void anObjectStoredReturnedPassedOrCapturedIsKept() {
        assertThat(throwaways("""
                        kept = new Client0();
                        this.kept = new Client1();
                        use(new Client2());
                        Client3 c3 = new Client3();
                        use(c3);
                        Client4 c4 = new Client4();
                        Object alias = c4;
                        Client5 c5 = new Client5();
                        Runnable r = () -> c5.send("x");
                        Client6 c6 = new Client6();
                        for (String item : items) { c6.send(item); }
                        Object[] array = {new Client7()};
                        Client8 c8 = new Client8();
                        c8.send("x");
                        kept = c8;
                        """))
                .isEqualTo(Map.of(
                        "Client0", false,
                        "Client1", false,
                        "Client2", false,
                        "Client3", false,
                        "Client4", false,
                        "Client5", false,
                        "Client6", false,
                        "Client7", false,
                        "Client8", false));
    }

    @Test
    void aReturnedObjectIsKept() {
        ObjectCreationExpr creation = onlyCreation("class C { Object m() { return new Client(); } }");
        assertThat(Lifetimes.isThrowaway(creation, VIEWS)).isFalse();
    }

    @Test
    void anObjectNeverUsedIsNoThrowaway() {
        // Nothing is done with it: there is nothing to say about it.
        assertThat(throwaways("""
                        new Client0();
                        Client1 unused = new Client1();
                        """)).isEqualTo(Map.of("Client0", false, "Client1", false));
    }

    @Test
    void aFieldInitializerKeepsItsObject() {
        ObjectCreationExpr creation =
                onlyCreation("class C { private final Client client = new Client(); void m() { client.send(); } }");
        assertThat(Lifetimes.isThrowaway(creation, VIEWS)).isFalse();
    }

    @Test
    void followsConfigurationCallsAndViewsOfTheObject() {
        assertThat(throwaways("""
                        String json = new Client0().enable(1).configure(2).send("x");
                        kept = new Client1().enable(1);
                        kept = new Client2().writer();
                        String text = new Client3().writer().send("x");
                        Object view = new Client4().target("u");
                        use(view);
                        Client5 c5 = new Client5().setTimeout(5);
                        c5.send("x");
                        kept = new Client6().build();
                        """))
                .isEqualTo(Map.of(
                        "Client0", true,
                        "Client1", false,
                        "Client2", false,
                        "Client3", true,
                        "Client4", false,
                        "Client5", true,
                        // build() is neither: its result is another object, and the builder is dropped.
                        "Client6", true));
    }

    @Test
    void withoutViewsEveryOtherCallDropsTheObject() {
        ObjectCreationExpr creation =
                onlyCreation("class C { Object kept; void m() { kept = new Client().writer(); } }");
        assertThat(Lifetimes.isThrowaway(creation, name -> false)).isTrue();
        assertThat(Lifetimes.isThrowaway(creation, VIEWS)).isFalse();
    }

    @Test
    void tellsConfigurationCallsByTheirPrefixAsAWord() {
        assertThat(List.of(
                        "set",
                        "setTimeout",
                        "enable",
                        "enableCompression",
                        "disable",
                        "configure",
                        "registerModule",
                        "addInterceptor",
                        "with",
                        "withTimeout",
                        "activateDefaultTyping",
                        "deactivate",
                        "findAndRegisterModules"))
                .allMatch(Lifetimes::isConfigurationCall);
        assertThat(List.of("settle", "setup", "address", "within", "finder", "send", "build", "get", "enabled"))
                .noneMatch(Lifetimes::isConfigurationCall);
    }
}
