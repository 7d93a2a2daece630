package org.ecobugs.rules.checks.fixes;

import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.util.Optional;
import org.ecobugs.rules.Fix;

/** How a file names {@code java.util.regex.Pattern}, and the import a fix adds for it. */
final class PatternImports {

    private static final String PATTERN_TYPE = "java.util.regex.Pattern";

    private PatternImports() {}

    /** {@code Pattern}, unless the file has another type of that simple name in scope. */
    static String typeName(CompilationUnit unit) {
        if (importsPattern(unit)) {
            return "Pattern";
        }
        boolean otherPattern = unit.getImports().stream()
                        .anyMatch(i -> !i.isStatic()
                                && !i.isAsterisk()
                                && i.getName().getIdentifier().equals("Pattern"))
                || unit.findAll(TypeDeclaration.class).stream()
                        .anyMatch(t -> t.getNameAsString().equals("Pattern"));
        return otherPattern ? PATTERN_TYPE : "Pattern";
    }

    /** The import of {@code Pattern} a file needs to name it {@code Pattern}, if it has none. */
    static Optional<Fix.Edit> missingImport(CompilationUnit unit) {
        return importsPattern(unit) ? Optional.empty() : importEdit(unit);
    }

    private static boolean importsPattern(CompilationUnit unit) {
        for (ImportDeclaration declaration : unit.getImports()) {
            String name = declaration.getNameAsString();
            if (!declaration.isStatic()
                    && (declaration.isAsterisk() ? name.equals("java.util.regex") : name.equals(PATTERN_TYPE))) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Fix.Edit> importEdit(CompilationUnit unit) {
        String line = "import " + PATTERN_TYPE + ";\n";
        if (!unit.getImports().isEmpty()) {
            Optional<Range> last =
                    unit.getImports().get(unit.getImports().size() - 1).getRange();
            return last.map(r -> new Fix.Edit(r.end.line + 1, 1, r.end.line + 1, 0, line));
        }
        Optional<Range> packageLine = unit.getPackageDeclaration().flatMap(Node::getRange);
        if (packageLine.isPresent()) {
            int after = packageLine.get().end.line + 1;
            return Optional.of(new Fix.Edit(after, 1, after, 0, "\n" + line));
        }
        return Optional.of(new Fix.Edit(1, 1, 1, 0, line + "\n"));
    }
}
