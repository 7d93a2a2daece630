package org.ecobugs.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.ecobugs.benchmark.BenchmarkJson;
import org.ecobugs.benchmark.BenchmarkResult;
import org.ecobugs.benchmark.EnergySource;
import org.ecobugs.benchmark.FrameCounts;
import org.ecobugs.benchmark.FrameKey;
import org.ecobugs.benchmark.ImpactModel;
import org.ecobugs.benchmark.RunRecording;
import org.ecobugs.benchmark.StackKey;
import org.ecobugs.benchmark.StepMeasures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze} and {@code check} with a measured journey ({@code ecobugs.benchmark}): the findings ranked in the log
 * and the reports, and {@code check} failing when the estimate dropped from a baseline by more than {@code
 * ecobugs.maxEstimateDrop}. The measurements are written by the test, with known CPU time and bytes.
 */
class MeasuredJourneyMojoTest {

    /** The EB101 fixture's spinning method, as a recording's frame names it. */
    private static final FrameKey SPIN =
            new FrameKey("org.ecobugs.fixtures.eb101.BusyWaitSpinCompiled", "spinOnFlag", 12);

    @TempDir
    Path work;

    private final List<String> warnings = new ArrayList<>();
    private final List<String> infos = new ArrayList<>();

    @Test
    void analyzeRanksTheFindingsByWhatTheJourneyMeasuredAndLogsTheEstimate() throws Exception {
        MavenProject project = TestProjects.fixturesPackage("eb101", work);
        AnalyzeMojo mojo = mojo(new AnalyzeMojo(), project);
        mojo.rules.add("EB101");
        mojo.benchmark = measurement("spin.json", 1.0, 0.9, 0).toFile();
        mojo.execute();

        assertThat(infos)
                .anySatisfy(line ->
                        assertThat(line).startsWith("ecobugs: ecobugs' estimate on the same axes as the ANS écoscore"));
        assertThat(infos)
                .anySatisfy(line -> assertThat(line)
                        .startsWith(
                                "ecobugs:   1. src/main/java/org/ecobugs/fixtures/eb101/BusyWaitSpinCompiled.java:12"
                                        + " [EB101] 3.15 J, fixing it saves 3.15 J"));
        String json = Files.readString(Path.of(project.getBuild().getDirectory(), "ecobugs", "ecobugs.json"));
        assertThat(json).contains("\"runtime\":{\"label\":\"ecobugs' estimate on the same axes as the ANS écoscore");
    }

    @Test
    void checkFailsWhenTheEstimateDroppedMoreThanAllowed() throws Exception {
        CheckMojo check = check(1.0);
        // From 0.1 s of CPU to 0.9 s in a 1 s journey: 0.35 J to 3.15 J at 3.5 W per vCPU, so the energy axis drops
        // from 100 × 2^-0.1 = 93.3 to 100 × 2^-0.9 = 53.6 and the estimate, the mean with time 50 and data 100, from
        // 81.1 to 67.9.
        check.benchmarkBaseline = measurement("before.json", 1.0, 0.1, 0).toFile();
        check.benchmark = measurement("after.json", 1.0, 0.9, 0).toFile();

        assertThatThrownBy(check::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("estimate 67.9, baseline 81.1 (-13.2 points; time +0.0, energy -39.7, data +0.0)")
                .hasMessageEndingWith("dropped by more than the 1.0 points allowed (ecobugs.maxEstimateDrop)");
    }

    @Test
    void checkPassesWithinTheAllowedDropAndOnAnImprovement() throws Exception {
        CheckMojo check = check(13.5);
        check.benchmarkBaseline = measurement("before.json", 1.0, 0.1, 0).toFile();
        check.benchmark = measurement("after.json", 1.0, 0.9, 0).toFile();
        check.execute();
        assertThat(infos).anySatisfy(line -> assertThat(line).endsWith("at most 13.5 points of drop allowed: passed"));

        CheckMojo better = check(0.0);
        better.benchmarkBaseline = measurement("slow.json", 2.0, 0.5, 2_000_000).toFile();
        better.benchmark = measurement("fast.json", 1.0, 0.5, 1_000_000).toFile();
        better.execute();
    }

    @Test
    void checkOnlyWarnsWhenFailOnViolationIsOff() throws Exception {
        CheckMojo check = check(1.0);
        check.failOnViolation = false;
        check.benchmarkBaseline = measurement("before.json", 1.0, 0.1, 0).toFile();
        check.benchmark = measurement("after.json", 1.0, 0.9, 0).toFile();
        check.execute();
        assertThat(warnings).anySatisfy(line -> assertThat(line).contains("(failOnViolation is false"));
    }

    @Test
    void aMaximumDropNeedsABenchmarkAndABaseline() throws IOException {
        CheckMojo check = check(1.0);
        assertThatThrownBy(check::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("ecobugs.maxEstimateDrop needs a benchmark");

        CheckMojo noBaseline = check(1.0);
        noBaseline.benchmark = measurement("after.json", 1.0, 0.9, 0).toFile();
        assertThatThrownBy(noBaseline::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("ecobugs.maxEstimateDrop needs a benchmark");

        CheckMojo notAMeasurement = check(1.0);
        Path report = Files.writeString(work.resolve("report.json"), "{\"schemaVersion\":1}");
        notAMeasurement.benchmark = report.toFile();
        assertThatThrownBy(notAMeasurement::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("is not an ecobugs benchmark file");
    }

    private CheckMojo check(double maxDrop) {
        CheckMojo check = mojo(new CheckMojo(), TestProjects.fixturesPackage("eb101", work));
        check.rules.add("EB101");
        check.failOnViolation = true;
        check.failOnSeverity = "MINOR";
        check.maxFindings = 100;
        check.maxEstimateDrop = maxDrop;
        return check;
    }

    /**
     * A one-run measurement of a journey without steps that spent this wall time, CPU time (every CPU sample in the
     * EB101 fixture's spin) and loopback bytes, scored under the default model.
     */
    private Path measurement(String name, double wallSeconds, double cpuSeconds, long bytes) throws IOException {
        long samples = Math.round(cpuSeconds * 100);
        StepMeasures journey = new StepMeasures(
                RunRecording.WHOLE_JOURNEY,
                Math.round(wallSeconds * 1e9),
                cpuSeconds * 1e9,
                Double.NaN,
                0,
                0,
                0,
                bytes,
                0,
                0,
                0,
                samples,
                0,
                Map.of(SPIN.className() + "." + SPIN.method(), samples),
                Map.of(new StackKey(List.of(SPIN)), new FrameCounts(samples, 0, 0, 0, 0)));
        RunRecording run = new RunRecording(
                "org.example.Journey", journey, List.of(), null, EnergySource.MODEL, RunRecording.Machine.UNKNOWN);
        BenchmarkResult result = BenchmarkResult.of(
                new BenchmarkResult.Journey("org.example.Journey", List.of(), 1, 0),
                List.of(run),
                ImpactModel.defaults(),
                null);
        Path file = work.resolve(name);
        BenchmarkJson.write(result, file);
        return file;
    }

    private <T extends AbstractEcobugsMojo> T mojo(T mojo, MavenProject project) {
        mojo.project = project;
        mojo.outputDirectory =
                Path.of(project.getBuild().getDirectory(), "ecobugs").toFile();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void warn(CharSequence content) {
                warnings.add(content.toString());
            }

            @Override
            public void info(CharSequence content) {
                infos.add(content.toString());
            }
        });
        return mojo;
    }
}
