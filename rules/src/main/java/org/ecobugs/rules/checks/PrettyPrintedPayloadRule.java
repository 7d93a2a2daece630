package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.ecobugs.rules.Fix;
import org.ecobugs.rules.api.BytecodeContext;
import org.ecobugs.rules.api.BytecodeRule;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.ResourceContext;
import org.ecobugs.rules.api.ResourceRule;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceRule;
import org.ecobugs.rules.bytecode.Instructions;
import org.ecobugs.rules.config.ConfigEntry;
import org.ecobugs.rules.config.ConfigFile;
import org.ecobugs.rules.java.Fixes;
import org.ecobugs.rules.java.JavaNames;
import org.ecobugs.rules.java.Scopes;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Serializers configured to indent their output: Jackson ({@code INDENT_OUTPUT}, {@code
 * writerWithDefaultPrettyPrinter()}, {@code useDefaultPrettyPrinter()}), Gson ({@code setPrettyPrinting()}), HAPI
 * FHIR ({@code setPrettyPrint(true)}, {@code setDefaultPrettyPrint(true)}, {@code prettyPrint()}), JAXB
 * ({@code JAXB_FORMATTED_OUTPUT}) and XSLT ({@code OutputKeys.INDENT}). Code whose method writes to files is left
 * alone: files are often meant for human readers. In Spring Boot configuration, the properties that make the
 * application's own mapper indent every response ({@code spring.jackson.serialization.indent-output}, {@code
 * spring.gson.pretty-printing}, the HAPI FHIR JPA starter's {@code hapi.fhir.default_pretty_print}), except in
 * developer and test profiles.
 */
@RuleKey("EB201")
public final class PrettyPrintedPayloadRule implements SourceRule, BytecodeRule, ResourceRule {

    /** Configuration properties that make every response of the application indented. */
    private static final List<String> PRETTY_PROPERTIES = List.of(
            "spring.jackson.serialization.indent-output",
            "spring.gson.pretty-printing",
            "hapi.fhir.default-pretty-print");

    private static final List<String> SERIALIZATION_FEATURE = List.of(
            "com.fasterxml.jackson.databind.SerializationFeature", "tools.jackson.databind.SerializationFeature");
    private static final List<String> MARSHALLER = List.of("javax.xml.bind.Marshaller", "jakarta.xml.bind.Marshaller");
    private static final String OUTPUT_KEYS = "javax.xml.transform.OutputKeys";
    private static final String JAXB_FORMATTED_OUTPUT = "jaxb.formatted.output";
    private static final Set<String> FILE_WRITERS = Set.of("FileWriter", "FileOutputStream");
    private static final String COMPACT = "Write compact output";
    /** Calls that produce serialized output, and calls that only consume it. */
    private static final Pattern WRITES = Pattern.compile("encode|write|toJson|serialize|marshal|transform|print");

    /**
     * Method names that say the method lays text out for people ({@code prettyPrint}, {@code toPrettyJson}, {@code
     * beautify}, {@code indentXml}); not names that merely mention indentation ({@code indented()}, {@code pretty()}).
     */
    private static final Pattern FORMATTER_NAME = Pattern.compile(
            "pretty_?print|prettif|beautif|pretty_?(string|json|xml)|^(re)?indent(json|xml|text|string)?$|^reformat",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern READS = Pattern.compile("parse|read|fromJson|deserialize|unmarshal");

    /** Measured on JSON FHIR searchset Bundles (docs/measurements.md, FHIR payloads): it applies to FHIR output only. */
    private static final String FHIR_FIGURE = " (+50 to +75 % bytes, measured on a FHIR JSON Bundle)";

    private static final String FIX = "; serialize compactly and pretty-print only for human readers.";

    /** The message for a setting found in code, named as {@link #prettySetting} names it, by either walker. */
    static String message(String setting) {
        String indented = switch (setting) {
            case "Jackson INDENT_OUTPUT",
                    "writerWithDefaultPrettyPrinter()",
                    "useDefaultPrettyPrinter()",
                    "Gson setPrettyPrinting()" -> "payload it writes with JSON indentation";
            case "HAPI FHIR setPrettyPrint(true)", "HAPI FHIR setDefaultPrettyPrint(true)" ->
                "resource it" + " encodes with indentation" + FHIR_FIGURE;
            case "HAPI FHIR prettyPrint()" ->
                "resource this request sends and the response it asks for" + " with indentation" + FHIR_FIGURE;
            case "JAXB_FORMATTED_OUTPUT", "OutputKeys.INDENT" -> "payload it writes with XML indentation";
            default -> throw new IllegalArgumentException(setting);
        };
        return setting + " pads every " + indented + FIX;
    }

    /** The message for a Spring Boot property that indents every response of the application. */
    static String propertyMessage(String property, String value) {
        String indented = switch (property) {
            case "spring.jackson.serialization.indent-output" -> "JSON response of the application";
            case "spring.gson.pretty-printing" -> "JSON response of the application";
            case "hapi.fhir.default-pretty-print" -> "FHIR response of the server";
            default -> throw new IllegalArgumentException(property);
        };
        String figure = property.startsWith("hapi.") ? FHIR_FIGURE : "";
        return value + " pads every " + indented + " with indentation" + figure + FIX;
    }

    /** The calls that may turn indentation on (see {@link #prettySetting}). */
    private static final Set<String> SETTING_METHODS = Set.of(
            "enable",
            "configure",
            "writerWithDefaultPrettyPrinter",
            "useDefaultPrettyPrinter",
            "setPrettyPrinting",
            "setPrettyPrint",
            "setDefaultPrettyPrint",
            "prettyPrint",
            "setProperty",
            "setOutputProperty");

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(SETTING_METHODS);
    }

