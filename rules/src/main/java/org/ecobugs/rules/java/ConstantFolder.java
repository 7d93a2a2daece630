package org.ecobugs.rules.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.type.PrimitiveType;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Computes compile-time values of expressions in one file: literals and text blocks, {@code final} fields and
 * effectively final locals with an initializer, string concatenation, integer arithmetic and shifts, casts, and
 * durations built with {@link TimeUnit} or {@code java.time.Duration}. Integral values are {@link Long}, floating ones
 * {@link Double}.
 */
public final class ConstantFolder {

    /** Deep enough for SQL concatenated over many lines; a bound, because names may refer to each other. */
    private static final int MAX_DEPTH = 64;

    private static final String DURATION = "java.time.Duration";
    private static final String TIME_UNIT = "java.util.concurrent.TimeUnit";
    private static final String CHRONO_UNIT = "java.time.temporal.ChronoUnit";
    private static final Map<String, Long> DURATION_FACTORY_MILLIS = Map.of(
            "ofNanos", -1_000_000L,
            "ofMillis", 1L,
            "ofSeconds", 1_000L,
            "ofMinutes", 60_000L,
            "ofHours", 3_600_000L,
            "ofDays", 86_400_000L);

    private final JavaNames names;

    public ConstantFolder(JavaNames names) {
        this.names = names;
    }

    public Optional<Object> value(Expression expression) {
        return Optional.ofNullable(fold(expression, 0));
    }

    public Optional<String> string(Expression expression) {
        return value(expression).filter(String.class::isInstance).map(String.class::cast);
    }

    /**
     * The text of a string expression with its unknown parts replaced by {@code ?}: {@code "SELECT * FROM " + table}
     * gives {@code SELECT * FROM ?}. Empty unless some part is a known string.
     */
    public Optional<String> template(Expression expression) {
        return template(expression, 0);
    }

    private Optional<String> template(Expression expression, int depth) {
        Optional<String> known = string(expression);
        if (known.isPresent() || depth > MAX_DEPTH) {
            return known;
        }
        Expression e = unwrap(expression);
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            Optional<String> left = template(b.getLeft(), depth + 1);
            Optional<String> right = template(b.getRight(), depth + 1);
            if (left.isEmpty() && right.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(
                    left.orElseGet(() -> valueText(b.getLeft())) + right.orElseGet(() -> valueText(b.getRight())));
        }
        return Optional.empty();
    }

    private String valueText(Expression part) {
        Object value = fold(part, 0);
        return value == null ? "?" : String.valueOf(value);
    }

    public OptionalLong integer(Expression expression) {
        return integerAt(expression, 0);
    }

    public Optional<Boolean> bool(Expression expression) {
        return value(expression).filter(Boolean.class::isInstance).map(Boolean.class::cast);
    }

    /**
     * The length in milliseconds of a duration expression: a {@code Duration} factory ({@code ofSeconds(5)}, with an
     * optional {@code .toMillis()}), {@code TimeUnit.X.toMillis(n)}, or a plain number taken as milliseconds.
     */
    public OptionalLong durationMillis(Expression expression) {
        return durationMillis(expression, 0);
    }

    private OptionalLong durationMillis(Expression expression, int depth) {
        Expression e = unwrap(expression);
        if (e instanceof MethodCallExpr call) {
            return durationCallMillis(call, depth);
        }
        return integerAt(e, depth);
    }

    private OptionalLong durationCallMillis(MethodCallExpr call, int depth) {
        if (depth > MAX_DEPTH) {
            return OptionalLong.empty();
        }
        String name = call.getNameAsString();
        int arity = call.getArguments().size();
        if (name.equals("toMillis") && arity == 0 && call.hasScope()) {
            return durationMillis(call.getScope().get(), depth + 1);
        }
        Long factor = DURATION_FACTORY_MILLIS.get(name);
        if (factor != null && arity == 1 && isType(call.getScope(), DURATION)) {
            return scale(integerAt(call.getArgument(0), depth + 1), factor);
        }
        if (name.equals("of") && arity == 2 && isType(call.getScope(), DURATION)) {
            return inUnit(chronoUnit(call.getArgument(1)), integerAt(call.getArgument(0), depth + 1));
        }
        if (name.equals("toMillis") && arity == 1 && call.hasScope()) {
            return inUnit(timeUnit(call.getScope().get()), integerAt(call.getArgument(0), depth + 1));
        }
        return OptionalLong.empty();
    }

