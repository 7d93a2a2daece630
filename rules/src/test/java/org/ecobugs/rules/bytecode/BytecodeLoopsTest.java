package org.ecobugs.rules.bytecode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

class BytecodeLoopsTest {

    private static final String SOURCE = """
            import java.util.List;

            class Sample {
                enum Kind { A, B, C }

                static void work0() {}
                static void work1() {}
                static void work2() {}
                static void work3() {}
                static boolean test() { return true; }

                void straight(int k) {
                    if (test()) { work0(); } else { work1(); }
                    switch (k) { case 1: work2(); break; default: work3(); }
                    try { work0(); } catch (RuntimeException e) { work1(); }
                }

                void whileLoop(int n) { int i = 0; while (i < n) { work0(); i++; } work1(); }
                void doLoop() { do { work0(); } while (test()); work1(); }
                void forEachArray(String[] names) { for (String s : names) { work0(); } work1(); }
                void forEachList(List<String> items) { for (String s : items) { work0(); } work1(); }
                void infinite() { while (true) { work0(); } }

                void nested(int n) {
                    for (int i = 0; i < n; i++) {
                        work0();
                        for (int j = 0; j < n; j++) { work1(); }
                        work2();
                    }
                    work3();
                }

                void siblings(int n) {
                    for (int i = 0; i < n; i++) { work0(); }
                    work1();
                    for (int i = 0; i < n; i++) { work2(); }
                }

                void breakOut() { while (true) { if (test()) { break; } work0(); } work1(); }
                int returnOut(int[] values) { for (int v : values) { if (v > 0) { return v; } } return -1; }
                void throwOut() { while (true) { if (test()) { throw new IllegalStateException(); } work0(); } }

                void nestedBreak(int n) {
                    while (true) {
                        for (int i = 0; i < n; i++) { if (test()) { break; } }
                        work0();
                    }
                }

                void continueOuter(int n) {
                    outer:
                    while (true) {
                        for (int i = 0; i < n; i++) { if (test()) { continue outer; } work0(); }
                        work1();
                    }
                }

                void firstMatch(List<String> items) {
                    for (String s : items) {
                        if (s.isEmpty()) { work0(); return; }
                        work1();
                    }
                }

                void firstBreak(List<String> items) {
                    for (String s : items) {
                        if (s.isEmpty()) { work0(); break; }
                        work1();
                    }
                }

                void skipping(List<String> items) {
                    for (String s : items) {
                        if (s.isEmpty()) { work0(); continue; }
                        work1();
                    }
                }

                void caught(List<String> items) {
                    for (String s : items) {
                        try { work0(); return; } catch (RuntimeException e) { work1(); }
                    }
                }

                void countedUp() { for (int i = 0; i < 8; i++) { work0(); } }
                void countedLong() { for (int i = 0; i < 1000; i++) { work0(); } }
                void countedDown() { for (int i = 10; i > 0; i--) { work0(); } }
                void countedByWhile() { int i = 0; while (i < 8) { work0(); i += 2; } }
                void toParameter(int n) { for (int i = 0; i < n; i++) { work0(); } }
                void fromParameter(int n) { for (int i = n; i < 8; i++) { work0(); } }
                void doubling() { for (int i = 1; i < 8; i = i * 2) { work0(); } }
                void overEnum() { for (Kind k : Kind.values()) { work0(); } }
                void overWrittenArray() { for (String s : new String[] {"a", "b"}) { work0(); } }
                void overSizedArray() { for (String s : new String[4]) { work0(); } }
                void overParameter(String[] names) { for (String s : names) { work0(); } }
                void overList(List<String> items) { for (String s : items) { work0(); } }
                void untilFlag() { while (test()) { work0(); } }
            }
            """;

    private static ClassNode sample;

    @BeforeAll
    static void compile(@TempDir Path temp) throws IOException {
        Path source = temp.resolve("Sample.java");
        Files.writeString(source, SOURCE);
        int status =
                ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", temp.toString(), source.toString());
        assertThat(status).isZero();
        sample = new ClassNode();
        new ClassReader(Files.readAllBytes(temp.resolve("Sample.class"))).accept(sample, 0);
    }

