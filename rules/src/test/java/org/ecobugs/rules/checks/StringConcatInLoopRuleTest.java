package org.ecobugs.rules.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE;
import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE_AND_BYTECODE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.ecobugs.rules.Analysis;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.testing.Fixtures;
import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StringConcatInLoopRuleTest {

    private static final String COMPILED = "eb305/StringConcatInLoopCompiled.java";

    private final RuleVerifier verifier = RuleVerifier.rule("EB305");

    @Test
    void sourceAndBytecodeTogether() {
        verifier.verify("eb305/StringConcatInLoop.java", SOURCE_AND_BYTECODE);
    }

    @Test
    void sourceAlone() {
        verifier.verify("eb305/StringConcatInLoop.java", SOURCE);
    }

    @ParameterizedTest
    @EnumSource
    void eachWalkerAloneFindsTheSameConcatenations(RuleVerifier.Mode mode) {
        verifier.verify(COMPILED, mode);
    }

    /** Code compiled for Java 8, or by javac with inline concatenation, builds strings with StringBuilder chains. */
    @Test
    void bytecodeFindsStringBuilderConcatenationsOnTheSameLines(@TempDir Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(
                null,
                null,
                null,
                "-XDstringConcat=inline",
                "-g",
                "-d",
                classes.toString(),
                Fixtures.source(COMPILED).toString());
        assertThat(status).isZero();
        List<Path> classFiles;
        try (Stream<Path> files = Files.walk(classes)) {
            classFiles = files.filter(f -> f.toString().endsWith(".class")).toList();
        }
        assertThat(classFiles).isNotEmpty();
        AnalysisResult fromSource = analyse(AnalysisRequest.builder().addSourceRoot(Fixtures.source(COMPILED)));
        AnalysisResult fromBuilders = analyse(AnalysisRequest.builder().addClassInputs(classFiles));
        assertThat(fromBuilders.errors()).isEmpty();
        assertThat(fromBuilders.findings()).map(Finding::line).isNotEmpty();
        assertThat(fromBuilders.findings())
                .map(f -> f.line() + " " + f.message())
                .containsExactlyElementsOf(fromSource.findings().stream()
                        .map(f -> f.line() + " " + f.message())
                        .toList());
    }

    private static AnalysisResult analyse(AnalysisRequest.Builder request) {
        return Analysis.run(request.includeRules(Set.of("EB305")).threads(1).build());
    }
}