    private static OptionalLong inUnit(Optional<TimeUnit> unit, OptionalLong amount) {
        if (unit.isPresent() && amount.isPresent()) {
            return OptionalLong.of(unit.get().toMillis(amount.getAsLong()));
        }
        return OptionalLong.empty();
    }

    private OptionalLong integerAt(Expression expression, int depth) {
        Object value = fold(expression, depth);
        return value instanceof Long l ? OptionalLong.of(l) : OptionalLong.empty();
    }

    /** The {@link TimeUnit} constant an expression names ({@code TimeUnit.SECONDS}, or {@code SECONDS} imported). */
    public Optional<TimeUnit> timeUnit(Expression expression) {
        Expression e = unwrap(expression);
        String constant;
        if (e instanceof FieldAccessExpr access && isType(Optional.of(access.getScope()), TIME_UNIT)) {
            constant = access.getNameAsString();
        } else if (e instanceof NameExpr name
                && names.staticImportOwner(name.getNameAsString())
                        .filter(TIME_UNIT::equals)
                        .isPresent()) {
            constant = name.getNameAsString();
        } else {
            return Optional.empty();
        }
        try {
            return Optional.of(TimeUnit.valueOf(constant));
        } catch (IllegalArgumentException notAUnit) {
            return Optional.empty();
        }
    }

