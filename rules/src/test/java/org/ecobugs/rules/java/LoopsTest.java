package org.ecobugs.rules.java;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.List;
import org.ecobugs.rules.engine.JavaParsers;
import org.junit.jupiter.api.Test;

class LoopsTest {

    /** The code's loops in the order they start, with a folder for the file. */
    private record Parsed(List<Statement> loops, ConstantFolder constants) {

        Statement loop(int index) {
            return loops.get(index);
        }

        /** The text of each exit of a loop, as written. */
        List<String> exits(int index) {
            return Loops.exits(loop(index)).stream().map(Node::toString).toList();
        }

        boolean bounded(int index) {
            return Loops.isBoundedByConstant(loop(index), constants, 100);
        }
    }

    private static Parsed parse(String body) {
        return parseFile("""
                import java.util.*;
                class C {
                    static final boolean RUNNING = true;
                    static final int SIZE = 8;
                    enum Kind { A, B }
                    static final Map<String, String> REGISTRY = new HashMap<>();
                    void m(List<String> items, int n, boolean flag, String[] names) throws Exception {
                """ + body + "\n}\n}");
    }

    private static Parsed parseFile(String code) {
        CompilationUnit unit = JavaParsers.create(17).parse(code).getResult().orElseThrow();
        List<Statement> loops = unit.findAll(Statement.class, Loops::isLoop);
        return new Parsed(loops, new ConstantFolder(new JavaNames(unit, KnownTypes.jdkOnly())));
    }

    @Test
    void tellsLoopsFromOtherStatements() {
        Parsed parsed = parse("""
                while (flag) {}
                do {} while (flag);
                for (;;) {}
                for (String item : items) {}
                if (flag) {}
                switch (n) { default: }
                """);
        assertThat(parsed.loops())
                .map(s -> (Object) s.getClass())
                .containsExactly(WhileStmt.class, DoStmt.class, ForStmt.class, ForEachStmt.class);
    }

    @Test
    void readsConditionAndBodyOfEveryKindOfLoop() {
        Parsed parsed = parse("""
                while (n > 0) { work0(); }
                do work1(); while (flag);
                for (int i = 0; i < n; i++) { work2(); }
                for (;;) work3();
                for (String item : items) { work4(item); }
                """);
        assertThat(parsed.loops())
                .map(loop -> Loops.condition(loop).map(Node::toString).orElse(""))
                .containsExactly("n > 0", "flag", "i < n", "", "");
        assertThat(parsed.loops())
                .map(loop -> Loops.statements(Loops.body(loop)).stream()
                        .map(Node::toString)
                        .toList())
                .containsExactly(
                        List.of("work0();"),
                        List.of("work1();"),
                        List.of("work2();"),
                        List.of("work3();"),
                        List.of("work4(item);"));
    }

    @Test
    void anchorsFindingsOnTheConditionOrTheLoop() {
        Parsed parsed = parse("""
                while (flag) {}
                for (;;) {}
                for (String item : items) {}
                """);
        assertThat(Loops.anchor(parsed.loop(0)).toString()).isEqualTo("flag");
        assertThat(Loops.anchor(parsed.loop(1))).isSameAs(parsed.loop(1));
        assertThat(Loops.anchor(parsed.loop(2))).isSameAs(parsed.loop(2));
    }

    @Test
    void repeatsTheConditionUpdateAndBodyButNotTheInitialization() {
        Parsed parsed = parse("""
                for (int i = start(); i < n; i++, step()) { work(); }
                for (String item : items()) { work(); }
                while (flag) { work(); }
                """);
        assertThat(Loops.repeatedParts(parsed.loop(0)))
                .map(Node::toString)
                .containsExactly("i < n", "i++", "step()", "{\n    work();\n}");
        assertThat(Loops.repeatedParts(parsed.loop(1))).containsExactly(Loops.body(parsed.loop(1)));
        assertThat(Loops.repeatedParts(parsed.loop(2))).containsExactly(parsed.loop(2));
    }

    @Test
    void runsForeverWithoutAConditionOrWithAConstantlyTrueOne() {
        Parsed parsed = parse("""
                while (true) {}
                for (;;) {}
                do {} while (true);
                while (RUNNING) {}
                while (!false) {}
                while (flag) {}
                while (false) {}
                for (int i = 0; ; i++) {}
                for (String item : items) {}
                while (n > 0) {}
                """);
        assertThat(parsed.loops())
                .map(loop -> Loops.runsForever(loop, parsed.constants()))
                .containsExactly(true, true, true, true, true, false, false, true, false, false);
    }

    @Test
    void returnThrowAndSystemExitLeaveTheLoop() {
        Parsed parsed = parse("""
                while (true) {
                    if (flag) { return; }
                    if (n > 1) { throw new IllegalStateException(); }
                    if (n > 2) { System.exit(1); }
                    work();
                }
                """);
        assertThat(parsed.exits(0)).containsExactly("return;", "throw new IllegalStateException();", "System.exit(1)");
        assertThat(Loops.hasExit(parsed.loop(0))).isTrue();
    }

    @Test
    void systemExitWrittenInFullLeavesTheLoop() {
        Parsed parsed = parse("""
                while (true) { if (flag) { java.lang.System.exit(2); } }
                """);
        assertThat(parsed.exits(0)).containsExactly("java.lang.System.exit(2)");
    }

    @Test
    void aLoopWithoutExitsHasNone() {
        Parsed parsed = parse("""
                while (true) {
                    work();
                    if (flag) { continue; }
                    exit(1);
                    Runtime.getRuntime().gc();
                    other.exit();
                }
                """);
        assertThat(parsed.exits(0)).isEmpty();
        assertThat(Loops.hasExit(parsed.loop(0))).isFalse();
    }

