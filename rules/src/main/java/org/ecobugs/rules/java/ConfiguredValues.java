package org.ecobugs.rules.java;

import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Spring hands configuration to code: the {@code @Value("${key:default}")} annotation, {@code
 * @ConfigurationProperties} and their key prefixes, and the conversion of a setting's text to the type of the field or
 * parameter that receives it.
 */
public final class ConfiguredValues {

    static final String VALUE = "org.springframework.beans.factory.annotation.Value";
    static final String CONFIGURATION_PROPERTIES =
            "org.springframework.boot.context.properties.ConfigurationProperties";

    /** Spring Boot's simple duration format: {@code 500ms}, {@code 30s}, {@code 5m}; a bare number in milliseconds. */
    private static final Pattern SIMPLE_DURATION = Pattern.compile("([-+]?\\d{1,15})(ns|us|ms|s|m|h|d)?");

    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");

    private ConfiguredValues() {}

    /** The {@code @Value} annotation of a field or parameter, if it has one. */
    static Optional<AnnotationExpr> valueAnnotation(NodeWithAnnotations<?> annotated, JavaNames names) {
        return annotated.getAnnotations().stream()
                .filter(a -> names.mayBe(a.getNameAsString(), VALUE))
                .findFirst();
    }

    /** The {@code @ConfigurationProperties} annotation of a type, if it has one. */
    static Optional<AnnotationExpr> propertiesAnnotation(NodeWithAnnotations<?> annotated, JavaNames names) {
        return annotated.getAnnotations().stream()
                .filter(a -> names.mayBe(a.getNameAsString(), CONFIGURATION_PROPERTIES))
                .findFirst();
    }

    /**
     * The key a field binds to under relaxed binding, in its canonical form: {@code prettyPrint} under {@code fhir} is
     * {@code fhir.pretty-print}.
     */
    static String key(String prefix, String field) {
        String kebab = CAMEL.matcher(field).replaceAll("-").toLowerCase(Locale.ROOT);
        return prefix.isEmpty() ? kebab : prefix + "." + kebab;
    }

    /**
     * A setting's text as a value of {@code type}, as Spring converts it: numbers and booleans for primitives and their
     * boxes, text for {@code String}, ISO-8601 ({@code PT5S}) or the simple format ({@code 5s}) for a {@code Duration};
     * null for any other type, or a text that does not convert.
     */
    static Object convert(String text, Type type, JavaNames names) {
        String value = text.strip();
        try {
            if (type instanceof PrimitiveType primitive) {
                return primitive(value, primitive.getType());
            }
            String name = names.resolve(type).orElse(type.asString());
            return switch (name) {
                case "java.lang.String" -> text;
                case "java.lang.Integer" -> Integer.valueOf(value);
                case "java.lang.Long" -> Long.valueOf(value);
                case "java.lang.Short" -> Short.valueOf(value);
                case "java.lang.Byte" -> Byte.valueOf(value);
                case "java.lang.Double" -> Double.valueOf(value);
                case "java.lang.Float" -> Float.valueOf(value);
                case "java.lang.Boolean" -> bool(value);
                case "java.time.Duration" -> duration(value);
                default -> null;
            };
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException notConverted) {
            return null;
        }
    }

    private static Object primitive(String value, PrimitiveType.Primitive type) {
        return switch (type) {
            case INT -> Integer.valueOf(value);
            case LONG -> Long.valueOf(value);
            case SHORT -> Short.valueOf(value);
            case BYTE -> Byte.valueOf(value);
            case DOUBLE -> Double.valueOf(value);
            case FLOAT -> Float.valueOf(value);
            case BOOLEAN -> bool(value);
            case CHAR -> value.length() == 1 ? value.charAt(0) : null;
        };
    }

    private static Boolean bool(String value) {
        if (value.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        return value.equalsIgnoreCase("false") ? Boolean.FALSE : null;
    }

    private static Duration duration(String value) {
        if (value.startsWith("P") || value.startsWith("-P") || value.startsWith("p")) {
            return Duration.parse(value);
        }
        Matcher simple = SIMPLE_DURATION.matcher(value.toLowerCase(Locale.ROOT));
        if (!simple.matches()) {
            return null;
        }
        long amount = Long.parseLong(simple.group(1));
        String unit = simple.group(2) == null ? "ms" : simple.group(2);
        return switch (unit) {
            case "ns" -> Duration.ofNanos(amount);
            case "us" -> Duration.ofNanos(Math.multiplyExact(amount, 1_000L));
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
