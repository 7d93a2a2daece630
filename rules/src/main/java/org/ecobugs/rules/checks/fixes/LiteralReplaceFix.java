package org.ecobugs.rules.checks.fixes;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ecobugs.rules.Fix;
import org.ecobugs.rules.java.Fixes;

/**
 * The quick fix of EB304 for a regex that matches only its own text: {@code s.replaceAll("<", "&lt;")} becomes {@code
 * s.replace("<", "&lt;")}, which compiles nothing.
 */
public final class LiteralReplaceFix {

    private static final String DESCRIPTION = "Use String.replace, which compiles nothing";

    private LiteralReplaceFix() {}

    /**
     * The fix of {@code call}, a {@code replaceAll} of {@code regex} that matches only {@code text}: an escaped regex
     * becomes the text it matches ({@code replaceAll("\\\\?", "")} to {@code replace("?", "")}), which only a literal
     * argument can be rewritten to.
     */
    public static Optional<Fix> of(MethodCallExpr call, String regex, String text) {
        Fix rename = Fixes.replace(DESCRIPTION, call.getName(), "replace");
        if (regex.equals(text)) {
            return Optional.of(rename);
        }
        Expression argument = call.getArgument(0);
        if (!argument.isStringLiteralExpr() || argument.getRange().isEmpty()) {
            return Optional.empty();
        }
        Fix literal = Fixes.replace(DESCRIPTION, argument, javaStringLiteral(text));
        List<Fix.Edit> edits = new ArrayList<>(rename.edits());
        edits.addAll(literal.edits());
        return Optional.of(new Fix(DESCRIPTION, edits));
    }

    private static String javaStringLiteral(String text) {
        StringBuilder literal = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\t' -> literal.append("\\t");
                case '\n' -> literal.append("\\n");
                case '\r' -> literal.append("\\r");
                case '\f' -> literal.append("\\f");
                case '"' -> literal.append("\\\"");
                case '\\' -> literal.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        literal.append(String.format("\\u%04x", (int) c));
                    } else {
                        literal.append(c);
                    }
                }
            }
        }
        return literal.append('"').toString();
    }
}