    private static MethodNode method(String name) {
        return sample.methods.stream()
                .filter(m -> m.name.equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static List<BytecodeLoops.Loop> loops(String method) {
        return BytecodeLoops.of(method(method).instructions);
    }

    /** The index of the (only) call of {@code callee} in the method. */
    private static int call(String method, String callee) {
        InsnList instructions = method(method).instructions;
        List<Integer> calls = new java.util.ArrayList<>();
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i) instanceof MethodInsnNode insn && insn.name.equals(callee)) {
                calls.add(i);
            }
        }
        assertThat(calls).hasSize(1);
        return calls.get(0);
    }

    private static BytecodeLoops.Loop onlyLoop(String method) {
        List<BytecodeLoops.Loop> loops = loops(method);
        assertThat(loops).hasSize(1);
        return loops.get(0);
    }

    private static List<AbstractInsnNode> exits(String method, BytecodeLoops.Loop loop) {
        return BytecodeLoops.exits(method(method).instructions, loop);
    }

    private static List<Integer> opcodes(List<AbstractInsnNode> instructions) {
        return instructions.stream().map(AbstractInsnNode::getOpcode).toList();
    }

    private static boolean repeats(String method, String callee) {
        BytecodeLoops.Loop loop = onlyLoop(method);
        int index = call(method, callee);
        assertThat(loop.contains(index)).isTrue();
        return BytecodeLoops.repeats(method(method), loop, index);
    }

    private static boolean bounded(String method, long maxIterations) throws AnalyzerException {
        MethodNode node = method(method);
        Frame<SourceValue>[] frames = new Analyzer<>(new SourceInterpreter()).analyze(sample.name, node);
        return BytecodeLoops.isBoundedByConstant(node.instructions, onlyLoop(method), frames, maxIterations);
    }

    @Test
    void straightCodeHasNoLoop() {
        assertThat(loops("straight")).isEmpty();
    }

    @Test
    void everyKindOfLoopIsABackwardJump() {
        for (String method : List.of("whileLoop", "doLoop", "forEachArray", "forEachList", "infinite")) {
            BytecodeLoops.Loop loop = onlyLoop(method);
            InsnList instructions = method(method).instructions;
            assertThat(loop.contains(call(method, "work0"))).as(method).isTrue();
            assertThat(instructions.get(loop.end())).as(method).isInstanceOf(JumpInsnNode.class);
            assertThat(instructions.indexOf(((JumpInsnNode) instructions.get(loop.end())).label))
                    .as(method)
                    .isEqualTo(loop.head());
            assertThat(loop.size()).isEqualTo(loop.end() - loop.head());
            if (!method.equals("infinite")) {
                assertThat(loop.contains(call(method, "work1"))).as(method).isFalse();
            }
        }
    }

    @Test
    void nestedLoopsComeInnermostFirst() {
        List<BytecodeLoops.Loop> loops = loops("nested");
        assertThat(loops).hasSize(2);
        BytecodeLoops.Loop inner = loops.get(0);
        BytecodeLoops.Loop outer = loops.get(1);
        assertThat(outer.head()).isLessThan(inner.head());
        assertThat(outer.end()).isGreaterThan(inner.end());

        assertThat(BytecodeLoops.innermost(loops, call("nested", "work1"))).contains(inner);
        assertThat(BytecodeLoops.innermost(loops, call("nested", "work0"))).contains(outer);
        assertThat(BytecodeLoops.innermost(loops, call("nested", "work2"))).contains(outer);
        assertThat(BytecodeLoops.innermost(loops, call("nested", "work3"))).isEmpty();

        assertThat(BytecodeLoops.enclosing(loops, call("nested", "work1"))).containsExactly(inner, outer);
        assertThat(BytecodeLoops.enclosing(loops, call("nested", "work0"))).containsExactly(outer);
        assertThat(BytecodeLoops.enclosing(loops, call("nested", "work3"))).isEmpty();
    }

    @Test
    void siblingLoopsDoNotHoldEachOther() {
        List<BytecodeLoops.Loop> loops = loops("siblings");
        assertThat(loops).hasSize(2);
        assertThat(BytecodeLoops.enclosing(loops, call("siblings", "work0"))).hasSize(1);
        assertThat(BytecodeLoops.enclosing(loops, call("siblings", "work2"))).hasSize(1);
        assertThat(BytecodeLoops.innermost(loops, call("siblings", "work0")))
                .isNotEqualTo(BytecodeLoops.innermost(loops, call("siblings", "work2")));
        assertThat(BytecodeLoops.enclosing(loops, call("siblings", "work1"))).isEmpty();
    }

    @Test
    void aFailingConditionLeavesTheLoop() {
        BytecodeLoops.Loop loop = onlyLoop("whileLoop");
        List<AbstractInsnNode> exits = exits("whileLoop", loop);
        assertThat(exits).hasSize(1);
        assertThat(exits.get(0).getOpcode()).isEqualTo(Opcodes.IF_ICMPGE);
        assertLeaves("whileLoop", loop, exits.get(0));
    }

    @Test
    void anEndlessLoopHasNoExit() {
        assertThat(exits("infinite", onlyLoop("infinite"))).isEmpty();
    }

    @Test
    void breakReturnAndThrowLeaveTheLoop() {
        BytecodeLoops.Loop breakLoop = onlyLoop("breakOut");
        List<AbstractInsnNode> breaks = exits("breakOut", breakLoop);
        assertThat(breaks).hasSize(1);
        assertLeaves("breakOut", breakLoop, breaks.get(0));

        // The loop's condition, then the return of the element found.
        assertThat(opcodes(exits("returnOut", onlyLoop("returnOut"))))
                .containsExactly(Opcodes.IF_ICMPGE, Opcodes.IRETURN);

        assertThat(opcodes(exits("throwOut", onlyLoop("throwOut")))).containsExactly(Opcodes.ATHROW);
    }

    @Test
    void aBreakOfAnInnerLoopDoesNotLeaveTheOuterOne() {
        List<BytecodeLoops.Loop> loops = loops("nestedBreak");
        assertThat(loops).hasSize(2);
        assertThat(exits("nestedBreak", loops.get(0))).isNotEmpty();
        assertThat(exits("nestedBreak", loops.get(1))).isEmpty();
    }

    @Test
    void aContinueOfTheOuterLoopLeavesTheInnerOneOnly() {
        List<BytecodeLoops.Loop> loops = loops("continueOuter");
        assertThat(loops).hasSize(2);
        BytecodeLoops.Loop inner = loops.get(0);
        List<AbstractInsnNode> innerExits = exits("continueOuter", inner);
        // Its condition and the jump back to the outer loop's head.
        assertThat(innerExits).hasSize(2);
        InsnList instructions = method("continueOuter").instructions;
        assertThat(innerExits)
                .anySatisfy(jump -> assertThat(instructions.indexOf(((JumpInsnNode) jump).label))
                        .isEqualTo(loops.get(1).head()));
        assertThat(exits("continueOuter", loops.get(1))).isEmpty();
    }

    @Test
    void aSwitchCaseOutsideTheLoopLeavesIt() {
        // head: switch (local 1) { case 0: after; default: back to head }
        InsnList instructions = new InsnList();
        LabelNode head = new LabelNode();
        LabelNode stay = new LabelNode();
        LabelNode after = new LabelNode();
        instructions.add(head);
        instructions.add(new VarInsnNode(Opcodes.ILOAD, 1));
        instructions.add(new LookupSwitchInsnNode(stay, new int[] {0}, new LabelNode[] {after}));
        instructions.add(stay);
        instructions.add(new JumpInsnNode(Opcodes.GOTO, head));
        instructions.add(after);
        instructions.add(new InsnNode(Opcodes.RETURN));
        BytecodeLoops.Loop loop = BytecodeLoops.of(instructions).get(0);
        assertThat(loop).isEqualTo(new BytecodeLoops.Loop(0, 4));
        assertThat(BytecodeLoops.exits(instructions, loop)).singleElement().isInstanceOf(LookupSwitchInsnNode.class);

        // Every case in the loop: no exit.
        InsnList staying = new InsnList();
        LabelNode top = new LabelNode();
        LabelNode other = new LabelNode();
        staying.add(top);
        staying.add(new VarInsnNode(Opcodes.ILOAD, 1));
        staying.add(new LookupSwitchInsnNode(other, new int[] {0}, new LabelNode[] {other}));
        staying.add(other);
        staying.add(new JumpInsnNode(Opcodes.GOTO, top));
        assertThat(BytecodeLoops.exits(staying, BytecodeLoops.of(staying).get(0)))
                .isEmpty();
    }

    private static void assertLeaves(String method, BytecodeLoops.Loop loop, AbstractInsnNode exit) {
        assertThat(exit).isInstanceOf(JumpInsnNode.class);
        assertThat(loop.contains(method(method).instructions.indexOf(((JumpInsnNode) exit).label)))
                .isFalse();
    }

    @Test
    void codeFollowedByAReturnOrBreakRunsOncePerLoop() {
        assertThat(repeats("firstMatch", "work0")).isFalse();
        assertThat(repeats("firstMatch", "work1")).isTrue();
        assertThat(repeats("firstBreak", "work0")).isFalse();
        assertThat(repeats("firstBreak", "work1")).isTrue();
    }

    @Test
    void codeFollowedByAContinueRepeats() {
        assertThat(repeats("skipping", "work0")).isTrue();
        assertThat(repeats("skipping", "work1")).isTrue();
    }

    @Test
    void aReturnInATryRepeatsWhenItsHandlerStaysInTheLoop() {
        // work0() may throw: the handler in the loop then goes on with the next element.
        assertThat(repeats("caught", "work0")).isTrue();
        assertThat(repeats("caught", "work1")).isTrue();
    }

    @Test
    void theHeadRepeatsAndCodeOutsideTheLoopDoesNot() {
        MethodNode method = method("firstMatch");
        BytecodeLoops.Loop loop = onlyLoop("firstMatch");
        assertThat(BytecodeLoops.repeats(method, loop, loop.head())).isTrue();
        assertThat(BytecodeLoops.repeats(method, loop, loop.head() - 1)).isFalse();
        assertThat(BytecodeLoops.repeats(method, loop, loop.end() + 1)).isFalse();
    }

    @Test
    void isBoundedByCountersBetweenConstants() throws AnalyzerException {
        assertThat(bounded("countedUp", 100)).isTrue();
        assertThat(bounded("countedUp", 7)).isFalse();
        assertThat(bounded("countedUp", 8)).isTrue();
        assertThat(bounded("countedLong", 100)).isFalse();
        assertThat(bounded("countedLong", 1000)).isTrue();
        assertThat(bounded("countedDown", 100)).isTrue();
        assertThat(bounded("countedByWhile", 100)).isTrue();
    }

    @Test
    void isBoundedByEnumValuesAndArraysOfAConstantLength() throws AnalyzerException {
        assertThat(bounded("overEnum", 100)).isTrue();
        assertThat(bounded("overWrittenArray", 100)).isTrue();
        assertThat(bounded("overSizedArray", 100)).isTrue();
    }

    @Test
    void isNotBoundedByWhatTheInputDecides() throws AnalyzerException {
        assertThat(bounded("toParameter", 100)).isFalse();
        assertThat(bounded("fromParameter", 100)).isFalse();
        // A counter the loop computes, not only increments, may take any value.
        assertThat(bounded("doubling", 100)).isFalse();
        assertThat(bounded("overParameter", 100)).isFalse();
        assertThat(bounded("overList", 100)).isFalse();
        assertThat(bounded("untilFlag", 100)).isFalse();
        assertThat(bounded("infinite", 100)).isFalse();
    }

    @Test
    void aLoopContainsItsHeadAndEnd() {
        BytecodeLoops.Loop loop = new BytecodeLoops.Loop(3, 9);
        assertThat(loop.contains(3)).isTrue();
        assertThat(loop.contains(9)).isTrue();
        assertThat(loop.contains(2)).isFalse();
        assertThat(loop.contains(10)).isFalse();
        assertThat(loop.size()).isEqualTo(6);
    }
}