    @Override
    public Set<Class<? extends Node>> nodesToVisit() {
        return Set.of(MethodCallExpr.class);
    }

    @Override
    public void visitNode(Node node, SourceContext context) {
        MethodCallExpr call = (MethodCallExpr) node;
        Optional<String> setting = prettySetting(call, context);
        if (setting.isEmpty()
                || writesFiles(call, context)
                || isInAFormatter(call)
                || reindentsText(call)
                || dependsOnACondition(call, context)
                || isUsedOnlyToRead(call)
                || offersACompactVariant(call)) {
            return;
        }
        context.report(call, message(setting.get()), compactFix(call));
    }

    /**
     * Whether the setting sits in a method whose name says it formats for people ({@code prettyPrint}, {@code
     * toPrettyString}, {@code beautify}, {@code indentXml}): indenting is its job, and whether its output reaches a
     * payload is decided by its callers.
     */
    private static boolean isInAFormatter(MethodCallExpr call) {
        return call.findAncestor(CallableDeclaration.class)
                .filter(method ->
                        FORMATTER_NAME.matcher(method.getNameAsString()).find())
                .isPresent();
    }

    /**
     * Whether the configured object only re-indents text that was already serialized: an identity {@code
     * Transformer} ({@code newTransformer()} without a stylesheet) applied to a {@code StreamSource}, or a Jackson
     * mapper that reads the text as a tree ({@code readTree}) in the same method. The compact form was in hand and the
     * code chose to lay it out, which is formatting for a reader, not the way a payload is produced.
     */
    private static boolean reindentsText(MethodCallExpr call) {
        Optional<String> variable = configuredVariable(call);
        Optional<Node> scope =
                call.findAncestor(n -> n instanceof CallableDeclaration<?> || n instanceof LambdaExpr, Node.class);
        if (variable.isEmpty() || scope.isEmpty()) {
            return false;
        }
        List<MethodCallExpr> uses = scope.get().findAll(MethodCallExpr.class).stream()
                .filter(use -> use.getScope()
                        .map(PrettyPrintedPayloadRule::nameOf)
                        .filter(variable.get()::equals)
                        .isPresent())
                .toList();
        if (call.getNameAsString().equals("setOutputProperty")) {
            return isIdentityTransformer(variable.get(), call)
                    && uses.stream()
                            .filter(use -> use.getNameAsString().equals("transform"))
                            .anyMatch(use -> !use.getArguments().isEmpty() && isStreamSource(use.getArgument(0)));
        }
        return uses.stream().anyMatch(use -> use.getNameAsString().equals("readTree"));
    }

    /** Whether the local {@code variable} is a transformer made without a stylesheet: it copies its input. */
    private static boolean isIdentityTransformer(String variable, MethodCallExpr from) {
        return Scopes.declarationOf(from, variable)
                .filter(declaration -> !declaration.field())
                .flatMap(Scopes.Declaration::initializer)
                .filter(init -> init instanceof MethodCallExpr created
                        && created.getNameAsString().equals("newTransformer")
                        && created.getArguments().isEmpty())
                .isPresent();
    }

