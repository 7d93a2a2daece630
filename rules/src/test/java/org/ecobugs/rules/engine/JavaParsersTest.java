package org.ecobugs.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.type.VarType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecobugs.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** The engine's parser skips the language-level validators and builds the very trees the validating parser builds. */
class JavaParsersTest {

    private static final String VAR = "class A { void m() { var x = 1; } }";
    private static final String YIELD =
            "class A { int m(int k) { return switch (k) { case 1 -> 1; default -> { yield 2; } }; } }";

    @Test
    void varIsItsOwnTypeFromJava10On() {
        assertThat(parse(25, VAR).findAll(VarType.class)).hasSize(1);
        assertThat(parse(10, VAR).findAll(VarType.class)).hasSize(1);
        assertThat(parse(8, VAR).findAll(VarType.class)).isEmpty();
        // Told that the code holds no var, the parser does not look for one.
        assertThat(JavaParsers.create(25, false)
                        .parse(VAR)
                        .getResult()
                        .orElseThrow()
                        .findAll(VarType.class))
                .isEmpty();
    }

    @Test
    void yieldStillParsesAfterAFailedParse() {
        JavaParser parser = JavaParsers.create(17);
        assertThat(parser.parse(YIELD).isSuccessful()).isTrue();
        assertThat(parser.parse("class {").isSuccessful()).isFalse();
        assertThat(parser.parse(YIELD).isSuccessful()).isTrue();
    }

    @Test
    void codeNewerThanTheLevelParsesAsTheValidatorsDoNotRun() throws IOException {
        String modern = resource("/broken/ModernSyntax.java");
        ParseResult<CompilationUnit> validated = standard(17).parse(modern);
        assertThat(validated.isSuccessful()).isFalse();
        assertThat(JavaParsers.create(17).parse(modern).isSuccessful()).isTrue();
    }

    @Test
    void buildsTheSameTreesAsTheValidatingParserOnEveryFixture() throws IOException {
        List<Path> sources = new ArrayList<>(Fixtures.allSources());
        assertThat(sources).hasSizeGreaterThan(20);
        JavaParser fast = JavaParsers.create(25);
        JavaParser validating = standard(25);
        for (Path source : sources) {
            String text = Files.readString(source, StandardCharsets.UTF_8);
            CompilationUnit expected = validating.parse(text).getResult().orElseThrow();
            CompilationUnit actual = fast.parse(text).getResult().orElseThrow();
            assertThat(shape(actual)).as(source.toString()).isEqualTo(shape(expected));
            assertThat(actual.toString()).as(source.toString()).isEqualTo(expected.toString());
        }
    }

    private static List<String> shape(CompilationUnit unit) {
        List<String> nodes = new ArrayList<>();
        unit.walk(
                Node.TreeTraversal.PREORDER,
                n -> nodes.add(n.getClass().getSimpleName()
                        + n.getRange().map(r -> "@" + r.begin + "-" + r.end).orElse("")));
        return nodes;
    }

    private static CompilationUnit parse(int level, String code) {
        ParseResult<CompilationUnit> result = JavaParsers.create(level).parse(code);
        assertThat(result.getProblems()).isEmpty();
        return result.getResult().orElseThrow();
    }

    private static JavaParser standard(int level) {
        return new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.valueOf("JAVA_" + level))
                .setAttributeComments(false));
    }

    private static String resource(String name) throws IOException {
        try (var in = JavaParsersTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
