package org.ecobugs.benchmark;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.ecobugs.rules.Finding;

/**
 * The code a finding sits in, as stack frames name it: the lines of the method (or constructor, or initializer) that
 * encloses it in its source file, or of its class when it sits in a field's initializer, or the whole file when the
 * source cannot be read (a finding from bytecode alone). A frame is in the scope when its class was compiled from the
 * finding's file and its line is in the range; lambdas and local classes of the method are in it too.
 *
 * @param file the finding's file with forward slashes, matched against frames by its end (the package path)
 * @param firstLine the first line of the scope
 * @param lastLine the last line, inclusive
 * @param description what the scope is, e.g. {@code method awaitInstrumentReady}
 */
public record FindingScope(String file, int firstLine, int lastLine, String description) {

    /** Whether a frame of the recording runs code of this scope. */
    public boolean contains(FrameKey frame) {
        String source = frame.sourcePath();
        return (file.equals(source) || file.endsWith("/" + source))
                && frame.line() >= firstLine
                && frame.line() <= lastLine;
    }

    /** Finds scopes, parsing each source file once. */
    public static final class Resolver {
        private final Map<Path, Optional<CompilationUnit>> parsed = new ConcurrentHashMap<>();
        private final JavaParser parser = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.valueOf("JAVA_25"))
                .setAttributeComments(false));

        public FindingScope of(Finding finding) {
            String file = finding.file()
                    .toString()
                    .replace(finding.file().getFileSystem().getSeparator(), "/");
            Optional<CompilationUnit> unit = finding.file().isAbsolute() && file.endsWith(".java")
                    ? parsed.computeIfAbsent(finding.file(), this::parse)
                    : Optional.empty();
            if (unit.isEmpty()) {
                return new FindingScope(file, 1, Integer.MAX_VALUE, "file");
            }
            int line = finding.line();
            Node innermost = null;
            for (Node node : unit.get().findAll(Node.class, n -> isScope(n) && covers(n, line))) {
                if (innermost == null || size(node) < size(innermost)) {
                    innermost = node;
                }
            }
            if (innermost == null) {
                return new FindingScope(file, 1, Integer.MAX_VALUE, "file");
            }
            Range range = innermost.getRange().orElseThrow();
            return new FindingScope(file, range.begin.line, range.end.line, describe(innermost));
        }

        private Optional<CompilationUnit> parse(Path source) {
            try {
                ParseResult<CompilationUnit> result = parser.parse(Files.readString(source));
                // A file that does not parse cleanly gives no reliable line ranges: the whole file is the scope.
                return result.isSuccessful() ? result.getResult() : Optional.empty();
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }

        private static boolean isScope(Node node) {
            return node instanceof CallableDeclaration<?>
                    || node instanceof InitializerDeclaration
                    || node instanceof TypeDeclaration<?>;
        }

        private static boolean covers(Node node, int line) {
            return node.getRange()
                    .map(r -> r.begin.line <= line && line <= r.end.line)
                    .orElse(false);
        }

        private static int size(Node node) {
            Range range = node.getRange().orElseThrow();
            return range.end.line - range.begin.line;
        }

        private static String describe(Node node) {
            if (node instanceof CallableDeclaration<?> callable) {
                return (callable.isConstructorDeclaration() ? "constructor " : "method ") + callable.getNameAsString();
            }
            if (node instanceof InitializerDeclaration initializer) {
                return initializer.isStatic() ? "static initializer" : "initializer";
            }
            return "class " + ((TypeDeclaration<?>) node).getNameAsString();
        }
    }
}
