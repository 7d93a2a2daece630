package org.ecobugs.rules.java;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import java.util.List;
import org.ecobugs.rules.engine.JavaParsers;
import org.junit.jupiter.api.Test;

class SourceSkeletonTest {

    private static CompilationUnit parse(String skeleton) {
        assertThat(skeleton).isNotNull();
        return JavaParsers.create(21).parse(skeleton).getResult().orElseThrow();
    }

    private static List<String> variables(CompilationUnit unit) {
        return unit.findAll(VariableDeclarator.class).stream()
                .map(VariableDeclarator::getNameAsString)
                .toList();
    }

    @Test
    void keepsThePackageTheImportsAndTheConstantsOnly() {
        String text = """
                package com.lab;

                import java.util.concurrent.TimeUnit;

                /** Settings. */
                public class Settings {
                    public static final long POLL_MS = TimeUnit.SECONDS.toMillis(5);
                    private static long counter = 3;
                    private final int instance = 4;
                    static final int[] SIZES = {1, 2};
                    static final Runnable TASK = () -> { int local = 1; };
                    static final String TEXT = "a { b ; c", OTHER = "}";

                    static { int inBlock = 5; }

                    long twice() {
                        long inMethod = POLL_MS * 2;
                        return inMethod;
                    }
                }
                """;
        String skeleton = SourceSkeleton.of(text);

        String[] kept = skeleton.split("\n", -1);
        String[] original = text.split("\n", -1);
        assertThat(kept).hasSameSizeAs(original);
        for (int i = 0; i < kept.length; i++) {
            // A line keeps its width, so that columns stay, or is emptied.
            assertThat(kept[i].length()).isIn(0, original[i].length());
        }
        assertThat(skeleton).doesNotContain("counter", "instance", "inBlock", "inMethod", "Settings.");
        CompilationUnit unit = parse(skeleton);
        assertThat(unit.getPackageDeclaration()).isPresent();
        assertThat(unit.getImports()).hasSize(1);
        assertThat(variables(unit)).containsExactly("POLL_MS", "SIZES", "TASK", "local", "TEXT", "OTHER");
        assertThat(unit.findAll(MethodDeclaration.class)).isEmpty();
    }

    @Test
    void aKeptDeclarationStaysWhereTheFileHasIt() {
        String text = "package a;\n\nclass A {\n    void m() {}\n\n        static final int LATE = 7;\n}\n";

        VariableDeclarator late = parse(SourceSkeleton.of(text))
                .findFirst(VariableDeclarator.class)
                .orElseThrow();

        assertThat(late.getRange().orElseThrow().begin.line).isEqualTo(6);
        assertThat(late.getRange().orElseThrow().begin.column).isEqualTo(26);
    }

    @Test
    void everyFieldOfAnInterfaceOrAnAnnotationTypeIsAConstant() {
        String text = """
                interface Timing {
                    long BEAT_MS = 1_500;
                    long beat();
                    default long twice() { return 2 * BEAT_MS; }
                }
                @interface Marker {
                    int LEVEL = 2;
                    int value() default 1;
                }
                """;

        CompilationUnit unit = parse(SourceSkeleton.of(text));

        assertThat(variables(unit)).containsExactly("BEAT_MS", "LEVEL");
    }

    @Test
    void nestedTypesEnumsAndRecordsKeepTheirConstants() {
        String text = """
                class Outer<T extends Comparable<T>> extends Base implements Api {
                    enum Mode {
                        FAST(1) { int speed() { return 2; } }, SLOW(3);
                        static final int DEFAULT = 1;
                        Mode(int code) {}
                    }
                    record Window(int size) {
                        static final int MAX = 10;
                        Window { if (size > MAX) throw new IllegalArgumentException(); }
                    }
                    static class Inner {
                        static final String NAME = Outer.class.getName();
                    }
                }
                """;

        CompilationUnit unit = parse(SourceSkeleton.of(text));

        assertThat(variables(unit)).containsExactly("DEFAULT", "MAX", "NAME");
        assertThat(unit.getType(0).asClassOrInterfaceDeclaration().getExtendedTypes())
                .hasSize(1);
    }

    @Test
    void aConfigurationPropertiesTypeIsKeptWhole() {
        String text = """
                @ConfigurationProperties(prefix = "fhir")
                public class FhirProperties {
                    private boolean prettyPrint = true;
                    public boolean isPrettyPrint() { return prettyPrint; }
                }
                class Other {
                    private boolean flag = true;
                    boolean isFlag() { return flag; }
                }
                """;

        CompilationUnit unit = parse(SourceSkeleton.of(text));

        assertThat(variables(unit)).containsExactly("prettyPrint");
        assertThat(unit.findAll(MethodDeclaration.class))
                .extracting(MethodDeclaration::getNameAsString)
                .containsExactly("isPrettyPrint");
    }

    @Test
    void annotationsTextBlocksCommentsAndCharsDoNotMisleadTheScan() {
        String text = """
                class A {
                    @Deprecated(since = "1 { ;") static final char BRACE = '{';
                    // static final int COMMENTED = 1; {
                    /* } static final int ALSO = 2; */
                    static final String BLOCK = \"""
                        { not a body ; }
                        \""";
                    static final double SMALL = 1e-3;
                }
                """;

        CompilationUnit unit = parse(SourceSkeleton.of(text));

        assertThat(variables(unit)).containsExactly("BRACE", "BLOCK", "SMALL");
    }

    @Test
    void textThatDoesNotScanAsJavaHasNoSkeleton() {
        assertThat(SourceSkeleton.of("class A { static final int X = 1;")).isNull();
        assertThat(SourceSkeleton.of("class A { String s = \"open; }")).isNull();
        assertThat(SourceSkeleton.of("/* never closed")).isNull();
        assertThat(SourceSkeleton.of("package a;\nimport b.C;\n")).isNull();
    }
}
