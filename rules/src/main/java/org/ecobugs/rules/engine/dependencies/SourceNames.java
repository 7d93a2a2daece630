package org.ecobugs.rules.engine.dependencies;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ecobugs.rules.java.JavaCode;

/**
 * The names a source file uses that bytecode may not keep: imports (an inlined constant or a source-retention
 * annotation leaves only its import behind) and fully qualified names written in the code.
 */
final class SourceNames {

    private static final Pattern IMPORT =
            Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\p{javaJavaIdentifierPart}.]+?(?:\\s*\\.\\s*\\*)?)\\s*;");

    private SourceNames() {}

    /** From a parsed file: imports ({@code a.b.C}, {@code a.b.*}, {@code a.b.C.MEMBER}) and qualified names. */
    static Set<String> of(CompilationUnit unit) {
        Set<String> names = new LinkedHashSet<>();
        for (ImportDeclaration declaration : unit.getImports()) {
            names.add(declaration.getNameAsString() + (declaration.isAsterisk() ? ".*" : ""));
        }
        unit.walk(Node.TreeTraversal.PREORDER, node -> {
            if (node instanceof ClassOrInterfaceType type && type.getScope().isPresent()) {
                addQualified(names, type.getNameWithScope());
            } else if (node instanceof AnnotationExpr annotation) {
                addQualified(names, annotation.getNameAsString());
            } else if (node instanceof FieldAccessExpr access
                    && !(access.getParentNode().orElse(null) instanceof FieldAccessExpr)
                    && rootName(access) != null) {
                addQualified(names, access.toString());
            }
        });
        return names;
    }

    /**
     * From the text of a file that is not parsed because no code rule looks at it: its imports and every dotted name
     * of its code that starts with a lower-case segment ({@code a.b.C}, {@code a.b.C.MEMBER}, {@code a.b.*}), read
     * without a parse, outside comments and literals, with their prefixes as the parse gives the scopes of a type. It
     * holds what {@link #of} finds, and a few more names that name no class ({@code list.size} of a call), which the
     * dependency analysis resolves to nothing.
     */
    static Set<String> lexical(CharSequence text) {
        Set<String> names = new LinkedHashSet<>();
        StringBuilder chain = new StringBuilder();
        int segments = 0;
        boolean dot = false;
        String previousWord = "";
        int length = text.length();
        int i = 0;
        while (i <= length) {
            if (i == length) {
                addChain(names, chain, segments, previousWord);
                break;
            }
            int after = JavaCode.skipCommentOrLiteral(text, i);
            if (after > i) {
                addChain(names, chain, segments, previousWord);
                chain.setLength(0);
                segments = 0;
                dot = false;
                i = after;
                continue;
            }
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < length && Character.isJavaIdentifierPart(text.charAt(i))) {
                    i++;
                }
                if (!(dot && segments > 0)) {
                    if (segments == 1) {
                        previousWord = chain.toString();
                    } else {
                        addChain(names, chain, segments, previousWord);
                        previousWord = "";
                    }
                    chain.setLength(0);
                    segments = 0;
                } else {
                    chain.append('.');
                }
                chain.append(text, start, i);
                segments++;
                dot = false;
            } else if (c == '.' && segments > 0 && !dot) {
                dot = true;
                i++;
            } else if (c == '*' && dot && segments > 0) {
                chain.append(".*");
                segments++;
                addChain(names, chain, segments, previousWord);
                chain.setLength(0);
                segments = 0;
                dot = false;
                i++;
            } else {
                addChain(names, chain, segments, previousWord);
                previousWord = "";
                chain.setLength(0);
                segments = 0;
                dot = false;
                i++;
            }
        }
        return names;
    }

    private static void addChain(Set<String> names, StringBuilder chain, int segments, String previousWord) {
        // The package declaration names the file's own package; this.x and super.x name members.
        if (segments >= 2 && !previousWord.equals("package")) {
            String name = chain.toString();
            if (!name.startsWith("this.") && !name.startsWith("super.")) {
                addQualified(names, name);
                // As the parse names the scopes of a qualified type (a.b.Outer of a.b.Outer.Inner).
                for (int dot = name.lastIndexOf('.'); dot > 0; dot = name.lastIndexOf('.', dot - 1)) {
                    String prefix = name.substring(0, dot);
                    if (prefix.indexOf('.') < 0) {
                        break;
                    }
                    addQualified(names, prefix);
                }
            }
        }
    }

    /** From the text of a file that is not parsed: its imports only. */
    static Set<String> importsOf(String text) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : text.split("\n")) {
            Matcher matcher = IMPORT.matcher(line);
            if (matcher.find()) {
                names.add(matcher.group(1).replaceAll("\\s", ""));
            }
        }
        return names;
    }

    private static void addQualified(Set<String> names, String name) {
        // A package-qualified name starts with a lower-case segment and has at least a package and a class.
        if (name.indexOf('.') > 0 && Character.isLowerCase(name.charAt(0))) {
            names.add(name);
        }
    }

    private static String rootName(FieldAccessExpr access) {
        Expression scope = access.getScope();
        while (scope instanceof FieldAccessExpr inner) {
            scope = inner.getScope();
        }
        return scope instanceof NameExpr name ? name.getNameAsString() : null;
    }
}
