package org.ecobugs.maven;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.ecobugs.rules.Analysis;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.ProcessingError;
import org.ecobugs.rules.ProductInfo;
import org.ecobugs.rules.meta.RuleCatalog;
import org.ecobugs.rules.report.ReportContext;
import org.ecobugs.rules.report.ReportFormat;
import org.ecobugs.rules.report.Reports;

/**
 * Analyses the module's main sources and compiled classes, writes the reports and prints each finding as a Maven
 * warning that IDEs link to the source. Never fails the build because of findings.
 */
@Mojo(
        name = "analyze",
        defaultPhase = LifecyclePhase.VERIFY,
        requiresDependencyResolution = ResolutionScope.COMPILE,
        threadSafe = true)
public class AnalyzeMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** Skips the analysis. */
    @Parameter(property = "ecobugs.skip", defaultValue = "false")
    boolean skip;

    /** Report formats to write: text, json, sarif, html. */
    @Parameter(property = "ecobugs.formats", defaultValue = "text,json,sarif,html")
    List<String> formats = new ArrayList<>(List.of("text", "json", "sarif", "html"));

    /** Where the reports go, as {@code ecobugs.<txt|json|sarif|html>}. */
    @Parameter(property = "ecobugs.outputDirectory", defaultValue = "${project.build.directory}/ecobugs")
    java.io.File outputDirectory;

    /** Rule keys to run; empty runs the rules active by default. */
    @Parameter(property = "ecobugs.rules")
    Set<String> rules = new LinkedHashSet<>();

    /** Files analysed at once; 0 uses every processor. */
    @Parameter(property = "ecobugs.threads", defaultValue = "0")
    int threads;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("ecobugs: skipped");
            return;
        }
        List<ReportFormat> selected;
        try {
            selected = formats.stream().map(ReportFormat::fromName).distinct().toList();
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("ecobugs.formats: " + e.getMessage(), e);
        }
        AnalysisResult result;
        try {
            result = Analysis.run(request());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("ecobugs configuration: " + e.getMessage(), e);
        }
        for (Finding finding : result.findings()) {
            getLog().warn(WarningLines.of(finding));
        }
        for (ProcessingError error : result.errors()) {
            getLog().warn("ecobugs could not process " + error.input() + ": " + error.message());
        }
        writeReports(result, selected);
        getLog().info("ecobugs: " + result.findings().size() + " energy bugs; reports in " + outputDirectory);
    }

    private AnalysisRequest request() throws MojoExecutionException {
        AnalysisRequest.Builder request = AnalysisRequest.builder();
        for (String root : project.getCompileSourceRoots()) {
            if (Files.isDirectory(Path.of(root))) {
                request.addSourceRoot(Path.of(root));
            }
        }
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        if (Files.isDirectory(classes)) {
            request.addClassInput(classes);
        }
        try {
            List<Path> classpath = new ArrayList<>();
            for (String element : project.getCompileClasspathElements()) {
                if (!Path.of(element).equals(classes)) {
                    classpath.add(Path.of(element));
                }
            }
            request.addClasspath(classpath);
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("The compile classpath is not resolved", e);
        }
        String encoding = project.getProperties().getProperty("project.build.sourceEncoding");
        request.sourceEncoding(encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding));
        request.includeRules(rules);
        if (threads > 0) {
            request.threads(threads);
        }
        return request.build();
    }

    private void writeReports(AnalysisResult result, List<ReportFormat> selected) throws MojoExecutionException {
        ReportContext context = new ReportContext(
                result, RuleCatalog.builtIn(), project.getBasedir().toPath(), ProductInfo.version());
        Path directory = outputDirectory.toPath();
        for (ReportFormat format : selected) {
            Path file = directory.resolve("ecobugs." + format.extension());
            try {
                Files.createDirectories(directory);
                try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    Reports.writer(format).write(context, writer);
                }
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot write " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
