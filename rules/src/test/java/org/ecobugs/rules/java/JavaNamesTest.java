package org.ecobugs.rules.java;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import java.util.List;
import org.ecobugs.rules.engine.JavaParsers;
import org.junit.jupiter.api.Test;

class JavaNamesTest {

    private static CompilationUnit parse(String code) {
        return JavaParsers.create(17).parse(code).getResult().orElseThrow();
    }

    private static JavaNames names(String code) {
        return new JavaNames(parse(code), KnownTypes.jdkOnly());
    }

    @Test
    void resolvesSingleTypeImportsFirst() {
        JavaNames names = names("""
                package org.example;
                import java.util.List;
                import com.acme.Thread;
                import java.util.*;
                class C {}
                """);
        assertThat(names.resolve("List")).contains("java.util.List");
        // A single-type import hides java.lang.
        assertThat(names.resolve("Thread")).contains("com.acme.Thread");
        assertThat(names.packageName()).isEqualTo("org.example");
    }

    @Test
    void resolvesTypesDeclaredInTheFileBeforeImports() {
        JavaNames names = names("""
                package org.example;
                import java.util.*;
                class Outer {
                    static class List {}
                    class Entry {}
                }
                """);
        assertThat(names.resolve("List")).contains("org.example.Outer.List");
        assertThat(names.resolve("Entry")).contains("org.example.Outer.Entry");
        assertThat(names.resolve("Outer")).contains("org.example.Outer");
        assertThat(names.resolve("Map")).contains("java.util.Map");
    }

    @Test
    void resolvesOnDemandImportsAgainstTheJdk() {
        JavaNames names = names("""
                package org.example;
                import java.util.concurrent.*;
                import java.time.*;
                class C {}
                """);
        assertThat(names.resolve("TimeUnit")).contains("java.util.concurrent.TimeUnit");
        assertThat(names.resolve("Duration")).contains("java.time.Duration");
        assertThat(names.resolve("String")).contains("java.lang.String");
        // With on-demand imports, an unknown name may come from any of them or from the package: no guess.
        assertThat(names.resolve("Widget")).isEmpty();
    }

    @Test
    void resolvesJavaLangThenTheFilesOwnPackage() {
        JavaNames names = names("""
                package org.example.app;
                import java.util.List;
                class C {}
                """);
        assertThat(names.resolve("Thread")).contains("java.lang.Thread");
        assertThat(names.resolve("Override")).contains("java.lang.Override");
        assertThat(names.resolve("Widget")).contains("org.example.app.Widget");
        assertThat(names("class C {}").resolve("Widget")).contains("Widget");
    }

    @Test
    void resolvesQualifiedNamesThroughTheirFirstType() {
        JavaNames names = names("""
                import java.util.Map;
                import java.util.concurrent.*;
                class C {}
                """);
        assertThat(names.resolve("Map.Entry")).contains("java.util.Map.Entry");
        assertThat(names.resolve("Thread.State")).contains("java.lang.Thread.State");
        assertThat(names.resolve("java.time.Duration")).contains("java.time.Duration");
        assertThat(names.resolve("TimeUnit.SECONDS")).contains("java.util.concurrent.TimeUnit.SECONDS");
    }

    @Test
    void resolvesTypesOfDeclarationsWithoutTheirArguments() {
        CompilationUnit unit = parse("""
                import java.util.*;
                class C {
                    Map<String, List<Integer>> byName;
                    int count;
                    String[] names;
                }
                """);
        JavaNames names = new JavaNames(unit, KnownTypes.jdkOnly());
        List<VariableDeclarator> fields = unit.findAll(VariableDeclarator.class);
        assertThat(names.resolve(fields.get(0).getType())).contains("java.util.Map");
        assertThat(names.resolve(fields.get(1).getType())).isEmpty();
        assertThat(names.resolve(fields.get(2).getType())).isEmpty();
    }

    @Test
    void mayBeFallsBackToTheSimpleNameOnlyWhenNothingResolves() {
        JavaNames resolved = names("""
                package org.example;
                import com.acme.Duration;
                class C {}
                """);
        assertThat(resolved.mayBe("Duration", "java.time.Duration")).isFalse();
        assertThat(resolved.mayBe("Duration", "com.acme.Duration")).isTrue();
        assertThat(resolved.mayBe("java.time.Duration", "java.time.Duration")).isTrue();

        // Bare sources: com.acme.* might hold a Duration, but java.time is not imported at all.
        JavaNames unresolved = names("""
                package org.example;
                import com.acme.*;
                class C {}
                """);
        assertThat(unresolved.mayBe("Duration", "java.time.Duration")).isTrue();
        assertThat(unresolved.mayBe("Instant", "java.time.Duration")).isFalse();
    }

