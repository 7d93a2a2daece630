package org.ecobugs.rules.checks;

import java.util.Set;
import org.ecobugs.rules.api.BytecodeContext;
import org.ecobugs.rules.api.BytecodeDetector;
import org.ecobugs.rules.bytecode.Instructions;
import org.ecobugs.rules.checks.payload.PrettyPrintGuards;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/** EB201 in bytecode: the same settings as in source, with exact owner types, for classes whose source is absent. */
final class PrettyPrintedPayloadBytecode implements BytecodeDetector {

    /** The bytecode side cannot see conditions and later uses: it serves classes without sources only. */
    @Override
    public boolean reportsWhereSourceWasAnalyzed() {
        return false;
    }

    @Override
    public Set<String> constantPoolPrescreen() {
        return Set.of(
                "INDENT_OUTPUT",
                "writerWithDefaultPrettyPrinter",
                "useDefaultPrettyPrinter",
                "setPrettyPrinting",
                "setPrettyPrint",
                "setDefaultPrettyPrint",
                "prettyPrint",
                PrettyPrintedPayloadRule.JAXB_FORMATTED_OUTPUT,
                "setOutputProperty");
    }

    @Override
    public void visitClass(ClassNode classNode, BytecodeContext context) {
        for (MethodNode method : classNode.methods) {
            if (writesFiles(method) || PrettyPrintGuards.isFormatterName(method.name)) {
                continue;
            }
            for (AbstractInsnNode insn : method.instructions) {
                if (insn instanceof MethodInsnNode call) {
                    String setting = prettySetting(call);
                    if (setting != null) {
                        context.report(method, call, PrettyPrintedPayloadRule.message(setting));
                    }
                }
            }
        }
    }

    private static String prettySetting(MethodInsnNode call) {
        String owner = call.owner;
        boolean jackson = owner.startsWith("com/fasterxml/jackson/") || owner.startsWith("tools/jackson/");
        boolean hapi = owner.startsWith("ca/uhn/fhir/");
        AbstractInsnNode previous = Instructions.previousReal(call);
        switch (call.name) {
            case "enable":
                return jackson && featureArgumentIsIndentOutput(call) ? "Jackson INDENT_OUTPUT" : null;
            case "configure":
                return jackson
                                && Instructions.pushesTrue(previous)
                                && isIndentOutput(Instructions.previousReal(previous))
                        ? "Jackson INDENT_OUTPUT"
                        : null;
            case "writerWithDefaultPrettyPrinter", "useDefaultPrettyPrinter":
                return jackson ? call.name + "()" : null;
            case "setPrettyPrinting":
                return owner.equals("com/google/gson/GsonBuilder") ? "Gson setPrettyPrinting()" : null;
            case "setPrettyPrint", "setDefaultPrettyPrint":
                return hapi && Instructions.pushesTrue(previous) ? "HAPI FHIR " + call.name + "(true)" : null;
            case "prettyPrint":
                return hapi && call.desc.startsWith("()") ? "HAPI FHIR prettyPrint()" : null;
            case "setProperty":
                return Instructions.pushesTrue(previous)
                                && pushesString(
                                        Instructions.previousReal(skipBoxing(previous)),
                                        PrettyPrintedPayloadRule.JAXB_FORMATTED_OUTPUT)
                        ? "JAXB_FORMATTED_OUTPUT"
                        : null;
            case "setOutputProperty":
                return pushesString(previous, "yes") && pushesString(Instructions.previousReal(previous), "indent")
                        ? "OutputKeys.INDENT"
                        : null;
            default:
                return null;
        }
    }

    /** {@code enable(INDENT_OUTPUT)}, or {@code enable(first, INDENT_OUTPUT, …)} with its varargs array. */
    private static boolean featureArgumentIsIndentOutput(MethodInsnNode call) {
        AbstractInsnNode insn = Instructions.previousReal(call);
        for (int steps = 0; insn != null && steps < 32; steps++) {
            if (isIndentOutput(insn)) {
                return true;
            }
            if (insn instanceof MethodInsnNode) {
                return false;
            }
            insn = Instructions.previousReal(insn);
        }
        return false;
    }

    private static AbstractInsnNode skipBoxing(AbstractInsnNode insn) {
        if (insn instanceof MethodInsnNode call
                && call.owner.equals("java/lang/Boolean")
                && call.name.equals("valueOf")) {
            return Instructions.previousReal(insn);
        }
        return insn;
    }

    private static boolean isIndentOutput(AbstractInsnNode insn) {
        return insn instanceof FieldInsnNode field
                && field.getOpcode() == Opcodes.GETSTATIC
                && field.name.equals("INDENT_OUTPUT")
                && field.owner.endsWith("/SerializationFeature");
    }

    private static boolean pushesString(AbstractInsnNode insn, String value) {
        return insn instanceof LdcInsnNode ldc && value.equals(ldc.cst);
    }

    private static boolean writesFiles(MethodNode method) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode call) {
                if (call.owner.equals("java/nio/file/Files")
                        && (call.name.startsWith("write")
                                || call.name.startsWith("newBufferedWriter")
                                || call.name.equals("newOutputStream"))) {
                    return true;
                }
                if (call.name.equals("writeValue")
                        && (call.desc.startsWith("(Ljava/io/File;") || call.desc.startsWith("(Ljava/nio/file/Path;"))) {
                    return true;
                }
            } else if (insn instanceof TypeInsnNode type
                    && type.getOpcode() == Opcodes.NEW
                    && (type.desc.equals("java/io/FileWriter") || type.desc.equals("java/io/FileOutputStream"))) {
                return true;
            }
        }
        return false;
    }
}
