package org.ecobugs.rules.engine;

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
