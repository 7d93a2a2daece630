package org.ecobugs.rules.java;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.ecobugs.rules.config.ConfigParser;
import org.ecobugs.rules.config.Settings;
import org.ecobugs.rules.engine.JavaParsers;
import org.junit.jupiter.api.Test;

class ProjectConstantIndexTest {

    /** A project given as texts, and the files whose skeletons were read. */
    private static final class Project {
        final Map<Path, String> files = new LinkedHashMap<>();
        final List<Path> read = new ArrayList<>();
        Settings settings = Settings.NONE;

        Project file(String path, String text) {
            files.put(Path.of(path), text);
            return this;
        }

        Project properties(String text) throws ConfigParser.SyntaxException {
            settings = Settings.of(
                    new ArrayList<>(List.of(ConfigParser.parse(Path.of("res/application.properties"), text))));
            return this;
        }

        ProjectConstantIndex index() {
            return new ProjectConstantIndex(
                    files.keySet(),
                    file -> {
                        read.add(file);
                        return Optional.ofNullable(SourceSkeleton.of(files.get(file)))
                                .flatMap(s -> JavaParsers.create(21).parse(s).getResult());
                    },
                    settings,
                    KnownTypes.jdkOnly());
        }

        /** The value of the initializer of {@code probe} in {@code path}, folded with the project. */
        Optional<Object> probe(String path, ProjectConstants project) {
            return folder(path, project).value(probe(path));
        }

        /** What outside {@code path} decided the value of {@code probe} there. */
        List<ValueOrigin> origins(String path, ProjectConstants project) {
            return folder(path, project).origins(probe(path));
        }

        private final Map<String, CompilationUnit> units = new LinkedHashMap<>();

        private CompilationUnit unit(String path) {
            return units.computeIfAbsent(
                    path,
                    p -> JavaParsers.create(21)
                            .parse(files.get(Path.of(p)))
                            .getResult()
                            .orElseThrow());
        }

        private ConstantFolder folder(String path, ProjectConstants project) {
            return new ConstantFolder(new JavaNames(unit(path), KnownTypes.jdkOnly()), project);
        }

        private Expression probe(String path) {
            return unit(path).findAll(VariableDeclarator.class).stream()
                    .filter(v -> v.getNameAsString().equals("probe"))
                    .findFirst()
                    .orElseThrow()
                    .getInitializer()
                    .orElseThrow();
        }
    }

    private static final String TIMING = """
            package com.lab.time;

            import java.util.concurrent.TimeUnit;

            public interface Timing {
                long SECOND_MS = TimeUnit.SECONDS.toMillis(1);
            }
            """;

    private static final String POLL = """
            package com.lab;

            import com.lab.time.Timing;

            public final class PollSettings {
                public static final long INTERVAL_MS = 5 * Timing.SECOND_MS;
                public static final long LOOP_MS = PollSettings.Nested.LOOP_MS + 1;
                public static long mutable = 3;

                public static final class Nested {
                    static final long LOOP_MS = 99;
                }
            }
            """;

    @Test
    void foldsConstantsOfOtherClassesThroughTheirOwnImports() {
        Project project = new Project()
                .file("src/com/lab/time/Timing.java", TIMING)
                .file("src/com/lab/PollSettings.java", POLL)
                .file("src/com/lab/ward/Board.java", """
                        package com.lab.ward;

                        import com.lab.PollSettings;

                        class Board {
                            void m() {
                                long probe = PollSettings.INTERVAL_MS * 2;
                            }
                        }
                        """);
        ProjectConstantIndex index = project.index();

        assertThat(project.probe("src/com/lab/ward/Board.java", index)).contains(10_000L);
        assertThat(index.constant("com.lab.PollSettings", "LOOP_MS", 0))
                .map(ProjectConstants.Folded::value)
                .contains(100L);
        assertThat(index.constant("com.lab.PollSettings.Nested", "LOOP_MS", 0))
                .map(ProjectConstants.Folded::value)
                .contains(99L);
        assertThat(index.constant("com.lab.PollSettings", "mutable", 0)).isEmpty();
        assertThat(index.constant("com.lab.Missing", "X", 0)).isEmpty();
        assertThat(index.constant("com.other.PollSettings", "INTERVAL_MS", 0)).isEmpty();

        List<ValueOrigin> origins = project.origins("src/com/lab/ward/Board.java", index);
        assertThat(origins).singleElement().satisfies(origin -> {
            assertThat(origin.kind()).isEqualTo(ValueOrigin.Kind.CONSTANT);
            assertThat(origin.setBy()).isEqualTo("PollSettings.INTERVAL_MS");
            assertThat(origin.file()).contains(Path.of("src/com/lab/PollSettings.java"));
            assertThat(origin.node().flatMap(n -> n.getRange()).orElseThrow().begin.line)
                    .isEqualTo(6);
        });
    }

