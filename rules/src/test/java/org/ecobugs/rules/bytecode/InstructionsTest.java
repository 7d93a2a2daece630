package org.ecobugs.rules.bytecode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

class InstructionsTest {

    /** The instructions in a list of their own, so that they have neighbours. */
    private static AbstractInsnNode[] list(AbstractInsnNode... instructions) {
        InsnList list = new InsnList();
        for (AbstractInsnNode instruction : instructions) {
            list.add(instruction);
        }
        return instructions;
    }

    @Test
    void tellsRealInstructionsFromLabelsLinesAndFrames() {
        LabelNode label = new LabelNode();
        assertThat(Instructions.isReal(new InsnNode(Opcodes.NOP))).isTrue();
        assertThat(Instructions.isReal(new VarInsnNode(Opcodes.ILOAD, 1))).isTrue();
        assertThat(Instructions.isReal(label)).isFalse();
        assertThat(Instructions.isReal(new LineNumberNode(3, label))).isFalse();
        assertThat(Instructions.isReal(new FrameNode(Opcodes.F_SAME, 0, null, 0, null)))
                .isFalse();
    }

    @Test
    void stepsOverLabelsLinesAndFrames() {
        LabelNode label = new LabelNode();
        AbstractInsnNode[] insns = list(
                new InsnNode(Opcodes.ICONST_1),
                label,
                new LineNumberNode(7, label),
                new FrameNode(Opcodes.F_SAME, 0, null, 0, null),
                new InsnNode(Opcodes.IRETURN));
        assertThat(Instructions.nextReal(insns[0])).isSameAs(insns[4]);
        assertThat(Instructions.previousReal(insns[4])).isSameAs(insns[0]);
        assertThat(Instructions.nextReal(insns[4])).isNull();
        assertThat(Instructions.previousReal(insns[0])).isNull();
        assertThat(Instructions.previousReal(insns[2])).isSameAs(insns[0]);
    }

    @Test
    void readsIntegralConstantsOfEveryEncoding() {
        assertThat(Instructions.integerConstant(new InsnNode(Opcodes.ICONST_M1)))
                .hasValue(-1);
        assertThat(Instructions.integerConstant(new InsnNode(Opcodes.ICONST_0))).hasValue(0);
        assertThat(Instructions.integerConstant(new InsnNode(Opcodes.ICONST_5))).hasValue(5);
        assertThat(Instructions.integerConstant(new InsnNode(Opcodes.LCONST_0))).hasValue(0);
        assertThat(Instructions.integerConstant(new InsnNode(Opcodes.LCONST_1))).hasValue(1);
        assertThat(Instructions.integerConstant(new IntInsnNode(Opcodes.BIPUSH, -100)))
                .hasValue(-100);
        assertThat(Instructions.integerConstant(new IntInsnNode(Opcodes.SIPUSH, 30_000)))
                .hasValue(30_000);
        assertThat(Instructions.integerConstant(new LdcInsnNode(86_400_000))).hasValue(86_400_000);
        assertThat(Instructions.integerConstant(new LdcInsnNode(5_000_000_000L)))
                .hasValue(5_000_000_000L);
    }

    @Test
    void readsAnIntConstantWidenedToLong() {
        AbstractInsnNode[] insns =
                list(new IntInsnNode(Opcodes.BIPUSH, 60), new LabelNode(), new InsnNode(Opcodes.I2L));
        assertThat(Instructions.integerConstant(insns[2])).hasValue(60);
        AbstractInsnNode[] widenedVariable = list(new VarInsnNode(Opcodes.ILOAD, 1), new InsnNode(Opcodes.I2L));
        assertThat(Instructions.integerConstant(widenedVariable[1])).isEmpty();
        // An I2L with nothing before it pushes nothing known.
        assertThat(Instructions.integerConstant(list(new InsnNode(Opcodes.I2L))[0]))
                .isEmpty();
    }

