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
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Computes compile-time values of expressions in one file: literals and text blocks, {@code final} fields and
 * effectively final locals with an initializer, string concatenation, arithmetic and shifts, casts, and durations
 * built with {@link TimeUnit} or {@code java.time.Duration}. Values keep their Java type while they are folded, so that
 * they compute as Java does: an {@code int} product wraps, a shift takes the type of its left operand, a cast narrows,
 * a constant takes its declared type, and a concatenation holds each part's text (a {@code float}'s, a duration's
 * {@code PT5S}). {@link #value} gives integral values as {@link Long}, floating ones as {@link Double}, chars as
 * {@link Character} and durations as {@link Duration}.
 *
 * <p>With the {@link ProjectConstants} of the analysed project, it also folds what the file's code takes from the rest
 * of the project: constants of its other classes ({@code PollSettings.INTERVAL_MS}, a name imported statically or
 * inherited from a supertype), what Spring injects into a field or parameter annotated {@code @Value("${key:default}")}
 * (the key's value in the configuration files, else the default), and what a getter of a {@code
 * @ConfigurationProperties} object returns. {@link #origins} tells which of these decided a value, for messages.
 */
public final class ConstantFolder {

    /** Deep enough for SQL concatenated over many lines; a bound, because names may refer to each other. */
    private static final int MAX_DEPTH = 64;

    private static final String DURATION = "java.time.Duration";
    private static final String TIME_UNIT = "java.util.concurrent.TimeUnit";
    private static final String CHRONO_UNIT = "java.time.temporal.ChronoUnit";
    private static final Map<String, TimeUnit> DURATION_FACTORY_UNITS = Map.of(
            "ofNanos", TimeUnit.NANOSECONDS,
            "ofMillis", TimeUnit.MILLISECONDS,
            "ofSeconds", TimeUnit.SECONDS,
            "ofMinutes", TimeUnit.MINUTES,
            "ofHours", TimeUnit.HOURS,
            "ofDays", TimeUnit.DAYS);

    private final JavaNames names;
    private final InjectedValues injected;
    private final ProjectReferences elsewhere;

    /** A folder of what the file alone tells. */
    public ConstantFolder(JavaNames names) {
        this(names, ProjectConstants.NONE);
    }

    /** A folder that also reads the project's other classes and its configuration. */
    public ConstantFolder(JavaNames names, ProjectConstants project) {
        this.names = names;
        this.injected = new InjectedValues(this, names, project);
        this.elsewhere = new ProjectReferences(names, project);
    }

    /**
     * What outside the expression's own file decided its value, in the order folding met it: constants of other
     * classes, configuration files' settings, placeholders' defaults, {@code @ConfigurationProperties} fields' initial
     * values. Empty when the file alone decides it, or its value is unknown.
     */
    public List<ValueOrigin> origins(Expression expression) {
        List<ValueOrigin> trace = new ArrayList<>();
        return fold(expression, 0, trace) == null ? List.of() : List.copyOf(new LinkedHashSet<>(trace));
    }

    /**
     * A text's placeholders ({@code ${key}}, {@code ${key:default}}) replaced by the project's configuration, or by
     * their defaults where no configuration file sets the key; empty when a key has neither. A text without
     * placeholders is itself.
     */
    public Optional<String> resolvePlaceholders(String text) {
        return Optional.ofNullable(injected.resolved(text, null, null));
    }

    /**
     * The settings and defaults that {@link #resolvePlaceholders} took for a text written at {@code at} (where a
     * default is reported).
     */
    public List<ValueOrigin> placeholderOrigins(String text, Node at) {
        List<ValueOrigin> trace = new ArrayList<>();
        return injected.resolved(text, at, trace) == null ? List.of() : List.copyOf(new LinkedHashSet<>(trace));
    }

    public Optional<Object> value(Expression expression) {
        Object value = fold(expression, 0, null);
        if (isIntegral(value) && !(value instanceof Character)) {
            return Optional.of(((Number) value).longValue());
        }
        if (value instanceof Float f) {
            return Optional.of(f.doubleValue());
        }
        return Optional.ofNullable(value);
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
        Object value = fold(part, 0, null);
        return value == null ? "?" : String.valueOf(value);
    }

    /** The value of an expression of type {@code byte}, {@code short}, {@code int} or {@code long}. */
    public OptionalLong integer(Expression expression) {
        Object value = fold(expression, 0, null);
        return isIntegral(value) && !(value instanceof Character)
                ? OptionalLong.of(((Number) value).longValue())
                : OptionalLong.empty();
    }

    public Optional<Boolean> bool(Expression expression) {
        return value(expression).filter(Boolean.class::isInstance).map(Boolean.class::cast);
    }

    /**
     * The length in milliseconds of a duration expression: a {@code Duration} factory ({@code ofSeconds(5)}, with an
     * optional {@code .toMillis()}), {@code TimeUnit.X.toMillis(n)}, or a plain number taken as milliseconds.
     */
    public OptionalLong durationMillis(Expression expression) {
        Object value = fold(expression, 0, null);
        if (value instanceof Duration duration) {
            Long millis = millis(duration);
            return millis == null ? OptionalLong.empty() : OptionalLong.of(millis);
        }
        return integer(expression);
    }

    /** Duration.toMillis(), or null where it would throw: a duration too long for a long of milliseconds. */
    private static Long millis(Duration duration) {
        try {
            return duration.toMillis();
        } catch (ArithmeticException tooLong) {
            return null;
        }
    }

    /** The value of a call that computes a constant: a duration, or a duration's or a time unit's milliseconds. */
    private Object call(MethodCallExpr call, int depth, List<ValueOrigin> trace) {
        String name = call.getNameAsString();
        int arity = call.getArguments().size();
        if (name.equals("toMillis") && arity == 0 && call.hasScope()) {
            return fold(call.getScope().get(), depth + 1, trace) instanceof Duration duration ? millis(duration) : null;
        }
        TimeUnit factoryUnit = DURATION_FACTORY_UNITS.get(name);
        if (factoryUnit != null && arity == 1 && isType(call.getScope(), DURATION)) {
            return duration(fold(call.getArgument(0), depth + 1, trace), Optional.of(factoryUnit));
        }
        if (name.equals("of") && arity == 2 && isType(call.getScope(), DURATION)) {
            return duration(fold(call.getArgument(0), depth + 1, trace), chronoUnit(call.getArgument(1)));
        }
        if (name.equals("toMillis") && arity == 1 && call.hasScope()) {
            Optional<TimeUnit> unit = timeUnit(call.getScope().get());
            Object amount = fold(call.getArgument(0), depth + 1, trace);
            return unit.isPresent() && isIntegral(amount) ? unit.get().toMillis(integral(amount)) : null;
        }
        return null;
    }

    private static Duration duration(Object amount, Optional<TimeUnit> unit) {
        if (unit.isEmpty() || !isIntegral(amount)) {
            return null;
        }
        try {
            return Duration.of(integral(amount), unit.get().toChronoUnit());
        } catch (ArithmeticException tooLong) {
            return null;
        }
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

    /**
     * The value of an expression in its Java type: {@link Integer}, {@link Long}, {@link Short}, {@link Byte}, {@link
     * Character}, {@link Float}, {@link Double}, {@link Boolean}, {@link String} or {@link Duration}; null when it is
     * not known.
     */
    private Object fold(Expression expression, int depth, List<ValueOrigin> trace) {
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
            // 2147483648 is read as a long; legal only after a minus sign, it is the int Integer.MIN_VALUE there.
            return i.asNumber().intValue();
        }
        if (e instanceof LongLiteralExpr l) {
            return l.asNumber().longValue();
        }
        if (e instanceof DoubleLiteralExpr d) {
            String digits = d.getValue().replace("_", "");
            return digits.endsWith("f") || digits.endsWith("F") ? (Object) Float.parseFloat(digits) : d.asDouble();
        }
        if (e instanceof BooleanLiteralExpr b) {
            return b.getValue();
        }
        if (e instanceof CharLiteralExpr c) {
            return c.asChar();
        }
        if (e instanceof UnaryExpr u) {
            return unary(u.getOperator(), fold(u.getExpression(), depth + 1, trace));
        }
        if (e instanceof BinaryExpr b) {
            Object left = fold(b.getLeft(), depth + 1, trace);
            Object right = left == null ? null : fold(b.getRight(), depth + 1, trace);
            return left == null || right == null ? null : binary(b.getOperator(), left, right);
        }
        if (e instanceof CastExpr cast) {
            return cast(cast.getType(), fold(cast.getExpression(), depth + 1, trace));
        }
        if (e instanceof NameExpr name) {
            Optional<Scopes.Declaration> declaration = Scopes.declarationOf(name);
            return declaration.isPresent()
                    ? declared(declaration.get(), depth, trace)
                    : elsewhere.staticOrInherited(name, depth, trace);
        }
        if (e instanceof FieldAccessExpr access) {
            if (access.getScope() instanceof ThisExpr) {
                return Scopes.declarationOf(access, access.getNameAsString())
                        .filter(Scopes.Declaration::field)
                        .map(d -> declared(d, depth, trace))
                        .orElse(null);
            }
            return constantOfType(access, depth, trace);
        }
        if (e instanceof MethodCallExpr call) {
            // TimeUnit.SECONDS.toMillis(5) and Duration.ofSeconds(5).toMillis() are constants too.
            Object computed = call(call, depth + 1, trace);
            return computed != null || depth > MAX_DEPTH ? computed : elsewhere.property(call, depth, trace);
        }
        return null;
    }

    /**
     * The value of a declared variable: a final field's or an effectively final local's initializer, or what Spring
     * injects into it.
     */
    private Object declared(Scopes.Declaration d, int depth, List<ValueOrigin> trace) {
        boolean unchanged = d.field() ? d.isFinalField() : Scopes.isNeverReassigned(d, null);
        if (unchanged && d.initializer().isPresent()) {
            return stored(d.type(), fold(d.initializer().get(), depth + 1, trace));
        }
        return d.initializer().isPresent() || depth > MAX_DEPTH ? null : injected.into(d, unchanged, trace);
    }

    /**
     * {@code Type.CONSTANT}: of a type declared in the same file, else of the project's type of that name (its own or
     * inherited).
     */
    private Object constantOfType(FieldAccessExpr access, int depth, List<ValueOrigin> trace) {
        String scope = access.getScope().toString();
        String typeName = JavaNames.simpleName(scope);
        if (typeName.isEmpty() || !Character.isUpperCase(typeName.charAt(0))) {
            return null;
        }
        Optional<Node> root = access.findRootNode() == null ? Optional.empty() : Optional.of(access.findRootNode());
        for (TypeDeclaration<?> type :
                root.map(r -> r.findAll(TypeDeclaration.class)).orElse(List.of())) {
            if (!type.getNameAsString().equals(typeName)) {
                continue;
            }
            for (FieldDeclaration field : type.getFields()) {
                if (!field.isFinal()) {
                    continue;
                }
                for (VariableDeclarator variable : field.getVariables()) {
                    if (variable.getNameAsString().equals(access.getNameAsString())) {
                        return initialValue(variable, depth + 1, trace);
                    }
                }
            }
        }
        return elsewhere.constant(scope, access.getNameAsString(), depth, trace);
    }

    /** The value a variable holds once its initializer ran, in its declared type; null without initializer. */
    Object initialValue(VariableDeclarator variable, int depth, List<ValueOrigin> trace) {
        return variable.getInitializer()
                .map(i -> stored(variable.getType(), fold(i, depth + 1, trace)))
                .orElse(null);
    }

    /** The value a variable of {@code type} holds once initialised with {@code value}: a primitive converts to it. */
    private static Object stored(Type type, Object value) {
        return type instanceof PrimitiveType primitive ? convert(value, primitive.getType()) : value;
    }

    private static Object unary(UnaryExpr.Operator operator, Object operand) {
        if (operand == null) {
            return null;
        }
        if (operator == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
            return operand instanceof Boolean b ? !b : null;
        }
        Object value = promoted(operand);
        return switch (operator) {
            case MINUS -> {
                if (value instanceof Integer i) {
                    yield -i;
                }
                if (value instanceof Long l) {
                    yield -l;
                }
                if (value instanceof Float f) {
                    yield -f;
                }
                yield value instanceof Double d ? -d : null;
            }
            case PLUS -> isNumeric(value) ? value : null;
            case BITWISE_COMPLEMENT -> {
                if (value instanceof Integer i) {
                    yield ~i;
                }
                yield value instanceof Long l ? ~l : null;
            }
            default -> null;
        };
    }

    private static Object binary(BinaryExpr.Operator op, Object left, Object right) {
        if (op == BinaryExpr.Operator.PLUS && (left instanceof String || right instanceof String)) {
            return String.valueOf(left) + right;
        }
        if (left instanceof Boolean a && right instanceof Boolean b) {
            return switch (op) {
                case AND -> a && b;
                case OR -> a || b;
                default -> null;
            };
        }
        if (!isNumeric(left) || !isNumeric(right)) {
            return null;
        }
        return switch (op) {
            case LEFT_SHIFT, SIGNED_RIGHT_SHIFT, UNSIGNED_RIGHT_SHIFT -> shift(op, promoted(left), promoted(right));
            default -> arithmetic(op, promoted(left), promoted(right));
        };
    }

    /**
     * An operation on two numbers, in the type binary numeric promotion gives them (JLS 5.6). An {@code int} operation
     * keeps the low 32 bits of the {@code long} one, and a {@code float} operation is the {@code double} one rounded to
     * {@code float} (a {@code double} holds more than twice the digits of a {@code float}, so that rounding once more
     * changes nothing): each is computed in the wider type.
     */
    private static Object arithmetic(BinaryExpr.Operator op, Object left, Object right) {
        if (left instanceof Double || left instanceof Float || right instanceof Double || right instanceof Float) {
            double a = ((Number) left).doubleValue();
            double b = ((Number) right).doubleValue();
            Double result = switch (op) {
                case PLUS -> a + b;
                case MINUS -> a - b;
                case MULTIPLY -> a * b;
                case DIVIDE -> a / b;
                case REMAINDER -> a % b;
                default -> null;
            };
            return result == null || left instanceof Double || right instanceof Double
                    ? result
                    : (Object) result.floatValue();
        }
        long a = ((Number) left).longValue();
        long b = ((Number) right).longValue();
        Long result = switch (op) {
            case PLUS -> a + b;
            case MINUS -> a - b;
            case MULTIPLY -> a * b;
            case DIVIDE -> b == 0 ? null : a / b;
            case REMAINDER -> b == 0 ? null : a % b;
            case BINARY_AND -> a & b;
            case BINARY_OR -> a | b;
            case XOR -> a ^ b;
            default -> null;
        };
        return result == null || left instanceof Long || right instanceof Long ? result : (Object) result.intValue();
    }

    /**
     * A shift, in the type of its left operand alone (JLS 15.19): an {@code int} shift uses the low five bits of its
     * distance, a {@code long} shift the low six, as Java's own operators do.
     */
    private static Object shift(BinaryExpr.Operator op, Object left, Object right) {
        if (!isIntegral(left) || !isIntegral(right)) {
            return null;
        }
        int distance = (int) integral(right);
        if (left instanceof Long a) {
            return switch (op) {
                case LEFT_SHIFT -> a << distance;
                case SIGNED_RIGHT_SHIFT -> a >> distance;
                default -> a >>> distance;
            };
        }
        int a = (Integer) left;
        return switch (op) {
            case LEFT_SHIFT -> a << distance;
            case SIGNED_RIGHT_SHIFT -> a >> distance;
            default -> a >>> distance;
        };
    }

    /** A cast: to a primitive type, Java's conversion (JLS 5.5); to {@code String}, a string only. */
    private static Object cast(Type type, Object value) {
        if (value == null || !(type instanceof PrimitiveType primitive)) {
            return value instanceof String ? value : null;
        }
        return convert(value, primitive.getType());
    }

    /**
     * A value converted to a primitive type as Java converts it: a narrowing keeps the low bits of an integral value,
     * and rounds a floating one towards zero within the type's bounds (NaN gives zero).
     */
    private static Object convert(Object value, PrimitiveType.Primitive type) {
        if (type == PrimitiveType.Primitive.BOOLEAN || value instanceof Boolean) {
            return type == PrimitiveType.Primitive.BOOLEAN && value instanceof Boolean ? value : null;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return switch (type) {
                case BYTE -> (byte) d;
                case SHORT -> (short) d;
                case CHAR -> (char) d;
                case INT -> (int) d;
                case LONG -> (long) d;
                case FLOAT -> (float) d;
                default -> d;
            };
        }
        if (!isIntegral(value)) {
            return null;
        }
        long l = integral(value);
        return switch (type) {
            case BYTE -> (byte) l;
            case SHORT -> (short) l;
            case CHAR -> (char) l;
            case INT -> (int) l;
            case LONG -> l;
            case FLOAT -> (float) l;
            default -> (double) l;
        };
    }

    /** Unary numeric promotion (JLS 5.6): a {@code byte}, {@code short} or {@code char} becomes an {@code int}. */
    private static Object promoted(Object value) {
        if (value instanceof Character c) {
            return (int) c;
        }
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        return value;
    }

    private static boolean isNumeric(Object value) {
        return value instanceof Number || value instanceof Character;
    }

    private static boolean isIntegral(Object value) {
        return value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte
                || value instanceof Character;
    }

    private static long integral(Object value) {
        return value instanceof Character c ? c : ((Number) value).longValue();
    }
}
