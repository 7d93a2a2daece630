package org.ecobugs.sonar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonar.api.config.internal.MapSettings;

class ModuleInputsTest {

    @TempDir
    Path baseDir;

    @Test
    void globsMatchWithinASegmentOrAcrossDirectories() {
        assertThat(ModuleInputs.globToRegex("*.jar").matcher("a.jar").matches()).isTrue();
        assertThat(ModuleInputs.globToRegex("*.jar").matcher("x/a.jar").matches())
                .isFalse();
        assertThat(ModuleInputs.globToRegex("**/*.jar").matcher("a.jar").matches())
                .isTrue();
        assertThat(ModuleInputs.globToRegex("**/*.jar").matcher("x/y/a.jar").matches())
                .isTrue();
        assertThat(ModuleInputs.globToRegex("lib-?.jar").matcher("lib-1.jar").matches())
                .isTrue();
        assertThat(ModuleInputs.globToRegex("a+b.jar").matcher("a+b.jar").matches())
                .isTrue();
        assertThat(ModuleInputs.globToRegex("a+b.jar").matcher("aab.jar").matches())
                .isFalse();
    }

    @Test
    void readsTheJavaLevelOldAndNewStyle() {
        assertThat(inputs("sonar.java.source", "1.8").javaVersion()).hasValue(8);
        assertThat(inputs("sonar.java.source", " 21 ").javaVersion()).hasValue(21);
        assertThat(inputs("sonar.java.source", "latest").javaVersion()).isEmpty();
        assertThat(new ModuleInputs(new MapSettings().asConfig(), baseDir).javaVersion())
                .isEmpty();
    }

    @Test
    void wildcardsInTheMiddleOfAPathAreExpanded() throws IOException {
        Files.createDirectories(baseDir.resolve("modules/a/target/classes"));
        Files.createDirectories(baseDir.resolve("modules/b/target/classes"));
        ModuleInputs inputs = inputs("sonar.java.binaries", "modules/*/target/classes");
        assertThat(inputs.binaries())
                .containsExactly(
                        baseDir.resolve("modules/a/target/classes"), baseDir.resolve("modules/b/target/classes"));
        assertThat(inputs.missing()).isEmpty();
    }

    private ModuleInputs inputs(String key, String value) {
        return new ModuleInputs(new MapSettings().setProperty(key, value).asConfig(), baseDir);
    }
}
