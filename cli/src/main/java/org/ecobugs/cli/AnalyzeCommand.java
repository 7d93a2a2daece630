package org.ecobugs.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ecobugs.benchmark.BenchmarkResult;
import org.ecobugs.benchmark.RuntimeReport;
import org.ecobugs.rules.Analysis;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.ProductInfo;
import org.ecobugs.rules.config.ConfigFile;
import org.ecobugs.rules.meta.RuleCatalog;
import org.ecobugs.rules.meta.RuleMetadata.Severity;
import org.ecobugs.rules.report.Baseline;
import org.ecobugs.rules.report.ReportContext;
import org.ecobugs.rules.report.ReportFormat;
import org.ecobugs.rules.report.Reports;
import org.ecobugs.rules.report.TerminalText;
import org.ecobugs.rules.settings.HostOptions;
import org.ecobugs.rules.settings.ProjectSettings;
import org.ecobugs.rules.settings.SettingsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecobugs analyze}: runs the rules on sources and classes and writes the reports. */
@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Analyses Java sources and compiled classes for energy bugs.",
            "Exit status: 0 when nothing is found, 1 when energy bugs are reported (with --baseline, new ones; with"
                    + " --fail-on-severity, those of that severity or above), 2 on bad usage (a missing input,"
                    + " a report that cannot be written), 3 when inputs could not be processed and"
                    + " --fail-on-processing-errors is given."
        })
final class AnalyzeCommand implements Callable<Integer> {

    private static final String REPORT_BASE_NAME = "ecobugs";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(
            arity = "1..*",
            paramLabel = "PATH",
            description = "Files or directories to analyse: .java sources, .class files, .jar archives, Spring Boot"
                    + " configuration files (application*.properties|yml|yaml).")
    List<Path> paths = new ArrayList<>();

    @Option(
            names = "--classes",
            paramLabel = "DIR|JAR",
            split = ",",
            description = "Compiled classes of the analysed code (directories or jars); makes bytecode rules run.")
    List<Path> classes = new ArrayList<>();