    @Test
    void readsEachFileOnceAndOnlyTheFilesAsked() {
        Project project = new Project()
                .file("src/com/lab/time/Timing.java", TIMING)
                .file("src/com/lab/PollSettings.java", POLL)
                .file("src/com/lab/Unrelated.java", "package com.lab; class Unrelated { static final int X = 1; }");
        ProjectConstantIndex index = project.index();

        index.constant("com.lab.PollSettings", "INTERVAL_MS", 0);
        index.constant("com.lab.PollSettings", "INTERVAL_MS", 0);
        index.constant("com.lab.PollSettings", "LOOP_MS", 0);

        assertThat(project.read)
                .containsExactly(Path.of("src/com/lab/PollSettings.java"), Path.of("src/com/lab/time/Timing.java"));
    }

    @Test
    void namesImportedStaticallyOrInheritedComeFromTheirClass() {
        Project project = new Project()
                .file("src/com/lab/time/Timing.java", TIMING)
                .file("src/com/lab/Base.java", """
                        package com.lab;

                        import com.lab.time.Timing;

                        abstract class Base implements Timing {
                            static final int HIDDEN = 1;
                        }
                        """)
                .file("src/com/lab/Imported.java", """
                        package com.lab;

                        import static com.lab.time.Timing.SECOND_MS;

                        class Imported {
                            long probe = 3 * SECOND_MS;
                        }
                        """)
                .file("src/com/lab/Inherited.java", """
                        package com.lab;

                        class Inherited extends Base {
                            long probe = SECOND_MS + HIDDEN;
                        }
                        """);
        ProjectConstantIndex index = project.index();

        assertThat(project.probe("src/com/lab/Imported.java", index)).contains(3_000L);
        assertThat(project.probe("src/com/lab/Inherited.java", index)).contains(1_001L);
    }

    @Test
    void constantsThatReferToEachOtherHaveNoValue() {
        Project project = new Project()
                .file("src/a/A.java", "package a; public class A { static final int X = B.Y + 1; }")
                .file("src/a/B.java", "package a; public class B { static final int Y = A.X + 1; }");

        assertThat(project.index().constant("a.A", "X", 0)).isEmpty();
    }

    private static final String PROPERTIES = """
            package com.lab.config;

            import java.time.Duration;
            import org.springframework.boot.context.properties.ConfigurationProperties;

            @ConfigurationProperties(prefix = "fhir")
            public class FhirProperties {
                private boolean prettyPrint = true;
                private int pageSize;
                private Duration timeout = Duration.ofSeconds(5);
                private final Cors cors = new Cors();

                public boolean isPrettyPrint() { return prettyPrint; }
                public int getPageSize() { return this.pageSize; }
                public Duration getTimeout() { return timeout; }
                public Cors getCors() { return cors; }
                public String getComputed() { return "x" + pageSize; }

                public static class Cors {
                    private boolean allowCredentials = true;
                    public boolean isAllowCredentials() { return allowCredentials; }
                }
            }
            """;

    @Test
    void configurationPropertiesGiveTheirSettingElseTheirInitialValue() throws Exception {
        Project project = new Project()
                .file("src/com/lab/config/FhirProperties.java", PROPERTIES)
                .properties("fhir.page_size=50\nfhir.timeout=2s\n");
        ProjectConstantIndex index = project.index();
        String type = "com.lab.config.FhirProperties";

        ProjectConstants.Folded pretty =
                index.property(type, List.of("isPrettyPrint"), 0).orElseThrow();
        assertThat(pretty.value()).isEqualTo(true);
        assertThat(pretty.origins()).singleElement().satisfies(origin -> {
            assertThat(origin.kind()).isEqualTo(ValueOrigin.Kind.PROPERTY_DEFAULT);
            assertThat(origin.setBy()).isEqualTo("the default of fhir.pretty-print in FhirProperties");
        });

        ProjectConstants.Folded pageSize =
                index.property(type, List.of("getPageSize"), 0).orElseThrow();
        assertThat(pageSize.value()).isEqualTo(50);
        assertThat(pageSize.origins()).singleElement().satisfies(origin -> {
            assertThat(origin.kind()).isEqualTo(ValueOrigin.Kind.SETTING);
            assertThat(origin.setBy()).isEqualTo("fhir.page_size in application.properties");
            assertThat(origin.line()).isEqualTo(1);
        });

        assertThat(index.property(type, List.of("getTimeout"), 0))
                .map(ProjectConstants.Folded::value)
                .contains(Duration.ofSeconds(2));
        assertThat(index.property(type, List.of("getCors", "isAllowCredentials"), 0))
                .map(ProjectConstants.Folded::value)
                .contains(true);
        assertThat(index.property(type, List.of("getComputed"), 0)).isEmpty();
        assertThat(index.property(type, List.of("getMissing"), 0)).isEmpty();
    }

