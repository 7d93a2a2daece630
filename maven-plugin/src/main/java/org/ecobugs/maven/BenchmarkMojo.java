package org.ecobugs.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.ecobugs.benchmark.Benchmark;
import org.ecobugs.benchmark.BenchmarkJson;
import org.ecobugs.benchmark.BenchmarkRequest;
import org.ecobugs.benchmark.BenchmarkResult;
import org.ecobugs.benchmark.BenchmarkText;
import org.ecobugs.benchmark.EstimateChange;
import org.ecobugs.benchmark.ImpactModel;
import org.ecobugs.benchmark.JourneyFailedException;

/**
 * Measures a journey of the module: runs the {@code main} of {@link #journey} on the module's test class path (its
 * classes, test classes and dependencies) in forked JVMs under Java Flight Recorder, prints the per-step table and the
 * estimate, and writes the measurement to {@link #benchmarkOutput}. {@code analyze} and {@code check} later in the same
 * build join the findings to it. Bound to {@code integration-test}, so that it runs before them in {@code verify}.
 */
@Mojo(
        name = "benchmark",
        defaultPhase = LifecyclePhase.INTEGRATION_TEST,
        requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public class BenchmarkMojo extends AbstractMojo {

    /** Where this goal leaves the path of its measurement for the other goals of the same build. */
    static final String RESULT_KEY = "org.ecobugs.maven.benchmark";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** Skips ecobugs entirely. */
    @Parameter(property = "ecobugs.skip", defaultValue = "false")
    boolean skip;

    /** The journey's main class, on the module's test class path. */
    @Parameter(property = "ecobugs.journey", required = true)
    String journey;

    /** The arguments of the journey's main. */
    @Parameter(property = "ecobugs.journeyArgs")
    List<String> journeyArgs = new ArrayList<>();

    /** Measured runs, each in a new JVM. */
    @Parameter(property = "ecobugs.runs", defaultValue = "5")
    int runs;

    /** Calls of main before the measured one, in each JVM. */
    @Parameter(property = "ecobugs.warmup", defaultValue = "3")
    int warmup;

    /** Where the measurement is written, as JSON. */
    @Parameter(property = "ecobugs.benchmarkOutput", defaultValue = "${project.build.directory}/ecobugs/benchmark.json")
    File benchmarkOutput;

    /** An earlier measurement of the journey: the output shows the change per axis. */
    @Parameter(property = "ecobugs.benchmarkBaseline")
    File benchmarkBaseline;

    /** Also runs the journey as often without recording, alternated, and reports what recording costs. */
    @Parameter(property = "ecobugs.overhead", defaultValue = "false")
    boolean overhead;

    /** Watts per vCPU: aws, azure, gcp, epyc2, cascadelake, or a number. */
    @Parameter(property = "ecobugs.cpuPower", defaultValue = "aws")
    String cpuPower;

    /** Energy per GB exchanged: swd-v4, swd-v4-with-device, swd-v3, or a number of kWh per GB. */
    @Parameter(property = "ecobugs.dataEnergy", defaultValue = "swd-v4")
    String dataEnergy;

    /** Grid carbon intensity: fr, fr-2012, eu, world, or a number of gCO2e per kWh. */
    @Parameter(property = "ecobugs.grid", defaultValue = "fr")
    String grid;

    /** Options of the forked JVMs. */
    @Parameter(property = "ecobugs.jvmArgs")
    List<String> jvmArgs = new ArrayList<>();

    /** The longest one run may take, in seconds. */
    @Parameter(property = "ecobugs.timeout", defaultValue = "600")
    long timeout;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("ecobugs: skipped");
            return;
        }
        BenchmarkResult previous =
                benchmarkBaseline == null ? null : AbstractEcobugsMojo.readBenchmark(benchmarkBaseline);
        List<String> classpath;
        try {
            classpath = new ArrayList<>(project.getTestClasspathElements());
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("The test class path is not resolved", e);
        }
        BenchmarkRequest request;
        try {
            request = BenchmarkRequest.builder(journey)
                    .classpath(classpath)
                    .args(AbstractEcobugsMojo.split(journeyArgs))
                    .runs(runs)
                    .warmup(warmup)
                    .jvmArgs(jvmArgs == null ? List.of() : jvmArgs)
                    .measureOverhead(overhead)
                    .model(ImpactModel.of(cpuPower, dataEnergy, grid))
                    .timeout(Duration.ofSeconds(timeout))
                    .progress(message -> getLog().info("ecobugs benchmark: " + message))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("ecobugs benchmark configuration: " + e.getMessage(), e);
        }
        BenchmarkResult result;
        try {
            result = Benchmark.run(request);
        } catch (JourneyFailedException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("ecobugs benchmark: " + e.getMessage(), e);
        }
        EstimateChange change = previous == null ? null : new EstimateChange(previous, result);
        BenchmarkText.render(result, change).lines().forEach(line -> getLog().info(line));
        Path output = benchmarkOutput.toPath();
        try {
            BenchmarkJson.write(result, output);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + output + ": " + e.getMessage(), e);
        }
        getLog().info("ecobugs: measurement written to " + output);
        project.setContextValue(RESULT_KEY, output);
    }
}