    @Option(
            names = "--classpath",
            paramLabel = "CP",
            description = "Libraries the code compiles against, separated by '${sys:path.separator}'; used to resolve"
                    + " names, never analysed.")
    String classpath;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            split = ",",
            description = "Report formats: text (default), json, sarif, html; several with commas.")
    List<String> formats = new ArrayList<>(List.of("text"));

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report (one format) to this file.")
    Path output;

    @Option(
            names = "--report-dir",
            paramLabel = "DIR",
            description = "Write one report per format to DIR/ecobugs.<txt|json|sarif|html>.")
    Path reportDir;

    @Option(
            names = "--rules",
            paramLabel = "KEYS",
            split = ",",
            description = "Run only these rules (e.g. EB101,EB604), active by default or not; -EB402 excludes one and"
                    + " keeps the others.")
    List<String> rules = new ArrayList<>();

    @Option(names = "--exclude-rules", paramLabel = "KEYS", split = ",", description = "Never run these rules.")
    Set<String> excludedRules = new LinkedHashSet<>();

    @Option(
            names = "--param",
            paramLabel = "KEY.NAME=VALUE",
            description = "A rule parameter, e.g. EB102.maxPollIntervalMs=500; repeatable.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(
            names = "--java-level",
            paramLabel = "N",
            description = "Java language level of the sources (8-25; default: ${DEFAULT-VALUE}).")
    int javaLevel = AnalysisRequest.DEFAULT_JAVA_VERSION;

    @Option(names = "--encoding", paramLabel = "CHARSET", description = "Encoding of the sources (default: UTF-8).")
    String encoding = StandardCharsets.UTF_8.name();

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Files analysed at once (default: the number of processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(
            names = "--max-source-file-bytes",
            paramLabel = "N",
            description = "Skip source files larger than N bytes (generated code, most likely), each reported as a"
                    + " processing error: parsing takes about 100 bytes of heap per byte of source (default:"
                    + " ${DEFAULT-VALUE}, 5 MiB).")
    long maxSourceFileBytes = AnalysisRequest.DEFAULT_MAX_SOURCE_FILE_BYTES;

    @Option(
            names = "--base-dir",
            paramLabel = "DIR",
            description = "Directory that report paths are relative to (default: the current directory).")
    Path baseDir = Path.of("");

    @Option(
            names = "--cache",
            paramLabel = "DIR",
            description = "Keep each file's results in DIR and reuse them on the next run while the file, the"
                    + " classpath and the rules are unchanged (default: no cache).")
    Path cacheDirectory;

    @Option(
            names = "--progress",
            negatable = true,
            description = "Show files done and the rate on standard error while analysing (default: only on an"
                    + " interactive terminal, never with --quiet).")
    Boolean progress;

    @Option(
            names = {"-q", "--quiet"},
            description = "Print nothing but errors; the exit status still tells.")
    boolean quiet;

    @Option(
            names = "--benchmark",
            paramLabel = "FILE",
            description = "A measured journey of this code (benchmark --output): ranks the findings by the energy they"
                    + " sit on and adds the estimate to the reports.")
    Path benchmark;

    @Option(
            names = "--benchmark-baseline",
            paramLabel = "FILE",
            description = "With --benchmark, an earlier measurement of the journey: shows the change per axis.")
    Path benchmarkBaseline;

    @Option(
            names = "--baseline",
            paramLabel = "FILE",
            description =
                    "Report only findings this baseline (--write-baseline) does not know: known ones are listed as"
                            + " suppressed and count nowhere, and the report says how many it hid and how many are gone.")
    Path baseline;

    @Option(
            names = "--write-baseline",
            paramLabel = "FILE",
            description = "Record the findings of this run in FILE, to give to --baseline later (commit it).")
    Path writeBaseline;

    @Option(
            names = "--report-unused-suppressions",
            description =
                    "List the @SuppressWarnings(\"ecobugs…\") and ecobugs:ignore comments that match no finding of"
                            + " the rules that ran: the code they excused has changed, and they would hide the next finding"
                            + " there.")
    boolean reportUnusedSuppressions;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "The configuration file: rules, parameters, severities, excluded paths, baseline, failing"
                    + " severity (default: " + ProjectSettings.FILE_NAME + " in the base directory, when there is one)."
                    + " These options win over it.")
    Path configFile;

    @Option(names = "--no-config", description = "Read no configuration file, even when there is one.")
    boolean noConfig;

    @Option(
            names = "--fail-on-severity",
            paramLabel = "SEVERITY",
            description =
                    "Exit with status 1 only for findings of this severity or above: INFO, MINOR, MAJOR,"
                            + " CRITICAL or BLOCKER (default: the configuration file's failOnSeverity, else INFO: any finding).")
    String failOnSeverity;

    @Option(
            names = "--fail-on-processing-errors",
            description = "Exit with status 3 when an input could not be processed (it does not parse, a class or"
                    + " archive is corrupt…): what it holds was not analysed. By default such inputs are reported and"
                    + " the exit status tells only of energy bugs.")
    boolean failOnProcessingErrors;

    @Override
    public Integer call() {
        checkInputs();
        List<ReportFormat> selected =
                formats.stream().map(ReportFormat::fromName).distinct().toList();
        if (output != null && selected.size() != 1) {
            throw new UsageException("--output takes one format; use --report-dir for several");
        }
        if (output != null && reportDir != null) {
            throw new UsageException("use either --output or --report-dir, not both");
        }
        if (benchmarkBaseline != null && benchmark == null) {
            throw new UsageException("--benchmark-baseline needs --benchmark");
        }
        if (output == null && reportDir == null && selected.size() > 1) {
            throw new UsageException("several formats need --report-dir");
        }
        List<Path> targets = new ArrayList<>(reportFiles(selected));
        if (writeBaseline != null) {
            targets.add(writeBaseline);
        }
        ReportTargets.check(targets, analysedPaths());
        ProjectSettings settings = settings();
        Severity threshold = threshold(settings);
        Baseline known = knownFindings(settings);
        BenchmarkResult measured = benchmark == null ? null : BenchmarkCommand.read(benchmark);
        BenchmarkResult previous = benchmarkBaseline == null ? null : BenchmarkCommand.read(benchmarkBaseline);
        AnalysisRequest request = request(settings);
        AnalysisResult result;
        if (showsProgress()) {
            ProgressLine line = new ProgressLine(spec.commandLine().getErr(), System::nanoTime);
            try {
                result = Analysis.run(request, line);
            } finally {
                line.finish();
            }
        } else {
            result = Analysis.run(request);
        }
        ReportContext context = new ReportContext(
                        result, RuleCatalog.builtIn(), baseDir.toAbsolutePath().normalize(), ProductInfo.version())
                .withSettings(settings);
        if (writeBaseline != null) {
            try {
                Baseline.write(context, writeBaseline);
            } catch (IOException | RuntimeException e) {
                throw new UsageException(
                        "cannot write the baseline to " + writeBaseline + ": " + ReportTargets.describe(e));
            }
        }
        if (known != null) {
            context = context.withBaseline(known);
        }
        if (measured != null) {
            context =
                    context.withRuntime(RuntimeReport.of(context.result(), RuleCatalog.builtIn(), measured, previous));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output != null) {
            write(selected.get(0), context, output);
        } else if (reportDir != null) {
            for (ReportFormat format : selected) {
                write(format, context, reportDir.resolve(REPORT_BASE_NAME + "." + format.extension()));
            }
        }
        boolean reportOnStdout = output == null && reportDir == null;
        if (!quiet) {
            ReportFormat shown = reportOnStdout ? selected.get(0) : ReportFormat.TEXT;
            writeTo(shown, context, out);
            if (!reportOnStdout) {
                out.println(TerminalText.escape("Reports written to " + (output != null ? output : reportDir) + "."));
            }
        }
        if (writeBaseline != null && !quiet) {
            int recorded = result.findings().size();
            out.println(TerminalText.escape("Baseline of " + recorded + (recorded == 1 ? " finding" : " findings")
                    + " written to " + writeBaseline + "."));
        }
        out.flush();
        if (failOnProcessingErrors && !result.errors().isEmpty()) {
            spec.commandLine()
                    .getErr()
                    .println("ecobugs: " + result.errors().size() + " input"
                            + (result.errors().size() == 1 ? "" : "s") + " could not be processed"
                            + " (--fail-on-processing-errors)");
            return ExitCodes.PROCESSING_ERRORS;
        }
        ReportContext reported = context;
        boolean failing = reported.result().findings().stream()
                .anyMatch(f -> reported.rule(f.ruleKey()).defaultSeverity().compareTo(threshold) >= 0);
        return failing ? ExitCodes.FINDINGS : ExitCodes.CLEAN;
    }

    /** The configuration file given, else the one in the base directory; none with --no-config. */
    private ProjectSettings settings() {
        if (noConfig) {
            if (configFile != null) {
                throw new UsageException("use either --config or --no-config, not both");
            }
            return ProjectSettings.NONE;
        }
        Path file = configFile;
        if (file == null) {
            file = ProjectSettings.find(baseDir, null).orElse(null);
        } else if (!Files.isRegularFile(file)) {
            throw new UsageException("--config: no such file: " + file);
        }
        if (file == null) {
            return ProjectSettings.NONE;
        }
        try {
            return ProjectSettings.read(file, RuleCatalog.builtIn());
        } catch (SettingsException e) {
            throw new UsageException("configuration file " + e.getMessage());
        }
    }

    private Severity threshold(ProjectSettings settings) {
        if (failOnSeverity == null) {
            return settings.failOnSeverity() != null ? settings.failOnSeverity() : Severity.INFO;
        }
        try {
            return Severity.valueOf(failOnSeverity.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException(
                    "--fail-on-severity must be INFO, MINOR, MAJOR, CRITICAL or BLOCKER, not '" + failOnSeverity + "'");
        }
    }

    /**
     * The baseline to compare with: --baseline, else the configuration file's. A baseline the file names that does not
     * exist yet is skipped when this run writes it, and an error otherwise: comparing with nothing would fail every old
     * finding.
     */
    private Baseline knownFindings(ProjectSettings settings) {
        if (baseline != null) {
            return Baseline.read(baseline);
        }
        Path named = settings.baseline();
        if (named == null) {
            return null;
        }
        if (!Files.exists(named)) {
            if (writeBaseline != null) {
                return null;
            }
            throw new UsageException("the baseline " + named + " named in " + settings.file()
                    + " does not exist; write it with --write-baseline " + named);
        }
        return Baseline.read(named);
    }

    /** Inputs that do not exist, and options out of range, are usage errors: nothing would be analysed. */
    private void checkInputs() {
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new UsageException("no such file or directory: " + path);
            }
        }
        for (Path path : classes) {
            if (!Files.exists(path)) {
                throw new UsageException("--classes: no such file or directory: " + path);
            }
        }
        if (!Files.isDirectory(baseDir.toAbsolutePath())) {
            throw new UsageException("--base-dir: not a directory: " + baseDir);
        }
        if (threads < 1) {
            throw new UsageException("--threads must be at least 1, not " + threads);
        }
        if (threads > AnalysisRequest.maxUsefulThreads()) {
            spec.commandLine()
                    .getErr()
                    .println("ecobugs: --threads " + threads + " is more than this machine can use; using "
                            + AnalysisRequest.maxUsefulThreads());
            threads = AnalysisRequest.maxUsefulThreads();
        }
    }

    private List<Path> reportFiles(List<ReportFormat> selected) {
        if (output != null) {
            return List.of(output);
        }
        if (reportDir == null) {
            return List.of();
        }
        return selected.stream()
                .map(format -> reportDir.resolve(REPORT_BASE_NAME + "." + format.extension()))
                .toList();
    }

    private List<Path> analysedPaths() {
        List<Path> analysed = new ArrayList<>(paths);
        analysed.addAll(classes);
        return analysed;
    }

    /**
     * Whether to draw the progress line: when asked, else when the user watches an interactive terminal and did not ask
     * for quiet. On Java 17 a console exists only when the JVM's input and output are a terminal; from Java 22 on it
     * may exist without one, and says so through {@code isTerminal()}.
     */
    boolean showsProgress() {
        if (progress != null) {
            return progress;
        }
        return !quiet && isTerminal(System.console());
    }

    static boolean isTerminal(java.io.Console console) {
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private AnalysisRequest request(ProjectSettings settings) {
        AnalysisRequest.Builder request = AnalysisRequest.builder();
        for (Path path : paths) {
            String name = path.getFileName() == null ? "" : path.getFileName().toString();
            if (name.endsWith(".class") || name.endsWith(".jar")) {
                request.addClassInput(path);
            } else if (Files.isDirectory(path)) {
                // A directory may hold sources, classes and configuration alike (a project, an unpacked distribution).
                request.addSourceRoot(path).addClassInput(path).addResourceRoot(path);
                mavenResourcesBeside(path).ifPresent(request::addResourceRoot);
            } else if (ConfigFile.isConfigFileName(name)) {
                request.addResourceRoot(path);
            } else {
                request.addSourceRoot(path);
            }
        }
        request.addClassInputs(classes);
        if (classpath != null && !classpath.isBlank()) {
            List<Path> entries = new ArrayList<>();
            for (String entry : classpath.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    entries.add(Path.of(entry));
                }
            }
            request.addClasspath(entries);
        }
        Map<String, Map<String, String>> byRule;
        try {
            List<String> entries = new ArrayList<>();
            parameters.forEach((key, value) -> entries.add(key + "=" + value));
            byRule = HostOptions.parameterEntries(entries);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--param: " + e.getMessage());
        }
        HostOptions.RuleSelection selection = HostOptions.rules(rules);
        Set<String> excluded = new LinkedHashSet<>(selection.excluded());
        excluded.addAll(excludedRules);
        settings.configure(request, RuleCatalog.builtIn(), selection.included(), excluded, byRule);
        return request.javaVersion(javaLevel)
                .reportUnusedSuppressions(reportUnusedSuppressions)
                .cacheDirectory(cacheDirectory)
                .threads(threads)
                .maxSourceFileBytes(maxSourceFileBytes)
                .sourceEncoding(charset(encoding))
                .build();
    }

    /**
     * The configuration beside sources given in the Maven layout: {@code src/main/resources} for {@code
     * src/main/java}, where Spring Boot's {@code application.properties} lives.
     */
    private static java.util.Optional<Path> mavenResourcesBeside(Path sources) {
        Path normalized = sources.toAbsolutePath().normalize();
        if (normalized.getFileName() != null
                && normalized.getFileName().toString().equals("java")
                && normalized.getParent() != null) {
            Path resources = normalized.getParent().resolve("resources");
            if (Files.isDirectory(resources)) {
                return java.util.Optional.of(resources);
            }
        }
        return java.util.Optional.empty();
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UsageException("Unknown encoding '" + name + "'");
        }
    }

    private static void write(ReportFormat format, ReportContext context, Path file) {
        try {
            Reports.write(format, context, file);
        } catch (IOException | RuntimeException e) {
            // Checked before the analysis; still possible (a full disk, a directory removed meanwhile).
            throw new UsageException(
                    "cannot write the " + format.id() + " report to " + file + ": " + ReportTargets.describe(e));
        }
    }

    private static void writeTo(ReportFormat format, ReportContext context, Writer writer) {
        try {
            Reports.writer(format).write(context, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
