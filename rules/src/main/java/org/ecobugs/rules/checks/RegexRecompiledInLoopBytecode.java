package org.ecobugs.rules.checks;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.BytecodeContext;
import org.ecobugs.rules.api.BytecodeDetector;
import org.ecobugs.rules.bytecode.BytecodeLoops;
import org.ecobugs.rules.bytecode.BytecodeOneOffCode;
import org.ecobugs.rules.bytecode.BytecodeRepetition;
import org.ecobugs.rules.bytecode.StringValues;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;

/** EB304 in bytecode: a regex-compiling call inside a loop that repeats it, with a constant regex. */
final class RegexRecompiledInLoopBytecode implements BytecodeDetector {

    @Override
    public Set<String> constantPoolPrescreen() {
        return Set.of("java/util/regex/Pattern", "matches", "replaceAll", "replaceFirst", "split");
    }

    @Override
    public void visitClass(ClassNode classNode, BytecodeContext context) {
        BytecodeRepetition repetition = null;
        for (MethodNode method : classNode.methods) {
            List<BytecodeLoops.Loop> loops = null;
            Frame<SourceValue>[] frames = null;
            for (AbstractInsnNode insn : method.instructions) {
                if (!(insn instanceof MethodInsnNode call)) {
                    continue;
                }
                String api = compilingApi(call);
                if (api == null) {
                    continue;
                }
                if (loops == null) {
                    loops = context.loops(method);
                }
                int index = method.instructions.indexOf(call);
                if (BytecodeLoops.enclosing(loops, index).stream()
                        .noneMatch(loop -> BytecodeLoops.repeats(method, loop, index))) {
                    continue;
                }
                if (repetition == null) {
                    repetition = BytecodeRepetition.of(classNode);
                }
                if (BytecodeOneOffCode.runsOnce(classNode, method, repetition)) {
                    break;
                }
                if (frames == null) {
                    Optional<Frame<SourceValue>[]> analysed = context.frames(method);
                    if (analysed.isEmpty()) {
                        break;
                    }
                    frames = analysed.get();
                }
                Frame<SourceValue> frame = frames[index];
                if (frame == null) {
                    continue;
                }
                int arguments = Type.getArgumentTypes(call.desc).length;
                SourceValue regex = frame.getStack(frame.getStackSize() - arguments);
                Optional<String> constant = StringValues.constant(regex, frames, method.instructions);
                if (constant.isPresent()
                        && !(api.equals("String.split") && RegexRecompiledInLoopRule.isSplitFastPath(constant.get()))) {
                    Optional<String> replacement = api.equals("String.replaceAll")
                            ? StringValues.constant(
                                    frame.getStack(frame.getStackSize() - 1), frames, method.instructions)
                            : Optional.empty();
                    context.report(method, call, RegexRecompiledInLoopRule.message(api, constant.get(), replacement));
                }
            }
        }
    }

    /** The API name of a call that compiles its first argument as a regex, or null. */
    private static String compilingApi(MethodInsnNode call) {
        if (call.getOpcode() == Opcodes.INVOKEVIRTUAL && call.owner.equals("java/lang/String")) {
            return switch (call.name + call.desc) {
                case "matches(Ljava/lang/String;)Z" -> "String.matches";
                case "replaceAll(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;" -> "String.replaceAll";
                case "replaceFirst(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;" -> "String.replaceFirst";
                case "split(Ljava/lang/String;)[Ljava/lang/String;", "split(Ljava/lang/String;I)[Ljava/lang/String;" ->
                    "String.split";
                default -> null;
            };
        }
        if (call.getOpcode() == Opcodes.INVOKESTATIC && call.owner.equals("java/util/regex/Pattern")) {
            return switch (call.name + call.desc) {
                case "compile(Ljava/lang/String;)Ljava/util/regex/Pattern;",
                        "compile(Ljava/lang/String;I)Ljava/util/regex/Pattern;" -> "Pattern.compile";
                case "matches(Ljava/lang/String;Ljava/lang/CharSequence;)Z" -> "Pattern.matches";
                default -> null;
            };
        }
        return null;
    }
}
