package org.ecobugs.rules.java;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.ForStmt;
import java.util.Optional;
import org.ecobugs.rules.engine.JavaParsers;
import org.junit.jupiter.api.Test;

class ScopesTest {

    private static CompilationUnit parse(String code) {
        return JavaParsers.create(17).parse(code).getResult().orElseThrow();
    }

    /** The name passed to the call {@code call} in the unit: the use whose declaration is looked up. */
    private static NameExpr use(CompilationUnit unit, String call) {
        return unit.findFirst(MethodCallExpr.class, c -> c.getNameAsString().equals(call))
                .orElseThrow()
                .getArgument(0)
                .asNameExpr();
    }

    private static Optional<Scopes.Declaration> declarationAt(CompilationUnit unit, String call) {
        return Scopes.declarationOf(use(unit, call));
    }

    /** Where the name at the call is declared: the node's line, or 0 when nowhere in the file. */
    private static int declarationLine(CompilationUnit unit, String call) {
        return declarationAt(unit, call)
                .flatMap(d -> d.node().getBegin())
                .map(p -> p.line)
                .orElse(0);
    }

    @Test
    void findsLocalsDeclaredBeforeTheUseInEnclosingBlocks() {
        CompilationUnit unit = parse("""
                class C {
                    int total;
                    void m() {
                        int total = 1;
                        {
                            use0(total);
                            int inner = 2;
                            use1(inner);
                        }
                        use2(inner);
                        use3(later);
                        int later = 3;
                    }
                }
                """);
        assertThat(declarationLine(unit, "use0")).isEqualTo(4);
        assertThat(declarationLine(unit, "use1")).isEqualTo(7);
        // A block's locals end with it, and a local is not visible before its declaration.
        assertThat(declarationAt(unit, "use2")).isEmpty();
        assertThat(declarationAt(unit, "use3")).isEmpty();
    }

    @Test
    void tellsTheDeclarationsTypeInitializerAndKind() {
        CompilationUnit unit = parse("""
                class C {
                    private static final long PERIOD = 5;
                    private final String name = "n";
                    static int counter;
                    void m(String param) {
                        java.util.List<String> items = new java.util.ArrayList<>();
                        use0(PERIOD); use1(name); use2(counter); use3(param); use4(items);
                    }
                }
                """);
        Scopes.Declaration period = declarationAt(unit, "use0").orElseThrow();
        assertThat(period.name()).isEqualTo("PERIOD");
        assertThat(period.type().asString()).isEqualTo("long");
        assertThat(period.initializer().map(Expression::toString)).contains("5");
        assertThat(period.field()).isTrue();
        assertThat(period.isFinalField()).isTrue();
        assertThat(period.isStaticField()).isTrue();
        assertThat(period.node()).isInstanceOf(VariableDeclarator.class);

        Scopes.Declaration name = declarationAt(unit, "use1").orElseThrow();
        assertThat(name.isFinalField()).isTrue();
        assertThat(name.isStaticField()).isFalse();

        Scopes.Declaration counter = declarationAt(unit, "use2").orElseThrow();
        assertThat(counter.isFinalField()).isFalse();
        assertThat(counter.isStaticField()).isTrue();
        assertThat(counter.initializer()).isEmpty();

        Scopes.Declaration param = declarationAt(unit, "use3").orElseThrow();
        assertThat(param.field()).isFalse();
        assertThat(param.node()).isInstanceOf(Parameter.class);
        assertThat(param.type().asString()).isEqualTo("String");
        assertThat(param.initializer()).isEmpty();

        Scopes.Declaration items = declarationAt(unit, "use4").orElseThrow();
        assertThat(items.field()).isFalse();
        assertThat(items.type().asString()).isEqualTo("java.util.List<String>");
        assertThat(items.initializer().map(Expression::toString)).contains("new java.util.ArrayList<>()");
        // A local is never a final field, even when declared final: ask isNeverReassigned.
        assertThat(items.isFinalField()).isFalse();
        assertThat(items.isStaticField()).isFalse();
    }