    /** {@code new StreamSource(…)}, directly or through a local initialized with it. */
    private static boolean isStreamSource(Expression source) {
        if (source instanceof ObjectCreationExpr created) {
            return created.getType().getNameAsString().equals("StreamSource");
        }
        return source instanceof NameExpr name
                && Scopes.declarationOf(name)
                        .filter(declaration -> !declaration.field())
                        .flatMap(Scopes.Declaration::initializer)
                        .filter(PrettyPrintedPayloadRule::isStreamSource)
                        .isPresent();
    }

    /** The edit that turns the setting off, when it is mechanical: a flag to false, a call dropped from a chain. */
    private static Optional<Fix> compactFix(MethodCallExpr call) {
        List<Expression> args = call.getArguments();
        switch (call.getNameAsString()) {
            case "configure", "setProperty":
                Expression flag = args.get(1);
                return Optional.of(
                        Fixes.replace(COMPACT, flag, flag instanceof FieldAccessExpr ? "Boolean.FALSE" : "false"));
            case "setPrettyPrint", "setDefaultPrettyPrint":
                return Optional.of(Fixes.replace(COMPACT, args.get(0), "false"));
            case "setOutputProperty":
                return Optional.of(Fixes.replace(COMPACT, args.get(1), "\"no\""));
            case "writerWithDefaultPrettyPrinter":
                return Optional.of(Fixes.replace(COMPACT, call.getName(), "writer"));
            case "enable", "setPrettyPrinting", "prettyPrint":
                if (call.getArguments().size() > 1 || call.getScope().isEmpty()) {
                    return Optional.empty();
                }
                if (call.getParentNode().orElse(null) instanceof ExpressionStmt statement) {
                    return Optional.of(Fixes.replace(COMPACT, statement, ""));
                }
                return Optional.of(Fixes.deleteAfter(COMPACT, call.getScope().get(), call));
            default:
                return Optional.empty();
        }
    }

    @Override
    public void visitConfigFile(ConfigFile file, ResourceContext context) {
        for (ConfigEntry entry : file.entries()) {
            if (entry.isTrue() && !entry.isForDevelopers()) {
                PRETTY_PROPERTIES.stream()
                        .filter(entry::is)
                        .findFirst()
                        .ifPresent(property ->
                                context.report(entry.line(), propertyMessage(property, entry.key() + "=true")));
            }
        }
    }

    /** The bytecode side cannot see conditions and later uses: it serves classes without sources only. */
    @Override
    public boolean reportsWhereSourceWasAnalyzed() {
        return false;
    }

    /**
     * Whether the setting applies only under a run-time condition ({@code if (pretty)}, a {@code _pretty} request
     * parameter): the choice of indentation is then left to the caller.
     */
    private static boolean dependsOnACondition(MethodCallExpr call, SourceContext context) {
        Node child = call;
        for (Node parent = call.getParentNode().orElse(null);
                parent != null && !(parent instanceof CallableDeclaration<?>) && !(parent instanceof LambdaExpr);
                parent = parent.getParentNode().orElse(null)) {
            if (parent instanceof IfStmt ifStmt
                    && child != ifStmt.getCondition()
                    && context.constants().bool(ifStmt.getCondition()).isEmpty()) {
                return true;
            }
            if (parent instanceof ConditionalExpr ternary
                    && child != ternary.getCondition()
                    && context.constants().bool(ternary.getCondition()).isEmpty()) {
                return true;
            }
            child = parent;
        }
        return false;
    }

    /** Whether the configured object is only ever used to parse, where indentation changes nothing. */
    private static boolean isUsedOnlyToRead(MethodCallExpr call) {
        Optional<String> variable = configuredVariable(call);
        Optional<ClassOrInterfaceDeclaration> type = call.findAncestor(ClassOrInterfaceDeclaration.class);
        if (variable.isEmpty() || type.isEmpty()) {
            return false;
        }
        boolean reads = false;
        for (MethodCallExpr use : type.get().findAll(MethodCallExpr.class)) {
            String receiver =
                    use.getScope().map(PrettyPrintedPayloadRule::nameOf).orElse("");
            if (!receiver.equals(variable.get())) {
                continue;
            }
            String name = use.getNameAsString();
            if (WRITES.matcher(name).lookingAt()) {
                return false;
            }
            reads |= READS.matcher(name).lookingAt();
        }
        return reads;
    }