    @Test
    void breaksOfThisLoopLeaveItButBreaksOfNestedLoopsAndSwitchesDoNot() {
        Parsed parsed = parse("""
                while (true) {
                    for (String item : items) {
                        if (item.isEmpty()) { break; }
                    }
                    switch (n) {
                        case 1: work(); break;
                        default: break;
                    }
                    do { break; } while (flag);
                    if (flag) { break; }
                }
                """);
        List<Node> exits = Loops.exits(parsed.loop(0));
        assertThat(exits).hasSize(1);
        assertThat(exits.get(0)
                        .findAncestor(IfStmt.class)
                        .map(i -> i.getCondition().toString()))
                .contains("flag");
        // The nested loops' own breaks leave them.
        assertThat(parsed.exits(1)).containsExactly("break;");
        assertThat(parsed.exits(2)).containsExactly("break;");
    }

    @Test
    void labelledBreaksAndContinuesOfOuterStatementsLeaveTheLoop() {
        Parsed parsed = parse("""
                outer:
                for (String item : items) {
                    inner:
                    while (true) {
                        if (item.isEmpty()) { continue outer; }
                        if (item.length() > 3) { break outer; }
                        if (flag) { continue inner; }
                        block: { if (n > 0) { break block; } }
                        if (n > 5) { break inner; }
                    }
                }
                """);
        // The outer loop: continuing itself is not leaving it.
        assertThat(parsed.exits(0)).containsExactly("break outer;");
        // The inner loop: jumps to the outer loop leave it, and so does a break of its own label.
        assertThat(parsed.exits(1)).containsExactly("continue outer;", "break outer;", "break inner;");
    }

    @Test
    void codeInLambdasAndClassesDoesNotLeaveTheLoop() {
        Parsed parsed = parse("""
                while (true) {
                    items.forEach(item -> { if (item.isEmpty()) { return; } });
                    Runnable task = new Runnable() {
                        public void run() { throw new IllegalStateException(); }
                    };
                    class Local { int get() { return 1; } }
                    java.util.function.Supplier<Integer> s = () -> { throw new IllegalStateException(); };
                    work(task, s);
                }
                """);
        assertThat(parsed.exits(0)).isEmpty();
    }

    @Test
    void argumentsOfAnAnonymousClassRunInTheLoop() {
        Parsed parsed = parse("""
                while (true) {
                    new Thread(switch (n) { case 1 -> throw new IllegalStateException(); default -> "t"; }) {
                        public void run() { return; }
                    };
                    Object o = new Object() { int x = fail(); };
                }
                """);
        assertThat(parsed.exits(0)).containsExactly("throw new IllegalStateException();");
    }

    @Test
    void aReturnInAnArrowCaseLeavesTheLoop() {
        Parsed parsed = parse("""
                while (true) {
                    switch (n) { case 1 -> { return; } default -> work(); }
                }
                """);
        assertThat(parsed.exits(0)).containsExactly("return;");
    }

    @Test
    void isBoundedByCountedForLoopsBetweenConstants() {
        Parsed parsed = parse("""
                for (int i = 0; i < 8; i++) {}
                for (int i = 0; i <= SIZE * 2; i++) {}
                for (int i = 10; i > 0; i--) {}
                for (int i = 0; 8 > i; i++) {}
                for (int i = 0; i < 8 && flag; i++) {}
                for (int i = 0; i < 1000; i++) {}
                for (int i = 0; i < n; i++) {}
                for (int i = n; i < 8; i++) {}
                for (int i = 0, j = 0; i < 8; i++) {}
                for (int i = 0; i < 8 || flag; i++) {}
                for (int i = 0; i != 8; i++) {}
                for (int i = 0; j < 8; i++) {}
                for (;;) {}
                while (n < 8) {}
                """);
        assertThat(parsed.loops())
                .map(loop -> Loops.isBoundedByConstant(loop, parsed.constants(), 100))
                .containsExactly(
                        true, true, true, true, true, false, false, false, false, false, false, false, false, false);
        // The limit is inclusive.
        assertThat(Loops.isBoundedByConstant(parsed.loop(5), parsed.constants(), 1000))
                .isTrue();
    }

    @Test
    void isBoundedByEnumValuesAndArraysWrittenInTheCode() {
        Parsed parsed = parse("""
                for (Kind kind : Kind.values()) {}
                for (Kind kind : C.Kind.values()) {}
                for (String s : new String[] {"a", "b"}) {}
                String[] fixed = {"a", "b"};
                for (String s : fixed) {}
                for (String s : names) {}
                for (String s : items) {}
                for (String s : new String[n]) {}
                String[] changed = {"a"};
                changed = names;
                for (String s : changed) {}
                for (String s : values()) {}
                for (String s : Kind.values(n)) {}
                """);
        assertThat(parsed.loops())
                .map(loop -> Loops.isBoundedByConstant(loop, parsed.constants(), 100))
                .containsExactly(true, true, true, true, false, false, false, false, false, false);
    }

    @Test
    void theValuesOfAConstantMapAreNotAnEnumsValues() {
        // REGISTRY.values() reads like Kind.values(), but REGISTRY is a field: its size is not fixed by the code.
        Parsed parsed = parse("""
                for (String s : REGISTRY.values()) {}
                for (String s : this.REGISTRY.values()) {}
                Map<String, String> LOCAL = new HashMap<>();
                for (String s : LOCAL.values()) {}
                """);
        assertThat(parsed.loops())
                .map(loop -> Loops.isBoundedByConstant(loop, parsed.constants(), 100))
                .containsExactly(false, false, false);
    }

    @Test
    void theKeywordsOfLoops() {
        assertThat(Loops.KEYWORDS).containsExactlyInAnyOrder("for", "while");
    }
}
