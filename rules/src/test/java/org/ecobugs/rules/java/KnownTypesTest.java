package org.ecobugs.rules.java;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownTypesTest {

    @Test
    void knowsTheTypesOfTheJdk() {
        KnownTypes jdk = KnownTypes.jdkOnly();
        assertThat(jdk.exists("java.lang.String")).isTrue();
        assertThat(jdk.exists("java.util.concurrent.TimeUnit")).isTrue();
        assertThat(jdk.exists("java.sql.Connection")).isTrue();
        assertThat(jdk.exists("java.util.Widget")).isFalse();
        assertThat(jdk.exists("java.util")).isFalse();
        assertThat(jdk.targetsAndroid()).isFalse();
    }

    @Test
    void knowsNestedTypesOfTheJdkBySourceName() {
        KnownTypes jdk = KnownTypes.jdkOnly();
        assertThat(jdk.exists("java.util.Map.Entry")).isTrue();
        assertThat(jdk.exists("java.lang.Thread.State")).isTrue();
        assertThat(jdk.exists("java.util.Map.Widget")).isFalse();
        // A package is not an outer type: java.util.Map must not be read as java$util$Map or the like.
        assertThat(jdk.exists("java.util.concurrent.Map")).isFalse();
    }

    @Test
    void indexesClassDirectoriesAndArchives(@TempDir Path temp) throws IOException {
        Path classes = temp.resolve("classes");
        Files.createDirectories(classes.resolve("com/acme/time"));
        Files.write(classes.resolve("com/acme/time/Clock.class"), new byte[] {0});
        Files.write(classes.resolve("com/acme/time/Clock$Tick.class"), new byte[] {0});
        Files.write(classes.resolve("com/acme/time/notes.txt"), new byte[] {0});
        Path jar = temp.resolve("lib.jar");
        writeArchive(jar, "org/lib/Client.class", "META-INF/versions/11/org/lib/Hidden.class", "org/lib/README");

        KnownTypes types = new KnownTypes(List.of(classes, jar, temp.resolve("missing.jar")));
        assertThat(types.exists("com.acme.time.Clock")).isTrue();
        assertThat(types.exists("com.acme.time.Clock.Tick")).isTrue();
        assertThat(types.exists("org.lib.Client")).isTrue();
        assertThat(types.exists("java.lang.String")).isTrue();
        assertThat(types.exists("com.acme.time.notes")).isFalse();
        assertThat(types.exists("org.lib.Hidden")).isFalse();
        assertThat(types.exists("org.lib.README")).isFalse();
        assertThat(types.targetsAndroid()).isFalse();
    }

    @Test
    void aBrokenArchiveOnlyMakesResolutionLessPrecise(@TempDir Path temp) throws IOException {
        Path broken = temp.resolve("broken.jar");
        Files.writeString(broken, "not a zip");
        KnownTypes types = new KnownTypes(List.of(broken));
        assertThat(types.exists("java.util.List")).isTrue();
        assertThat(types.exists("org.lib.Client")).isFalse();
    }

    @Test
    void tellsAnAndroidClasspath(@TempDir Path temp) throws IOException {
        Path platform = temp.resolve("android.jar");
        writeArchive(platform, "android/os/Build.class");
        assertThat(new KnownTypes(List.of(platform)).targetsAndroid()).isTrue();

        Path robolectric = temp.resolve("android-all-14-robolectric.jar");
        writeArchive(robolectric, "android/os/Build.class");
        assertThat(new KnownTypes(List.of(robolectric)).targetsAndroid()).isTrue();

        assertThat(new KnownTypes(List.of(temp.resolve("appcompat-1.6.1.aar"))).targetsAndroid())
                .isTrue();

        Path classes = temp.resolve("classes");
        Files.createDirectories(classes.resolve("android/content"));
        Files.write(classes.resolve("android/content/Context.class"), new byte[] {0});
        assertThat(new KnownTypes(List.of(classes)).targetsAndroid()).isTrue();

        // An android-looking name of an ordinary library is not the platform.
        Path annotations = temp.resolve("androidx-annotation-1.7.0.jar");
        writeArchive(annotations, "androidx/annotation/NonNull.class");
        assertThat(new KnownTypes(List.of(annotations)).targetsAndroid()).isFalse();
    }

    @Test
    void resolvesOnDemandImportsAgainstTheClasspath(@TempDir Path temp) throws IOException {
        Path jar = temp.resolve("lib.jar");
        writeArchive(jar, "com/acme/Widget.class");
        KnownTypes types = new KnownTypes(List.of(jar));
        JavaNames names = new JavaNames(
                org.ecobugs.rules.engine.JavaParsers.create(17)
                        .parse("package org.example; import com.acme.*; import java.util.*; class C {}")
                        .getResult()
                        .orElseThrow(),
                types);
        assertThat(names.resolve("Widget")).contains("com.acme.Widget");
        assertThat(names.resolve("List")).contains("java.util.List");
        assertThat(names.resolve("Gadget")).isEmpty();
        assertThat(names.targetsAndroid()).isFalse();
    }

    private static void writeArchive(Path archive, String... entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(archive);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(0);
                zip.closeEntry();
            }
        }
    }
}