    @Test
    void findsVariablesOfLoopsCatchesResourcesAndLambdas() {
        CompilationUnit unit = parse("""
                class C {
                    void m(java.util.List<String> items) throws Exception {
                        for (int i = 0; i < 3; i++) { use0(i); }
                        for (String item : items) { use1(item); }
                        try (java.io.InputStream in = open()) { use2(in); }
                        catch (java.io.IOException e) { use3(e); }
                        items.forEach(each -> use4(each));
                        items.forEach((String typed) -> { use5(typed); });
                    }
                }
                """);
        assertThat(declarationLine(unit, "use0")).isEqualTo(3);
        assertThat(declarationLine(unit, "use1")).isEqualTo(4);
        assertThat(declarationLine(unit, "use2")).isEqualTo(5);
        assertThat(declarationLine(unit, "use3")).isEqualTo(6);
        assertThat(declarationLine(unit, "use4")).isEqualTo(7);
        assertThat(declarationLine(unit, "use5")).isEqualTo(8);
        assertThat(declarationAt(unit, "use4").orElseThrow().field()).isFalse();
    }

    @Test
    void findsTheVariableInItsOwnDeclarationStatement() {
        CompilationUnit unit = parse("""
                class C {
                    int first = 9;
                    void m() {
                        int first = 1, second = use0(first);
                    }
                }
                """);
        Scopes.Declaration first = declarationAt(unit, "use0").orElseThrow();
        assertThat(first.field()).isFalse();
        assertThat(first.initializer().map(Expression::toString)).contains("1");
    }

    @Test
    void innerScopesHideOuterOnes() {
        CompilationUnit unit = parse("""
                class Outer {
                    static final int LIMIT = 1;
                    int shared = 1;
                    class Inner {
                        int shared = 2;
                        void m(int LIMIT) { use0(LIMIT); use1(shared); }
                    }
                    void n() { use2(shared); }
                    record Point(int x, int y) { int twice() { return use3(x); } }
                }
                """);
        assertThat(declarationAt(unit, "use0").orElseThrow().field()).isFalse();
        assertThat(declarationLine(unit, "use1")).isEqualTo(5);
        assertThat(declarationLine(unit, "use2")).isEqualTo(3);
        Scopes.Declaration component = declarationAt(unit, "use3").orElseThrow();
        assertThat(component.field()).isTrue();
        assertThat(component.type().asString()).isEqualTo("int");
    }

    @Test
    void findsLocalsDeclaredInSwitchCases() {
        // A case's statements are a block of their own: the local there hides the field.
        CompilationUnit unit = parse("""
                class C {
                    static final int LIMIT = 10;
                    void m(int k) {
                        switch (k) {
                            case 1:
                                int LIMIT = k;
                                use0(LIMIT);
                                break;
                            default:
                                use1(LIMIT);
                        }
                    }
                }
                """);
        assertThat(declarationAt(unit, "use0").orElseThrow().field()).isFalse();
        assertThat(declarationLine(unit, "use0")).isEqualTo(6);
    }

    @Test
    void findsPatternVariablesWhereThePatternHasMatched() {
        // The field of the same name is hidden wherever the pattern's variable is in scope.
        CompilationUnit unit = parse("""
                class C {
                    private final Object config = "default";
                    void m(Object o) {
                        if (o instanceof String config) { use0(config); }
                        boolean empty = o instanceof String config && use1(config);
                        Object chosen = o instanceof Integer config ? use2(config) : null;
                        use3(config);
                    }
                }
                """);
        for (String call : new String[] {"use0", "use1", "use2"}) {
            Scopes.Declaration pattern = declarationAt(unit, call).orElseThrow();
            assertThat(pattern.field()).as(call).isFalse();
            assertThat(pattern.initializer()).as(call).isEmpty();
        }
        assertThat(declarationAt(unit, "use0").orElseThrow().type().asString()).isEqualTo("String");
        assertThat(declarationAt(unit, "use2").orElseThrow().type().asString()).isEqualTo("Integer");
        assertThat(declarationAt(unit, "use3").orElseThrow().field()).isTrue();
    }

    @Test
    void findsTheFieldsOfAnonymousClasses() {
        CompilationUnit unit = parse("""
                class C {
                    void m() {
                        int attempts = 0;
                        Runnable retry = new Runnable() {
                            int attempts = 5;
                            public void run() { use0(attempts); }
                        };
                        use1(attempts);
                    }
                }
                """);
        Scopes.Declaration inner = declarationAt(unit, "use0").orElseThrow();
        assertThat(inner.field()).isTrue();
        assertThat(inner.initializer().map(Expression::toString)).contains("5");
        assertThat(declarationAt(unit, "use1").orElseThrow().field()).isFalse();
    }