    /**
     * Whether the class keeps a compact twin of the configured object (a second field of the same type): the pretty
     * one is then an option its callers choose.
     */
    private static boolean offersACompactVariant(MethodCallExpr call) {
        Optional<String> variable = configuredVariable(call);
        Optional<ClassOrInterfaceDeclaration> type = call.findAncestor(ClassOrInterfaceDeclaration.class);
        if (variable.isEmpty() || type.isEmpty()) {
            return false;
        }
        Optional<VariableDeclarator> field = type.get().getFields().stream()
                .flatMap(f -> f.getVariables().stream())
                .filter(v -> v.getNameAsString().equals(variable.get()))
                .findFirst();
        return field.isPresent()
                && type.get().getFields().stream()
                        .flatMap(f -> f.getVariables().stream())
                        .filter(v -> v != field.get())
                        .anyMatch(v -> v.getType().equals(field.get().getType()));
    }

    /**
     * The variable or field that holds the configured object: the receiver of {@code mapper.enable(…)}, or the target
     * the configured chain is assigned to ({@code parser = ctx.newJsonParser().setPrettyPrint(true)}).
     */
    private static Optional<String> configuredVariable(MethodCallExpr call) {
        Node top = call;
        while (top.getParentNode().orElse(null) instanceof MethodCallExpr parent
                && parent.getScope().orElse(null) == top) {
            top = parent;
        }
        Node holder = top.getParentNode().orElse(null);
        if (holder instanceof AssignExpr assign && assign.getValue() == top) {
            return Optional.of(nameOf(assign.getTarget()));
        }
        if (holder instanceof VariableDeclarator declarator) {
            return Optional.of(declarator.getNameAsString());
        }
        if (top == call && call.getScope().isPresent()) {
            String receiver = nameOf(call.getScope().get());
            return receiver.isEmpty() ? Optional.empty() : Optional.of(receiver);
        }
        return Optional.empty();
    }

    private static String nameOf(Expression expression) {
        if (expression instanceof NameExpr name) {
            return name.getNameAsString();
        }
        if (expression instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
            return access.getNameAsString();
        }
        return "";
    }

    private static Optional<String> prettySetting(MethodCallExpr call, SourceContext context) {
        String name = call.getNameAsString();
        List<Expression> args = call.getArguments();
        JavaNames names = context.names();
        switch (name) {
            case "enable":
                return args.stream().anyMatch(a -> isIndentOutput(a, names))
                        ? Optional.of("Jackson INDENT_OUTPUT")
                        : Optional.empty();
            case "configure":
                return args.size() == 2 && isIndentOutput(args.get(0), names) && isTrue(args.get(1), context)
                        ? Optional.of("Jackson INDENT_OUTPUT")
                        : Optional.empty();
            case "writerWithDefaultPrettyPrinter", "useDefaultPrettyPrinter":
                return args.isEmpty() ? Optional.of(name + "()") : Optional.empty();
            case "setPrettyPrinting":
                return args.isEmpty() && names.imports("com.google.gson")
                        ? Optional.of("Gson setPrettyPrinting()")
                        : Optional.empty();
            case "setPrettyPrint", "setDefaultPrettyPrint":
                return args.size() == 1 && isTrue(args.get(0), context) && names.imports("ca.uhn.fhir")
                        ? Optional.of("HAPI FHIR " + name + "(true)")
                        : Optional.empty();
            case "prettyPrint":
                return args.isEmpty() && names.imports("ca.uhn.fhir")
                        ? Optional.of("HAPI FHIR prettyPrint()")
                        : Optional.empty();
            case "setProperty":
                return args.size() == 2 && isJaxbFormattedOutput(args.get(0), context) && isTrue(args.get(1), context)
                        ? Optional.of("JAXB_FORMATTED_OUTPUT")
                        : Optional.empty();
            case "setOutputProperty":
                return args.size() == 2
                                && isOutputKeysIndent(args.get(0), names)
                                && context.constants()
                                        .string(args.get(1))
                                        .filter("yes"::equalsIgnoreCase)
                                        .isPresent()
                        ? Optional.of("OutputKeys.INDENT")
                        : Optional.empty();
            default:
                return Optional.empty();
        }
    }

