package org.ecobugs.rules.engine.dependencies;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.CompilationUnit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ecobugs.rules.engine.JavaParsers;
import org.ecobugs.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;

class SourceNamesTest {

    @Test
    void readsQualifiedNamesFromTheTextOutsideCommentsAndLiterals() {
        String code = """
                package org.example.lab;

                import java.util.List;
                import static org.junit.Assert.assertTrue;
                import com.acme.util . *;

                /** Uses org.commented.Out only in a comment. */
                @javax.annotation.Generated("org.in.AString")
                class Lab extends com.acme.Base<java.lang.String> {
                    org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Lab.class);
                    int n = this.count + list.size() + 1.5e3;
                }
                """;
        assertThat(SourceNames.lexical(code))
                .containsExactlyInAnyOrder(
                        "java.util.List",
                        "java.util",
                        "org.junit.Assert.assertTrue",
                        "org.junit.Assert",
                        "org.junit",
                        "com.acme.util.*",
                        "com.acme.util",
                        "com.acme",
                        "javax.annotation.Generated",
                        "javax.annotation",
                        "com.acme.Base",
                        "java.lang.String",
                        "java.lang",
                        "org.slf4j.Logger",
                        "org.slf4j",
                        "org.slf4j.LoggerFactory.getLogger",
                        "org.slf4j.LoggerFactory",
                        "list.size");
    }

    /** What a parse finds, the text finds too, on every fixture: the dependency rules lose no evidence. */
    @Test
    void theTextHoldsEveryNameTheParseFinds() throws IOException {
        for (Path source : Fixtures.allSources()) {
            String text = Files.readString(source, StandardCharsets.UTF_8);
            CompilationUnit unit =
                    JavaParsers.create(25).parse(text).getResult().orElseThrow();
            assertThat(SourceNames.lexical(text)).as(source.toString()).containsAll(SourceNames.of(unit));
        }
    }

    @Test
    void findsImportsInTextThatIsNotParsed() {
        assertThat(SourceNames.importsOf("package p;\nimport a.b.C;\nimport static a.b.D.X;\nimport  a.c .* ;\n"))
                .containsExactly("a.b.C", "a.b.D.X", "a.c.*");
    }
}
