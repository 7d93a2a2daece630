package org.ecobugs.rules.engine.dependencies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.ecobugs.rules.engine.limits.InputLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarIndexTest {

    private static final int MIB = 1024 * 1024;

    @TempDir
    Path temp;

    @Test
    void indexesEverythingSpringLoadsByNameOutsideTestsAndTheServicesAJarProvides() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(
                "META-INF/spring.factories",
                text("org.springframework.boot.autoconfigure.EnableAutoConfiguration=a.Auto1,\\\n a.Auto2\n"
                        + "org.springframework.context.ApplicationListener=a.Listener\n"
                        + "org.springframework.test.context.TestExecutionListener=a.TestListener\n"
                        + "org.springframework.boot.test.context.DefaultTestExecutionListenersPostProcessor="
                        + "a.TestPostProcessor\n"));
        entries.put(
                "META-INF/spring/org.springframework.boot.actuate.ManagementContextConfiguration.imports",
                text("# comment\na.Management\n"));
        // Test slices and test listeners run with the tests, never in the product.
        entries.put(
                "META-INF/spring/org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc.imports",
                text("a.MockMvcAuto\n"));
        entries.put("META-INF/services/java.sql.Driver", text("a.Driver # the driver\n"));
        entries.put("META-INF/services/javax.annotation.processing.Processor", text("a.Processor\n"));
        entries.put("a/Auto1.class", new byte[] {1});
        entries.put("META-INF/versions/11/a/Auto1.class", new byte[] {1});
        Path jar = jar("spring-like.jar", entries);

        JarIndex index = JarIndex.of(jar);

        assertThat(index.autoConfigurations())
                .containsExactlyInAnyOrder("a.Auto1", "a.Auto2", "a.Listener", "a.Management");
        assertThat(index.services()).containsOnlyKeys("java.sql.Driver");
        assertThat(index.services().get("java.sql.Driver")).containsExactly("a.Driver");
        assertThat(index.processor()).isTrue();
        assertThat(index.classes()).containsExactly("a/Auto1");
        assertThat(index.packages()).containsExactly("a");
        assertThat(index.bytes()).isEqualTo(Files.size(jar));
    }

    @Test
    void anOversizedTextEntryIsLeftOutOfTheIndexAndTheRestIsIndexed() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/services/a.Huge", new byte[4 * MIB]);
        entries.put("META-INF/services/java.sql.Driver", text("a.Driver\n"));
        entries.put("a/Driver.class", new byte[] {1});
        entries.put("a/Big.class", new byte[16 * MIB]);
        Path jar = jar("dependency.jar", entries);

        JarIndex index = JarIndex.of(jar);

        assertThat(index.services()).containsOnlyKeys("java.sql.Driver");
        assertThat(index.classes()).containsExactlyInAnyOrder("a/Driver", "a/Big");
        assertThat(index.problems()).singleElement().satisfies(error -> {
            assertThat(error.input()).isEqualTo(jar + "!/META-INF/services/a.Huge");
            assertThat(error.message())
                    .isEqualTo("Not read: it inflates to more than 1 MiB, the limit for one text entry; the rest of"
                            + " the jar was indexed");
        });
        try (JarIndex.Opener opener = new JarIndex.Opener()) {
            assertThatThrownBy(() -> index.references("a/Big", opener))
                    .isInstanceOf(InputLimits.TooLarge.class)
                    .hasMessage("it inflates to more than 8 MiB, the limit for one class file");
        }
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Path jar(String name, Map<String, byte[]> entries) throws IOException {
        Path jar = temp.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return jar;
    }
}
