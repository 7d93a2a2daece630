package org.ecobugs.rules.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.type.Type;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises logging calls of the usual Java logging APIs (SLF4J, Log4j 2 and 1, commons-logging, JBoss Logging,
 * {@code java.util.logging}, {@code System.Logger}) and the level they log at, on bare sources: the receiver's
 * declared type through imports, or, for a logger inherited from elsewhere, its conventional name.
 */
public final class Loggers {

    /** Logger types whose methods are named after levels. */
    private static final List<String> LOGGER_TYPES = List.of(
            "org.slf4j.Logger",
            "org.apache.logging.log4j.Logger",
            "org.apache.logging.log4j.core.Logger",
            "org.apache.commons.logging.Log",
            "org.jboss.logging.Logger",
            "org.apache.log4j.Logger",
            "org.apache.log4j.Category",
            "ch.qos.logback.classic.Logger",
            "java.util.logging.Logger",
            "java.lang.System.Logger");

    /** The level of each level-named method, as SLF4J names them; JUL's names map to the nearest. */
    private static final Map<String, String> METHOD_LEVELS = Map.ofEntries(
            Map.entry("trace", "trace"),
            Map.entry("debug", "debug"),
            Map.entry("info", "info"),
            Map.entry("warn", "warn"),
            Map.entry("warning", "warn"),
            Map.entry("error", "error"),
            Map.entry("fatal", "error"),
            Map.entry("severe", "error"),
            Map.entry("config", "debug"),
            Map.entry("fine", "debug"),
            Map.entry("finer", "trace"),
            Map.entry("finest", "trace"));

    /** Level constants passed to {@code log(level, …)}, by name. */
    private static final Map<String, String> CONSTANT_LEVELS = Map.ofEntries(
            Map.entry("ALL", "trace"),
            Map.entry("TRACE", "trace"),
            Map.entry("FINEST", "trace"),
            Map.entry("FINER", "trace"),
            Map.entry("DEBUG", "debug"),
            Map.entry("FINE", "debug"),
            Map.entry("CONFIG", "debug"),
            Map.entry("INFO", "info"),
            Map.entry("WARN", "warn"),
            Map.entry("WARNING", "warn"),
            Map.entry("ERROR", "error"),
            Map.entry("SEVERE", "error"),
            Map.entry("FATAL", "error"));

    /** Methods that ask whether a level is enabled: code guarded by them only runs when it is. */
    private static final Set<String> LEVEL_CHECKS = Set.of(
            "isTraceEnabled",
            "isDebugEnabled",
            "isInfoEnabled",
            "isWarnEnabled",
            "isErrorEnabled",
            "isLoggable",
            "isEnabled",
            "isEnabledFor",
            "isEnabledForLevel",
            "atDebug",
            "atTrace");

    private Loggers() {}

    /**
     * The words of which a logging call at one of {@code levels} holds at least one: a method named after such a level
     * ({@code debug}, {@code fine}) or a level constant given to {@code log} ({@code DEBUG}, {@code FINE}).
     */
    public static Set<String> words(Set<String> levels) {
        Set<String> words = new java.util.HashSet<>();
        METHOD_LEVELS.forEach((method, level) -> {
            if (levels.contains(level)) {
                words.add(method);
            }
        });
        CONSTANT_LEVELS.forEach((constant, level) -> {
            if (levels.contains(level)) {
                words.add(constant);
            }
        });
        return Set.copyOf(words);
    }

    /**
     * A logging call.
     *
     * @param call the call
     * @param level {@code trace}, {@code debug}, {@code info}, {@code warn} or {@code error}
     * @param method the name the level is written with in the code ({@code fine}, {@code debug}, {@code FINE})
     * @param arguments the message and its parameters: the call's arguments after the level, if any
     */
    public record LogCall(MethodCallExpr call, String level, String method, List<Expression> arguments) {}

    /** The logging call this is, if it is one. */
    public static Optional<LogCall> of(MethodCallExpr call, JavaNames names) {
        return of(call, names, null);
    }