    @Test
    void readsNoIntegerFromOtherInstructions() {
        assertThat(Instructions.integerConstant(null)).isEmpty();
        assertThat(Instructions.integerConstant(new LdcInsnNode("5"))).isEmpty();
        assertThat(Instructions.integerConstant(new LdcInsnNode(1.5))).isEmpty();
        assertThat(Instructions.integerConstant(new LdcInsnNode(2.0f))).isEmpty();
        assertThat(Instructions.integerConstant(new InsnNode(Opcodes.FCONST_1))).isEmpty();
        assertThat(Instructions.integerConstant(new InsnNode(Opcodes.DCONST_1))).isEmpty();
        assertThat(Instructions.integerConstant(new InsnNode(Opcodes.ACONST_NULL)))
                .isEmpty();
        assertThat(Instructions.integerConstant(new IntInsnNode(Opcodes.NEWARRAY, Opcodes.T_INT)))
                .isEmpty();
        assertThat(Instructions.integerConstant(new VarInsnNode(Opcodes.ILOAD, 0)))
                .isEmpty();
        assertThat(Instructions.integerConstant(new LabelNode())).isEmpty();
    }

    @Test
    void tellsPushesOfTrue() {
        assertThat(Instructions.pushesTrue(new InsnNode(Opcodes.ICONST_1))).isTrue();
        assertThat(Instructions.pushesTrue(
                        new FieldInsnNode(Opcodes.GETSTATIC, "java/lang/Boolean", "TRUE", "Ljava/lang/Boolean;")))
                .isTrue();
        AbstractInsnNode[] boxed = list(
                new InsnNode(Opcodes.ICONST_1),
                new MethodInsnNode(
                        Opcodes.INVOKESTATIC, "java/lang/Boolean", "valueOf", "(Z)Ljava/lang/Boolean;", false));
        assertThat(Instructions.pushesTrue(boxed[1])).isTrue();
    }

    @Test
    void tellsNoTrueInFalseOrLookAlikes() {
        assertThat(Instructions.pushesTrue(null)).isFalse();
        assertThat(Instructions.pushesTrue(new InsnNode(Opcodes.ICONST_0))).isFalse();
        assertThat(Instructions.pushesTrue(new InsnNode(Opcodes.ICONST_2))).isFalse();
        assertThat(Instructions.pushesTrue(
                        new FieldInsnNode(Opcodes.GETSTATIC, "java/lang/Boolean", "FALSE", "Ljava/lang/Boolean;")))
                .isFalse();
        assertThat(Instructions.pushesTrue(
                        new FieldInsnNode(Opcodes.GETSTATIC, "com/acme/Flags", "TRUE", "Ljava/lang/Boolean;")))
                .isFalse();
        // Reading a field named TRUE of an object is no constant.
        assertThat(Instructions.pushesTrue(
                        new FieldInsnNode(Opcodes.GETFIELD, "java/lang/Boolean", "TRUE", "Ljava/lang/Boolean;")))
                .isFalse();
        AbstractInsnNode[] boxedFalse = list(
                new InsnNode(Opcodes.ICONST_0),
                new MethodInsnNode(
                        Opcodes.INVOKESTATIC, "java/lang/Boolean", "valueOf", "(Z)Ljava/lang/Boolean;", false));
        assertThat(Instructions.pushesTrue(boxedFalse[1])).isFalse();
        AbstractInsnNode[] parsed = list(
                new LdcInsnNode("true"),
                new MethodInsnNode(
                        Opcodes.INVOKESTATIC,
                        "java/lang/Boolean",
                        "valueOf",
                        "(Ljava/lang/String;)Ljava/lang/Boolean;",
                        false));
        assertThat(Instructions.pushesTrue(parsed[1])).isFalse();
        AbstractInsnNode[] otherValueOf = list(
                new InsnNode(Opcodes.ICONST_1),
                new MethodInsnNode(
                        Opcodes.INVOKESTATIC, "java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;", false));
        assertThat(Instructions.pushesTrue(otherValueOf[1])).isFalse();
    }
}