    private static boolean isIndentOutput(Expression argument, JavaNames names) {
        if (argument instanceof FieldAccessExpr access) {
            return access.getNameAsString().equals("INDENT_OUTPUT")
                    && SERIALIZATION_FEATURE.stream().anyMatch(t -> names.isTypeName(access.getScope(), t));
        }
        if (argument instanceof NameExpr name && name.getNameAsString().equals("INDENT_OUTPUT")) {
            return names.staticImportOwner("INDENT_OUTPUT")
                    .filter(SERIALIZATION_FEATURE::contains)
                    .isPresent();
        }
        return false;
    }

    private static boolean isJaxbFormattedOutput(Expression argument, SourceContext context) {
        if (argument instanceof FieldAccessExpr access
                && access.getNameAsString().equals("JAXB_FORMATTED_OUTPUT")) {
            return MARSHALLER.stream().anyMatch(t -> context.names().isTypeName(access.getScope(), t));
        }
        return context.constants()
                .string(argument)
                .filter(JAXB_FORMATTED_OUTPUT::equals)
                .isPresent();
    }

    private static boolean isOutputKeysIndent(Expression argument, JavaNames names) {
        return argument instanceof FieldAccessExpr access
                && access.getNameAsString().equals("INDENT")
                && names.isTypeName(access.getScope(), OUTPUT_KEYS);
    }

    private static boolean isTrue(Expression argument, SourceContext context) {
        if (argument instanceof FieldAccessExpr access
                && access.getNameAsString().equals("TRUE")
                && context.names().isTypeName(access.getScope(), "java.lang.Boolean")) {
            return true;
        }
        return context.constants().bool(argument).orElse(false);
    }

    /** Whether the code around the call (its method or lambda) writes files, where indentation is often wanted. */
    private static boolean writesFiles(MethodCallExpr call, SourceContext context) {
        Optional<Node> scope =
                call.findAncestor(n -> n instanceof CallableDeclaration<?> || n instanceof LambdaExpr, Node.class);
        if (scope.isEmpty()) {
            return false;
        }
        for (MethodCallExpr other : scope.get().findAll(MethodCallExpr.class)) {
            String name = other.getNameAsString();
            if (other.getScope()
                            .map(s -> context.names().isTypeName(s, "java.nio.file.Files"))
                            .orElse(false)
                    && (name.startsWith("write")
                            || name.startsWith("newBufferedWriter")
                            || name.equals("newOutputStream"))) {
                return true;
            }
            if (name.equals("writeValue")
                    && !other.getArguments().isEmpty()
                    && isFileOrPath(other.getArgument(0), context)) {
                return true;
            }
        }
        return scope.get().findAll(ObjectCreationExpr.class).stream()
                .anyMatch(created -> FILE_WRITERS.contains(created.getType().getNameAsString()));
    }

    private static boolean isFileOrPath(Expression argument, SourceContext context) {
        if (argument instanceof ObjectCreationExpr created) {
            return created.getType().getNameAsString().equals("File");
        }
        if (argument instanceof MethodCallExpr call) {
            return call.getNameAsString().equals("toFile")
                    || (call.getNameAsString().equals("of")
                                    || call.getNameAsString().equals("get"))
                            && call.getScope()
                                    .map(s -> s.toString().equals("Path")
                                            || s.toString().equals("Paths"))
                                    .orElse(false);
        }
        if (argument instanceof NameExpr name) {
            return Scopes.declarationOf(name)
                    .flatMap(d -> context.names().resolve(d.type()))
                    .filter(t -> t.equals("java.io.File") || t.equals("java.nio.file.Path"))
                    .isPresent();
        }
        return false;
    }

    // ---- bytecode: the same settings, with exact owner types ----

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
                JAXB_FORMATTED_OUTPUT,
                "setOutputProperty");
    }

    @Override
    public void visitClass(ClassNode classNode, BytecodeContext context) {
        for (MethodNode method : classNode.methods) {
            if (writesFiles(method) || FORMATTER_NAME.matcher(method.name).find()) {
                continue;
            }
            for (AbstractInsnNode insn : method.instructions) {
                if (insn instanceof MethodInsnNode call) {
                    String setting = prettySetting(call);
                    if (setting != null) {
                        context.report(method, call, message(setting));
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
                                && pushesString(Instructions.previousReal(skipBoxing(previous)), JAXB_FORMATTED_OUTPUT)
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
