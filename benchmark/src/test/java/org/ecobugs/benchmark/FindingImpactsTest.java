package org.ecobugs.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ecobugs.benchmark.fixtures.TinyJourney;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.meta.RuleCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Findings joined to the recorded run of {@link TinyJourney}: findings placed in its methods (the lines of its source)
 * get the CPU samples, bytes and sleeps the recording saw there, are ranked by the energy they sit on, and get what
 * fixing them would save where their rule has a model.
 */
class FindingImpactsTest {

    private static final Path SOURCE = Recordings.journeySource();
    private static final RuleCatalog CATALOG = RuleCatalog.builtIn();

    private final BenchmarkResult benchmark = Recordings.tinyBenchmark();
    private final ImpactModel model = benchmark.model();

    /** EB101 on the spin loop of {@code spin()}. */
    private final Finding spin = finding("EB101", SOURCE, 76);
    /** EB102 on the sleeping loop of {@code poll()}. */
    private final Finding poll = finding("EB102", SOURCE, 127);
    /** EB201 in {@code exchange()}, the step that sends the bytes. */
    private final Finding payload = finding("EB201", SOURCE, 97);
    /** EB604 in a method the journey never calls. */
    private final Finding unused = finding("EB604", SOURCE, 134);

    @Test
    void aFindingInTheSpinCarriesTheSpinsCpuEnergyAndFixingItSavesIt() {
        FindingImpact impact = impact(spin);

        assertThat(impact.measured()).isTrue();
        assertThat(impact.scope()).isEqualTo(new FindingScope(path(SOURCE), 72, 80, "method spin"));
        assertThat(impact.steps()).containsExactly("spin");
        // 14 of the step's 15 CPU samples were taken in the spin: 14/15 of the step's IT energy.
        assertThat(impact.cpuSamples()).isEqualTo(14);
        assertThat(impact.itEnergyJ()).isCloseTo(step("spin").itEnergyJ().median() * 14 / 15, within(1e-12));
        assertThat(impact.itEnergyJ()).isCloseTo(step("spin").cpuMs().median() / 1000 * 3.5 * 14 / 15, within(1e-9));
        assertThat(impact.bytes()).isZero();
        assertThat(impact.sleeps()).isZero();
        assertThat(impact.saving().itEnergyJ()).isEqualTo(impact.itEnergyJ());
        assertThat(impact.saving().model()).startsWith("a blocking wait uses no CPU while it waits");
    }

    @Test
    void aFindingInThePollCarriesItsWakeUpsAndFixingItSavesAllButOnePerWait() {
        FindingImpact impact = impact(poll);

        assertThat(impact.steps()).containsExactly("poll");
        assertThat(impact.sleeps()).isEqualTo(TinyJourney.POLLS);
        assertThat(impact.cpuSamples()).isZero();
        assertThat(impact.energyJ()).isZero();
        assertThat(impact.saving().wakeUps()).isEqualTo(TinyJourney.POLLS - 1);
        assertThat(impact.saving().energyJ()).isZero();
    }

    @Test
    void aPayloadFindingProducesTheBytesOfItsStepAndFixingItSavesTheIndentation() {
        FindingImpact impact = impact(payload);

        assertThat(impact.scope().description()).isEqualTo("method exchange");
        assertThat(impact.steps()).containsExactly("exchange");
        assertThat(impact.bytes()).isEqualTo(12_500);
        assertThat(impact.dataEnergyJ()).isCloseTo(model.dataJoules(12_500), within(1e-12));
        assertThat(impact.dataEnergyJ()).isCloseTo(12_500 / 1e9 * 0.114 * 3_600_000, within(1e-9));
        assertThat(impact.saving().bytes()).isCloseTo(12_500 * SavingModels.INDENTATION_SHARE, within(1e-9));
        assertThat(impact.saving().dataEnergyJ())
                .isCloseTo(model.dataJoules(12_500 * SavingModels.INDENTATION_SHARE), within(1e-12));
        assertThat(impact.saving().itEnergyJ()).isZero();
    }

    @Test
    void aPayloadFindingProducesItsStepsBytesEvenWhereItsCodeSendsNothing() {
        // writeAndRead() runs in the exchange step but never touches the socket: a payload rule's finding there
        // still produces the step's data (a serializer builds what others send), another rule's finding does not.
        FindingImpact payloadThere = impact(finding("EB201", SOURCE, 118));
        FindingImpact retryThere = impact(finding("EB301", SOURCE, 118));

        assertThat(payloadThere.scope().description()).isEqualTo("method writeAndRead");
        assertThat(payloadThere.steps()).containsExactly("exchange");
        assertThat(payloadThere.bytes()).isEqualTo(12_500);
        assertThat(retryThere.steps()).containsExactly("exchange");
        assertThat(retryThere.bytes()).isZero();
    }

    @Test
    void aFindingTheJourneyNeverRanKeepsItsStaticWeightAndNoSaving() {
        FindingImpact impact = impact(unused);

        assertThat(impact.measured()).isFalse();
        assertThat(impact.steps()).isEmpty();
        assertThat(impact.energyJ()).isZero();
        assertThat(impact.saving()).isNull();
        // EB604 is MINOR (1) in the data-access family (1.25).
        assertThat(impact.staticWeight()).isEqualTo(1.25);
    }