    @Test
    void tellsTheVariableAnExpressionNames() {
        assertThat(Scopes.variableName(StaticJavaParser.parseExpression("count")))
                .contains("count");
        assertThat(Scopes.variableName(StaticJavaParser.parseExpression("this.count")))
                .contains("count");
        assertThat(Scopes.variableName(StaticJavaParser.parseExpression("other.count")))
                .isEmpty();
        assertThat(Scopes.variableName(StaticJavaParser.parseExpression("(count)")))
                .isEmpty();
        assertThat(Scopes.variableName(StaticJavaParser.parseExpression("count()")))
                .isEmpty();
        assertThat(Scopes.variableName(StaticJavaParser.parseExpression("items[0]")))
                .isEmpty();
    }

    @Test
    void tellsLocalsFromFields() {
        CompilationUnit unit = parse("""
                class C {
                    int field;
                    void m(int param) { int local = 0; use0(field); use1(param); use2(local); use3(unknown); }
                }
                """);
        assertThat(Scopes.isLocal(use(unit, "use0"))).isFalse();
        assertThat(Scopes.isLocal(use(unit, "use1"))).isTrue();
        assertThat(Scopes.isLocal(use(unit, "use2"))).isTrue();
        assertThat(Scopes.isLocal(use(unit, "use3"))).isFalse();
    }

    @Test
    void tellsWhetherALocalIsReassigned() {
        CompilationUnit unit = parse("""
                class C {
                    void m(int param) {
                        int fixed = 1;
                        int assigned = 1;
                        int incremented = 1;
                        int compound = 1;
                        { int reused = 0; reused = 3; }
                        int reused = 1;
                        use0(fixed); use1(assigned); use2(incremented); use3(compound); use4(reused); use5(param);
                        assigned = 2;
                        --incremented;
                        compound *= 2;
                    }
                }
                """);
        assertThat(reassigned(unit, "use0")).isFalse();
        assertThat(reassigned(unit, "use1")).isTrue();
        assertThat(reassigned(unit, "use2")).isTrue();
        assertThat(reassigned(unit, "use3")).isTrue();
        // Another variable of the same name is assigned: the check goes by name and says yes, the safe side.
        assertThat(reassigned(unit, "use4")).isTrue();
        assertThat(reassigned(unit, "use5")).isFalse();
    }

    private static boolean reassigned(CompilationUnit unit, String call) {
        return !Scopes.isNeverReassigned(declarationAt(unit, call).orElseThrow(), null);
    }

    @Test
    void tellsWhetherALocalIsReassignedWithinARegion() {
        CompilationUnit unit = parse("""
                class C {
                    void m() {
                        int cursor = 0;
                        cursor = 1;
                        for (int i = 0; i < 3; i++) { use0(cursor); }
                    }
                }
                """);
        Scopes.Declaration cursor = declarationAt(unit, "use0").orElseThrow();
        ForStmt loop = unit.findFirst(ForStmt.class).orElseThrow();
        assertThat(Scopes.isNeverReassigned(cursor, loop)).isTrue();
        assertThat(Scopes.isNeverReassigned(cursor, loop.getParentNode().orElseThrow()))
                .isFalse();
        assertThat(Scopes.isAssignedIn(loop, "i")).isTrue();
        assertThat(Scopes.isAssignedIn(loop, "cursor")).isFalse();
    }

    @Test
    void aLocalOutsideAnyMethodIsNotKnownToStay() {
        // Locals of initializer blocks have no callable to search: the answer is the safe one.
        CompilationUnit unit = parse("""
                class C {
                    static { int once = 1; use0(once); }
                }
                """);
        assertThat(Scopes.isNeverReassigned(declarationAt(unit, "use0").orElseThrow(), null))
                .isFalse();
    }

    @Test
    void tellsIncrementsAndDecrements() {
        MethodDeclaration method = parse("class C { void m(int a) { a++; ++a; a--; --a; use(-a, !b, ~a, +a); } }")
                .findFirst(MethodDeclaration.class)
                .orElseThrow();
        assertThat(method.findAll(UnaryExpr.class))
                .map(Scopes::isIncrementOrDecrement)
                .containsExactly(true, true, true, true, false, false, false, false);
    }

    @Test
    void declarationsAreFoundFromAnyNode() {
        CompilationUnit unit = parse("""
                class C {
                    String label = "x";
                    void m() { String local = ""; use0(local.trim()); }
                }
                """);
        Node call = unit.findFirst(
                        MethodCallExpr.class, c -> c.getNameAsString().equals("use0"))
                .orElseThrow();
        assertThat(Scopes.declarationOf(call, "local").map(Scopes.Declaration::field))
                .contains(false);
        assertThat(Scopes.declarationOf(call, "label").map(Scopes.Declaration::field))
                .contains(true);
        assertThat(Scopes.declarationOf(call, "missing")).isEmpty();
    }
}
