package org.ecobugs.measurements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ecobugs.rules.meta.RuleCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyClaimsTest {

    @TempDir
    Path dir;

    @Test
    void aClaimIsAboutTheDependencyItsFixChanges() {
        assertThat(DependencyClaims.artifactOf("Remove the unused dependency commons-io:commons-io:2.16.1: no code"))
                .isEqualTo("commons-io:commons-io");
        assertThat(DependencyClaims.artifactOf("Exclude org.antlr:antlr4:4.13.2 from a, b and 1 more: no code"))
                .isEqualTo("org.antlr:antlr4");
        assertThat(DependencyClaims.artifactOf(
                        "Declare org.x:core, the only part of org.x:all:1.0-SNAPSHOT the project uses, and remove all"))
                .isEqualTo("org.x:all");
        assertThat(DependencyClaims.artifactOf("Exclude org.glassfish:jakarta.json:jar:module:2.0.1 from a: no code"))
                .isEqualTo("org.glassfish:jakarta.json");
        assertThatThrownBy(() -> DependencyClaims.artifactOf("Remove it")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unsettledClaimsAreLeftOutOfThePrecisionAndLabelsWithoutAClaimAreStale() throws IOException {
        Path claims = dir.resolve("claims.tsv");
        Files.writeString(
                claims,
                "app\tmodule\trule\tpom\tline\tmessage\n"
                        + "a\tweb\tEB402\tweb/pom.xml\t40\tExclude g:one:1.0 from x: no code.\n"
                        + "a\tweb\tEB402\tweb/pom.xml\t40\tExclude g:two:1.0 from x: no code.\n"
                        + "a\tweb\tEB402\tweb/pom.xml\t40\tExclude g:three:1.0 from x: no code.\n"
                        + "a\tweb\tEB402\tweb/pom.xml\t40\tExclude g:four:1.0 from x: no code.\n"
                        + "a\tweb\tEB401\tweb/pom.xml\t12\tRemove the unused dependency g:five:2.0: no code.\n");
        Path labels = dir.resolve("labels.tsv");
        Files.writeString(
                labels,
                "app\tmodule\trule\tartifact\tverdict\treason\n"
                        + "a\tweb\tEB402\tg:one\tTP\tnothing reaches it\n"
                        + "a\tweb\tEB402\tg:two\tFP\tits provider is loaded by g:lib\n"
                        + "a\tweb\tEB402\tg:three\t?\tloaded by a name built at run time\n"
                        + "a\tweb\tEB402\tg:gone\tTP\tno longer claimed\n");
        List<DependencyClaims.Claim> read = DependencyClaims.readClaims(claims);
        Map<DependencyClaims.Key, DependencyClaims.Label> judged = DependencyClaims.readLabels(labels);

        DependencyClaims.Tally exclusions = DependencyClaims.tally("EB402", read, judged);
        assertThat(exclusions).isEqualTo(new DependencyClaims.Tally(4, 1, 1, 1, 1, 1));
        assertThat(exclusions.precision()).isEqualTo("50 %");
        assertThat(DependencyClaims.tally("EB401", read, judged).precision()).isEqualTo("–");

        StringBuilder md = new StringBuilder();
        DependencyClaims.section(md, RuleCatalog.builtIn(), read, judged);
        assertThat(md.toString())
                .contains("| EB402 unused-transitive-dependency | on | 4 | 1 | 1 | 1 | 1 | 50 % | 1 |")
                .contains("a `web` g:two: its provider is loaded by g:lib")
                .contains("- EB401 a `web` g:five")
                .contains("- EB402 a `web` g:four");
    }

    @Test
    void aLabelNeedsAVerdictAndAReason() throws IOException {
        Path labels = dir.resolve("labels.tsv");
        Files.writeString(labels, "a\tweb\tEB402\tg:one\tmaybe\tunsure\n");
        assertThatThrownBy(() -> DependencyClaims.readLabels(labels)).hasMessageContaining("labels.tsv:1: expected");
        Files.writeString(labels, "a\tweb\tEB402\tg:one\tTP\tx\na\tweb\tEB402\tg:one\tFP\ty\n");
        assertThatThrownBy(() -> DependencyClaims.readLabels(labels)).hasMessageContaining("a second label");
    }
}
