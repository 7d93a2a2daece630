package org.ecobugs.rules.java;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.Map;
import java.util.TreeMap;
import org.ecobugs.rules.engine.JavaParsers;
import org.junit.jupiter.api.Test;

class RepetitionTest {

    /** Whether each call named {@code lookN} in the code runs repeatedly, by name. */
    private static Map<String, Boolean> repeatedLooks(String body) {
        CompilationUnit unit = JavaParsers.create(17)
                .parse("class C { Object m(java.util.List<String> items, java.util.List<String> others) {\n" + body
                        + "\n return null; } }")
                .getResult()
                .orElseThrow();
        Map<String, Boolean> repeated = new TreeMap<>();
        for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
            if (call.getNameAsString().startsWith("look")) {
                repeated.put(call.getNameAsString(), Repetition.isRepeated(call));
            }
        }
        return repeated;
    }

    @Test
    void codeInTheBodyOfALoopRepeats() {
        assertThat(repeatedLooks("""
                        for (String item : look0()) { look1(item); }
                        while (look2()) { look3(); }
                        items.forEach(i -> look4(i));
                        """))
                .isEqualTo(Map.of("look0", false, "look1", true, "look2", true, "look3", true, "look4", true));
    }

    @Test
    void codeFollowedByReturnThrowOrBreakRunsOncePerPass() {
        assertThat(repeatedLooks("""
                        for (String item : items) {
                            if (item.isEmpty()) { return look0(item); }
                        }
                        for (String item : items) {
                            if (item.isEmpty()) { Object found = look1(item); break; }
                        }
                        for (String item : items) {
                            if (item.isEmpty()) { look2(item); throw new IllegalStateException(); }
                        }
                        for (String item : items) {
                            look3(item);
                            return null;
                        }
                        """))
                .isEqualTo(Map.of("look0", false, "look1", false, "look2", false, "look3", false));
    }

    @Test
    void aConditionalExitOrAContinueBeforeTheExitStillRepeats() {
        assertThat(repeatedLooks("""
                        for (String item : items) {
                            Object found = look0(item);
                            if (found != null) { return found; }
                        }
                        for (String item : items) {
                            Object found = look1(item);
                            if (found == null) { continue; }
                            return found;
                        }
                        for (String item : items) {
                            if (look2(item)) { return item; }
                        }
                        """)).isEqualTo(Map.of("look0", true, "look1", true, "look2", true));
    }

    @Test
    void aBreakLeavesOnlyItsOwnLoopOrSwitch() {
        assertThat(repeatedLooks("""
                        for (String item : items) {
                            for (String other : others) {
                                if (other.equals(item)) { look0(other); break; }
                            }
                        }
                        outer:
                        for (String item : items) {
                            for (String other : others) {
                                if (other.equals(item)) { look1(other); break outer; }
                            }
                        }
                        for (String item : items) {
                            switch (item) {
                                case "a": look2(item); break;
                                default: look3(item); return null;
                            }
                        }
                        """)).isEqualTo(Map.of("look0", true, "look1", false, "look2", true, "look3", false));
    }

    @Test
    void aThrowCaughtInsideTheLoopOrAReturnInAPerElementLambdaStillRepeats() {
        assertThat(repeatedLooks("""
                        for (String item : items) {
                            try { look0(item); throw new IllegalStateException(); } catch (RuntimeException e) { }
                        }
                        items.forEach(i -> { look1(i); return; });
                        """)).isEqualTo(Map.of("look0", true, "look1", true));
    }
}