    @Test
    void lombokGettersAndTypesWithoutTheAnnotation() {
        Project project = new Project().file("src/p/Flags.java", """
                        package p;

                        import lombok.Data;
                        import org.springframework.boot.context.properties.ConfigurationProperties;

                        @Data
                        @ConfigurationProperties("flags")
                        public class Flags {
                            private boolean verbose = true;
                        }
                        """).file("src/p/Plain.java", """
                        package p;

                        public class Plain {
                            private boolean verbose = true;
                            public boolean isVerbose() { return verbose; }
                        }
                        """);
        ProjectConstantIndex index = project.index();

        assertThat(index.property("p.Flags", List.of("isVerbose"), 0))
                .map(ProjectConstants.Folded::value)
                .contains(true);
        assertThat(index.property("p.Plain", List.of("isVerbose"), 0)).isEmpty();
    }

    @Test
    void aFileSeesAPropertyThroughAGetterOfAFieldItHolds() {
        Project project = new Project()
                .file("src/com/lab/config/FhirProperties.java", PROPERTIES)
                .file("src/com/lab/Encoder.java", """
                        package com.lab;

                        import com.lab.config.FhirProperties;

                        class Encoder {
                            private final FhirProperties properties;
                            Encoder(FhirProperties properties) { this.properties = properties; }
                            void m() {
                                boolean probe = !this.properties.getCors().isAllowCredentials() || properties.isPrettyPrint();
                            }
                        }
                        """);

        assertThat(project.probe("src/com/lab/Encoder.java", project.index())).contains(true);
    }

    @Test
    void aRecordedAnswerThatChangesNoLongerHolds() throws Exception {
        Project project = new Project()
                .file("src/com/lab/time/Timing.java", TIMING)
                .file("src/com/lab/PollSettings.java", POLL)
                .file("src/com/lab/config/FhirProperties.java", PROPERTIES)
                .properties("fhir.page-size=50\n");
        ProjectConstantIndex.Recorder recorder = project.index().recorder();
        recorder.constant("com.lab.PollSettings", "INTERVAL_MS", 0);
        recorder.constant("com.lab.Absent", "X", 0);
        recorder.property("com.lab.config.FhirProperties", List.of("getPageSize"), 0);
        recorder.resolve("${lab.poll-ms:5}");
        recorder.resolve("no placeholder");
        List<ProjectConstantIndex.Lookup> lookups = recorder.lookups();

        assertThat(lookups).hasSize(4);
        assertThat(project.index().stillHolds(lookups)).isTrue();

        project.properties("fhir.page-size=20\n");
        assertThat(project.index().stillHolds(lookups)).isFalse();

        project.properties("fhir.page-size=50\n");
        project.file("src/com/lab/PollSettings.java", POLL.replace("5 * Timing", "6 * Timing"));
        assertThat(project.index().stillHolds(lookups)).isFalse();

        project.file("src/com/lab/PollSettings.java", POLL);
        project.file("src/com/lab/Absent.java", "package com.lab; class Absent { static final int X = 1; }");
        assertThat(project.index().stillHolds(lookups)).isFalse();
    }

    @Test
    void sharedByThreads() throws Exception {
        Project project =
                new Project().file("src/com/lab/time/Timing.java", TIMING).file("src/com/lab/PollSettings.java", POLL);
        ProjectConstantIndex index = project.index();
        AtomicInteger found = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread thread = new Thread(() -> {
                if (index.constant("com.lab.PollSettings", "INTERVAL_MS", 0).isPresent()) {
                    found.incrementAndGet();
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(found).hasValue(8);
    }
}
