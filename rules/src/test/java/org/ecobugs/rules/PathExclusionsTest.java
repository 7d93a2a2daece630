package org.ecobugs.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathExclusionsTest {

    private static final Path BASE = Path.of("/work/project").toAbsolutePath();

    private static boolean excluded(String glob, String path) {
        Path file = path.startsWith("/") ? Path.of(path).toAbsolutePath() : BASE.resolve(path);
        return new PathExclusions(BASE, List.of(glob)).matcher().excludes(file);
    }

    @Test
    void doubleStarCrossesDirectoriesAndAlsoMatchesAtTheTop() {
        assertThat(excluded("**/generated/**", "src/main/generated/A.java")).isTrue();
        assertThat(excluded("**/generated/**", "generated/A.java")).isTrue();
        assertThat(excluded("**/generated/**", "src/main/java/generatedSources/A.java"))
                .isFalse();
        assertThat(excluded("**/migration/**", "app/src/main/java/org/lab/migration/v2/Step.java"))
                .isTrue();
    }

    @Test
    void singleStarStaysWithinOneName() {
        assertThat(excluded("src/*/Legacy.java", "src/main/Legacy.java")).isTrue();
        assertThat(excluded("src/*/Legacy.java", "src/main/java/Legacy.java")).isFalse();
        assertThat(excluded("src/**/Legacy.java", "src/main/java/Legacy.java")).isTrue();
    }

    @Test
    void aGlobWithoutSlashMatchesAFileNameAnywhere() {
        assertThat(excluded("*_pb.java", "src/main/java/lab/Order_pb.java")).isTrue();
        assertThat(excluded("*_pb.java", "Order_pb.java")).isTrue();
        assertThat(excluded("*_pb.java", "src/main/java/lab/Order.java")).isFalse();
    }

    @Test
    void aTrailingSlashMeansEverythingUnderADirectory() {
        assertThat(excluded("generated/", "module/target/generated/A.java")).isTrue();
        assertThat(excluded("src/legacy/", "src/legacy/deep/A.java")).isTrue();
        assertThat(excluded("src/legacy/", "other/src/legacy/A.java")).isFalse();
    }

    @Test
    void aGlobWithASlashIsRelativeToTheBaseDirectory() {
        assertThat(excluded("src/legacy/**", "src/legacy/A.java")).isTrue();
        assertThat(excluded("src/legacy/**", "module/src/legacy/A.java")).isFalse();
        assertThat(excluded("./src/legacy/**", "src/legacy/A.java")).isTrue();
    }

    @Test
    void bracesGiveAlternativesAndQuestionMarksOneCharacter() {
        assertThat(excluded("**/{gen,generated}/**", "a/gen/B.java")).isTrue();
        assertThat(excluded("**/{gen,generated}/**", "a/generated/B.java")).isTrue();
        assertThat(excluded("**/{gen,generated}/**", "a/genx/B.java")).isFalse();
        assertThat(excluded("**/V?.java", "db/V1.java")).isTrue();
        assertThat(excluded("**/V?.java", "db/V12.java")).isFalse();
    }

    @Test
    void regexCharactersInAGlobAreLiteral() {
        assertThat(excluded("**/a+b (copy)/**", "x/a+b (copy)/C.java")).isTrue();
        assertThat(excluded("**/a.b/**", "x/aXb/C.java")).isFalse();
    }

    @Test
    void filesOutsideTheBaseAndPathsGivenRelativeAreMatchedAsGiven() {
        assertThat(excluded("**/generated/**", "/elsewhere/generated/A.java")).isTrue();
        PathExclusions.Matcher matcher = new PathExclusions(BASE, List.of("**/generated/**")).matcher();
        // A bytecode finding whose source was not analysed carries its package path.
        assertThat(matcher.excludes(Path.of("org/lab/generated/A.java"))).isTrue();
        assertThat(matcher.excludes(Path.of("org/lab/A.java"))).isFalse();
    }

    @Test
    void processingErrorInputsAreMatchedByTheFileOrArchiveTheyName() {
        PathExclusions.Matcher matcher = new PathExclusions(BASE, List.of("**/vendor/**")).matcher();
        assertThat(matcher.excludesInput(BASE.resolve("vendor/lib.jar") + "!/a/B.class"))
                .isTrue();
        assertThat(matcher.excludesInput(BASE.resolve("src/A.java").toString())).isFalse();
        assertThat(matcher.excludesInput(null)).isFalse();
    }

    @Test
    void noGlobsExcludeNothing() {
        assertThat(PathExclusions.NONE.matcher().excludes(BASE.resolve("A.java")))
                .isFalse();
        assertThat(PathExclusions.NONE.isEmpty()).isTrue();
    }

    @Test
    void malformedGlobsAreNamed() {
        assertThat(PathExclusions.problem("")).contains("empty");
        assertThat(PathExclusions.problem("**/{gen/**")).contains("'{' without '}'");
        assertThat(PathExclusions.problem("**/gen}/**")).contains("'}' without '{'");
        assertThat(PathExclusions.problem("**/{a,{b}}/**")).contains("nest");
        assertThat(PathExclusions.problem("**/gen/**")).isNull();
        assertThatThrownBy(() -> new PathExclusions(BASE, List.of("{x")).matcher())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{x");
    }
}
