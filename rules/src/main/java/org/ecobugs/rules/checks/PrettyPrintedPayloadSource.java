package org.ecobugs.rules.checks;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.Fix;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceDetector;
import org.ecobugs.rules.api.SourceVisits;
import org.ecobugs.rules.checks.code.ValueSources;
import org.ecobugs.rules.checks.payload.PrettyPrintGuards;
import org.ecobugs.rules.java.Fixes;
import org.ecobugs.rules.java.JavaNames;
import org.ecobugs.rules.java.ValueOrigin;

/** EB201 in source: the calls that turn indentation on, names resolved through imports, with the guards of its intent. */
final class PrettyPrintedPayloadSource implements SourceDetector {

    private static final List<String> SERIALIZATION_FEATURE = List.of(
            "com.fasterxml.jackson.databind.SerializationFeature", "tools.jackson.databind.SerializationFeature");
    private static final List<String> MARSHALLER = List.of("javax.xml.bind.Marshaller", "jakarta.xml.bind.Marshaller");
    private static final String OUTPUT_KEYS = "javax.xml.transform.OutputKeys";
    private static final String COMPACT = "Write compact output";

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
    public void subscribe(SourceVisits visits) {
        visits.enter(MethodCallExpr.class, PrettyPrintedPayloadSource::visit);
    }

    private static void visit(MethodCallExpr call, SourceContext context) {
        Optional<String> setting = prettySetting(call, context);
        if (setting.isEmpty() || PrettyPrintGuards.isMeant(call, context)) {
            return;
        }
        List<ValueOrigin> decidedBy =
                new ArrayList<>(flag(call).map(context.constants()::origins).orElse(List.of()));
        decidedBy.addAll(PrettyPrintGuards.conditionOrigins(call, context));
        if (decidedBy.isEmpty()) {
            context.report(call, PrettyPrintedPayloadRule.message(setting.get(), ""), compactFix(call));
            return;
        }
        // Decided in configuration or in another class: that is where it is turned off, not here.
        context.report(
                call,
                PrettyPrintedPayloadRule.message(setting.get(), ValueSources.note(decidedBy)),
                ValueSources.secondaries(decidedBy, "indentation"),
                Optional.empty());
    }

    /** The argument that turns indentation on, for the settings that take one. */
    private static Optional<Expression> flag(MethodCallExpr call) {
        return switch (call.getNameAsString()) {
            case "configure", "setProperty", "setOutputProperty" ->
                call.getArguments().size() == 2 ? Optional.of(call.getArgument(1)) : Optional.empty();
            case "setPrettyPrint", "setDefaultPrettyPrint" ->
                call.getArguments().size() == 1 ? Optional.of(call.getArgument(0)) : Optional.empty();
            default -> Optional.empty();
        };
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
                .filter(PrettyPrintedPayloadRule.JAXB_FORMATTED_OUTPUT::equals)
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
}