    /**
     * The logging call this is, if it is one at one of {@code levels} (any level when null). The level is read from
     * the call's name or its first argument before the receiver is resolved, which costs more.
     */
    public static Optional<LogCall> of(MethodCallExpr call, JavaNames names, Set<String> levels) {
        if (call.getScope().isEmpty() || call.getArguments().isEmpty()) {
            return Optional.empty();
        }
        String name = call.getNameAsString();
        LogCall log = null;
        String level = METHOD_LEVELS.get(name);
        if (level != null) {
            log = new LogCall(call, level, name, call.getArguments());
        } else if (name.equals("log") && call.getArguments().size() >= 2) {
            Expression first = call.getArgument(0);
            String constant = first instanceof FieldAccessExpr access
                    ? access.getNameAsString()
                    : first instanceof NameExpr n ? n.getNameAsString() : null;
            String constantLevel = constant == null ? null : CONSTANT_LEVELS.get(constant);
            if (constantLevel != null) {
                log = new LogCall(
                        call,
                        constantLevel,
                        constant.toLowerCase(Locale.ROOT),
                        call.getArguments().subList(1, call.getArguments().size()));
            }
        }
        if (log == null
                || (levels != null && !levels.contains(log.level()))
                || !isLogger(call.getScope().get(), names)) {
            return Optional.empty();
        }
        return Optional.of(log);
    }

    /**
     * Whether the expression is a logger: a variable declared with a logger type, a {@code getLogger(…)} call, or a
     * variable declared elsewhere (an inherited field) whose name says it is one ({@code log}, {@code LOGGER},
     * {@code ourLog}).
     */
    public static boolean isLogger(Expression receiver, JavaNames names) {
        if (receiver instanceof MethodCallExpr call) {
            return call.getNameAsString().equals("getLogger")
                    || call.getNameAsString().equals("getLog");
        }
        String name;
        if (receiver instanceof NameExpr n) {
            name = n.getNameAsString();
        } else if (receiver instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
            name = access.getNameAsString();
        } else {
            return false;
        }
        Optional<Scopes.Declaration> declaration = Scopes.declarationOf(receiver, name);
        if (declaration.isEmpty()) {
            return isLoggerName(name);
        }
        Type type = declaration.get().type();
        if (type.isVarType() || type.isUnknownType()) {
            return isLoggerName(name);
        }
        if (!type.isClassOrInterfaceType()) {
            return false;
        }
        String typeName = type.asClassOrInterfaceType().getNameWithScope();
        return LOGGER_TYPES.stream().anyMatch(t -> names.mayBe(typeName, t));
    }

    private static boolean isLoggerName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("log")
                || lower.equals("logger")
                || name.endsWith("Log")
                || name.endsWith("Logger")
                || name.endsWith("LOG")
                || name.endsWith("LOGGER");
    }

    /**
     * Whether the call only runs when its level is enabled: it is inside an {@code if} (or a conditional expression)
     * that asks the logger, or its method asked before it ({@code if (!log.isDebugEnabled()) return;}).
     */
    public static boolean isGuarded(MethodCallExpr call) {
        Node current = call.getParentNode().orElse(null);
        while (current != null && !(current instanceof CallableDeclaration<?>)) {
            if (current instanceof com.github.javaparser.ast.stmt.IfStmt ifStmt && asksLevel(ifStmt.getCondition())) {
                return true;
            }
            if (current instanceof com.github.javaparser.ast.expr.ConditionalExpr conditional
                    && asksLevel(conditional.getCondition())) {
                return true;
            }
            if (current instanceof com.github.javaparser.ast.expr.BinaryExpr binary && asksLevel(binary.getLeft())) {
                return true;
            }
            current = current.getParentNode().orElse(null);
        }
        if (current == null) {
            return false;
        }
        int line = call.getBegin().map(p -> p.line).orElse(Integer.MAX_VALUE);
        return current.findAll(MethodCallExpr.class).stream()
                .anyMatch(c -> LEVEL_CHECKS.contains(c.getNameAsString())
                        && c.getBegin().map(p -> p.line < line).orElse(false));
    }

    private static boolean asksLevel(Expression condition) {
        return condition.findAll(MethodCallExpr.class).stream()
                        .anyMatch(c -> LEVEL_CHECKS.contains(c.getNameAsString()))
                || (condition instanceof MethodCallExpr c && LEVEL_CHECKS.contains(c.getNameAsString()));
    }
}