    @Test
    void ranksMeasuredFindingsByEnergyThenTheOthersByStaticWeight() {
        Finding unusedMajor = finding("EB101", SOURCE, 134);

        List<FindingImpact> ranked =
                FindingImpacts.rank(List.of(unused, poll, spin, unusedMajor, payload), benchmark, CATALOG);

        // 12,500 bytes allocated 5.13 J by the data-transfer factor, more than the spin's CPU energy.
        assertThat(ranked).extracting(FindingImpact::finding).containsExactly(payload, spin, poll, unusedMajor, unused);
        assertThat(ranked.get(0).energyJ()).isGreaterThan(ranked.get(1).energyJ());
        Map<String, FindingImpact.Saving> byRule = FindingImpacts.savingsByRule(ranked);
        assertThat(byRule).containsOnlyKeys("EB101", "EB102", "EB201");
        assertThat(byRule.get("EB101").itEnergyJ()).isEqualTo(impact(spin).itEnergyJ());
    }

    @Test
    void aFindingWithoutItsSourceCoversItsWholeFileAndCountsEachEventOnce() {
        FindingImpact impact = impact(finding("EB301", Path.of("org/ecobugs/benchmark/fixtures/TinyJourney.java"), 84));

        assertThat(impact.scope().description()).isEqualTo("file");
        assertThat(impact.steps()).containsExactly("spin", "exchange", "poll");
        // main() is on the stack of every event of the journey's main thread: still each event once.
        assertThat(impact.cpuSamples()).isEqualTo(14);
        assertThat(impact.sleeps()).isEqualTo(TinyJourney.POLLS + 1);
        assertThat(impact.bytes()).as("capped at the bytes the step exchanged").isEqualTo(12_500);
        assertThat(impact.saving()).as("EB301 has no saving model").isNull();
    }

    @Test
    void findsTheScopeOfAFindingInItsSource(@TempDir Path dir) throws IOException {
        Path source = dir.resolve("org/x/Feed.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package org.x;

                class Feed {
                    static final Object MAPPER = new Object();

                    static {
                        System.out.println();
                    }

                    Feed() {
                        Runnable r = () -> {
                            System.out.println();
                        };
                    }

                    void poll() {
                        System.out.println();
                    }
                }
                """);
        FindingScope.Resolver resolver = new FindingScope.Resolver();

        assertThat(resolver.of(finding("EB201", source, 4)).description()).isEqualTo("class Feed");
        assertThat(resolver.of(finding("EB101", source, 7)))
                .isEqualTo(new FindingScope(path(source), 6, 8, "static initializer"));
        assertThat(resolver.of(finding("EB101", source, 12)).description()).isEqualTo("constructor Feed");
        FindingScope poll = resolver.of(finding("EB102", source, 17));
        assertThat(poll).isEqualTo(new FindingScope(path(source), 16, 18, "method poll"));
        assertThat(poll.contains(new FrameKey("org.x.Feed", "poll", 17))).isTrue();
        assertThat(poll.contains(new FrameKey("org.x.Feed$1", "run", 17)))
                .as("a nested class compiled from the same file")
                .isTrue();
        assertThat(poll.contains(new FrameKey("org.x.Feed", "poll", 19))).isFalse();
        assertThat(poll.contains(new FrameKey("org.y.Feed", "poll", 17))).isFalse();

        Files.writeString(source, "class Broken {");
        assertThat(new FindingScope.Resolver().of(finding("EB101", source, 1)).description())
                .isEqualTo("file");
    }

    @Test
    void theSavingModelsAreArithmeticOnWhatTheFindingSitsOn() {
        assertThat(SavingModels.has("EB101")).isTrue();
        assertThat(SavingModels.has("EB604")).isFalse();
        FindingImpact.Saving client =
                SavingModels.saving("EB501", 3.3, 0, 0, 0, model).orElseThrow();
        assertThat(client.itEnergyJ()).isCloseTo(3.3 - 1, within(1e-12));
        FindingImpact.Saving polling =
                SavingModels.saving("EB102", 0.2, 0, 30, 3, model).orElseThrow();
        assertThat(polling.wakeUps()).isEqualTo(27);
        assertThat(polling.itEnergyJ()).isEqualTo(0.2);
        FindingImpact.Saving compact =
                SavingModels.saving("EB201", 0, 1_000_000, 0, 0, model).orElseThrow();
        assertThat(compact.bytes()).isCloseTo(1_000_000 * SavingModels.INDENTATION_SHARE, within(1e-6));
        assertThat(compact.energyJ()).isCloseTo(model.dataJoules(compact.bytes()), within(1e-9));
        assertThat(SavingModels.saving("EB604", 1, 1, 1, 1, model)).isEmpty();
    }

    private FindingImpact impact(Finding finding) {
        return FindingImpacts.rank(List.of(finding), benchmark, CATALOG).get(0);
    }

    private StepResult step(String name) {
        return benchmark.steps().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static Finding finding(String rule, Path file, int line) {
        return new Finding(rule, file, line, 1, 0, 0, "a finding", Finding.Origin.SOURCE);
    }

    private static String path(Path file) {
        return file.toString().replace(file.getFileSystem().getSeparator(), "/");
    }
}