    private Optional<TimeUnit> chronoUnit(Expression expression) {
        Expression e = unwrap(expression);
        if (e instanceof FieldAccessExpr access && isType(Optional.of(access.getScope()), CHRONO_UNIT)) {
            return switch (access.getNameAsString()) {
                case "NANOS" -> Optional.of(TimeUnit.NANOSECONDS);
                case "MICROS" -> Optional.of(TimeUnit.MICROSECONDS);
                case "MILLIS" -> Optional.of(TimeUnit.MILLISECONDS);
                case "SECONDS" -> Optional.of(TimeUnit.SECONDS);
                case "MINUTES" -> Optional.of(TimeUnit.MINUTES);
                case "HOURS" -> Optional.of(TimeUnit.HOURS);
                case "DAYS" -> Optional.of(TimeUnit.DAYS);
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    private static OptionalLong scale(OptionalLong amount, long factor) {
        if (amount.isEmpty()) {
            return OptionalLong.empty();
        }
        long value = amount.getAsLong();
        return OptionalLong.of(factor < 0 ? value / -factor : value * factor);
    }

    private boolean isType(Optional<Expression> scope, String qualifiedName) {
        return scope.isPresent() && names.isTypeName(scope.get(), qualifiedName);
    }

    private static Expression unwrap(Expression expression) {
        Expression e = expression;
        while (e instanceof EnclosedExpr enclosed) {
            e = enclosed.getInner();
        }
        return e;
    }

    private Object fold(Expression expression, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        Expression e = unwrap(expression);
        if (e instanceof StringLiteralExpr s) {
            return s.asString();
        }
        if (e instanceof TextBlockLiteralExpr t) {
            return t.asString();
        }
        if (e instanceof IntegerLiteralExpr i) {
            return i.asNumber().longValue();
        }
        if (e instanceof LongLiteralExpr l) {
            return l.asNumber().longValue();
        }
        if (e instanceof DoubleLiteralExpr d) {
            return d.asDouble();
        }
        if (e instanceof BooleanLiteralExpr b) {
            return b.getValue();
        }
        if (e instanceof CharLiteralExpr c) {
            return c.asChar();
        }
        if (e instanceof UnaryExpr u) {
            return unary(u, fold(u.getExpression(), depth + 1));
        }
        if (e instanceof BinaryExpr b) {
            Object left = fold(b.getLeft(), depth + 1);
            Object right = left == null ? null : fold(b.getRight(), depth + 1);
            return left == null || right == null ? null : binary(b.getOperator(), left, right);
        }
        if (e instanceof CastExpr cast) {
            return cast(cast, fold(cast.getExpression(), depth + 1));
        }
        if (e instanceof NameExpr name) {
            return Scopes.declarationOf(name)
                    .filter(d -> d.field() ? d.isFinalField() : Scopes.isNeverReassigned(d, null))
                    .flatMap(Scopes.Declaration::initializer)
                    .map(init -> fold(init, depth + 1))
                    .orElse(null);
        }
        if (e instanceof FieldAccessExpr access) {
            return constantOfTypeInFile(access, depth);
        }
        if (e instanceof MethodCallExpr call) {
            // TimeUnit.SECONDS.toMillis(5) and Duration.ofSeconds(5).toMillis() are constants too.
            OptionalLong millis = durationCallMillis(call, depth + 1);
            return millis.isPresent() ? (Object) millis.getAsLong() : null;
        }
        return null;
    }

    /** {@code Type.CONSTANT} where the type is declared in the same file. */
    private Object constantOfTypeInFile(FieldAccessExpr access, int depth) {
        String typeName = JavaNames.simpleName(access.getScope().toString());
        Optional<Node> root = access.findRootNode() == null ? Optional.empty() : Optional.of(access.findRootNode());
        for (TypeDeclaration<?> type :
                root.map(r -> r.findAll(TypeDeclaration.class)).orElse(java.util.List.of())) {
            if (!type.getNameAsString().equals(typeName)) {
                continue;
            }
            for (FieldDeclaration field : type.getFields()) {
                if (!field.isFinal()) {
                    continue;
                }
                for (VariableDeclarator variable : field.getVariables()) {
                    if (variable.getNameAsString().equals(access.getNameAsString())) {
                        return variable.getInitializer()
                                .map(i -> fold(i, depth + 1))
                                .orElse(null);
                    }
                }
            }
        }
        return null;
    }

    private static Object unary(UnaryExpr u, Object value) {
        if (value == null) {
            return null;
        }
        return switch (u.getOperator()) {
            case MINUS -> value instanceof Long l ? (Object) (-l) : value instanceof Double d ? (Object) (-d) : null;
            case PLUS -> value instanceof Long || value instanceof Double ? value : null;
            case LOGICAL_COMPLEMENT -> value instanceof Boolean b ? (Object) !b : null;
            case BITWISE_COMPLEMENT -> value instanceof Long l ? (Object) ~l : null;
            default -> null;
        };
    }

    private static Object binary(BinaryExpr.Operator op, Object left, Object right) {
        if (op == BinaryExpr.Operator.PLUS && (left instanceof String || right instanceof String)) {
            return String.valueOf(left) + right;
        }
        if (left instanceof Long a && right instanceof Long b) {
            return switch (op) {
                case PLUS -> a + b;
                case MINUS -> a - b;
                case MULTIPLY -> a * b;
                case DIVIDE -> b == 0 ? null : a / b;
                case REMAINDER -> b == 0 ? null : a % b;
                case LEFT_SHIFT -> a << b;
                case SIGNED_RIGHT_SHIFT -> a >> b;
                case UNSIGNED_RIGHT_SHIFT -> a >>> b;
                case BINARY_AND -> a & b;
                case BINARY_OR -> a | b;
                case XOR -> a ^ b;
                default -> null;
            };
        }
        if (left instanceof Number a && right instanceof Number b) {
            double x = a.doubleValue();
            double y = b.doubleValue();
            return switch (op) {
                case PLUS -> x + y;
                case MINUS -> x - y;
                case MULTIPLY -> x * y;
                case DIVIDE -> x / y;
                default -> null;
            };
        }
        if (left instanceof Boolean a && right instanceof Boolean b) {
            return switch (op) {
                case AND -> a && b;
                case OR -> a || b;
                default -> null;
            };
        }
        return null;
    }

    private static Object cast(CastExpr cast, Object value) {
        if (value == null || !(cast.getType() instanceof PrimitiveType primitive)) {
            return value instanceof String ? value : null;
        }
        return switch (primitive.getType()) {
            case INT, LONG, SHORT, BYTE -> value instanceof Number n ? (Object) n.longValue() : null;
            case DOUBLE, FLOAT -> value instanceof Number n ? (Object) n.doubleValue() : null;
            default -> null;
        };
    }
}