    @Test
    void tellsTypeNamesFromOtherExpressions() {
        JavaNames names = names("""
                import java.time.Duration;
                class C {}
                """);
        assertThat(names.isTypeName(expression("Duration"), "java.time.Duration"))
                .isTrue();
        assertThat(names.isTypeName(expression("java.time.Duration"), "java.time.Duration"))
                .isTrue();
        assertThat(names.isTypeName(expression("Thread"), "java.lang.Thread")).isTrue();
        // Variables are written in lower case: a variable named like a type's simple name is not the type.
        assertThat(names.isTypeName(expression("duration"), "java.time.Duration"))
                .isFalse();
        assertThat(names.isTypeName(expression("this.Duration"), "java.time.Duration"))
                .isFalse();
        assertThat(names.isTypeName(expression("Duration.ZERO"), "java.time.Duration"))
                .isFalse();
        assertThat(names.isTypeName(expression("Duration.class"), "java.time.Duration"))
                .isFalse();
        assertThat(names.isTypeName(expression("make()"), "java.time.Duration")).isFalse();
        assertThat(names.isTypeName(expression("Thread"), "java.time.Duration")).isFalse();
    }

    private static Expression expression(String text) {
        return StaticJavaParser.parseExpression(text);
    }

    @Test
    void findsTheOwnersOfStaticImports() {
        JavaNames names = names("""
                import static java.lang.Thread.sleep;
                import static java.util.concurrent.TimeUnit.*;
                class C {}
                """);
        assertThat(names.staticImportOwner("sleep")).contains("java.lang.Thread");
        // A lone on-demand static import is taken as the owner of any other member.
        assertThat(names.staticImportOwner("SECONDS")).contains("java.util.concurrent.TimeUnit");

        JavaNames twoOnDemand = names("""
                import static java.lang.Thread.sleep;
                import static java.util.concurrent.TimeUnit.*;
                import static java.lang.Math.*;
                class C {}
                """);
        assertThat(twoOnDemand.staticImportOwner("sleep")).contains("java.lang.Thread");
        assertThat(twoOnDemand.staticImportOwner("SECONDS")).isEmpty();
        assertThat(names("import java.util.List; class C {}").staticImportOwner("List"))
                .isEmpty();
    }

    @Test
    void knowsWhatAFileImportsByPrefix() {
        JavaNames names = names("""
                package org.example.sync;
                import android.os.PowerManager;
                import static org.junit.Assert.assertTrue;
                import com.google.common.*;
                class C {}
                """);
        assertThat(names.imports("android")).isTrue();
        assertThat(names.imports("android.os")).isTrue();
        assertThat(names.imports("android.os.PowerManager")).isTrue();
        assertThat(names.imports("org.junit")).isTrue();
        assertThat(names.imports("com.google.common")).isTrue();
        // The file's own package counts as imported.
        assertThat(names.imports("org.example")).isTrue();
        // Prefixes are whole segments: androidx is not android, org.ex not org.example.
        assertThat(names.imports("android.o")).isFalse();
        assertThat(names.imports("org.ex")).isFalse();
        assertThat(names.imports("com.google.common.base")).isFalse();
        assertThat(names("import androidx.work.WorkManager; class C {}").imports("android"))
                .isFalse();
    }

    @Test
    void tellsAndroidCodeByItsImportsOrPackage() {
        assertThat(names("import android.content.Context; class C {}").targetsAndroid())
                .isTrue();
        assertThat(names("package android.support.v4; class C {}").targetsAndroid())
                .isTrue();
        assertThat(names("import androidx.annotation.NonNull; class C {}").targetsAndroid())
                .isFalse();
        assertThat(names("import java.util.List; class C {}").targetsAndroid()).isFalse();
    }

    @Test
    void simpleNamesAreTheLastSegment() {
        assertThat(JavaNames.simpleName("java.util.Map.Entry")).isEqualTo("Entry");
        assertThat(JavaNames.simpleName("Entry")).isEqualTo("Entry");
    }
}
