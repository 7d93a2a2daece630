package org.ecobugs.sonar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.ecobugs.benchmark.BenchmarkText;
import org.ecobugs.benchmark.RuntimeReport;
import org.ecobugs.rules.Analysis;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.PathExclusions;
import org.ecobugs.rules.ProcessingError;
import org.ecobugs.rules.SecondaryLocation;
import org.ecobugs.rules.config.ConfigFile;
import org.ecobugs.rules.ecoscore.StaticEcoscore;
import org.ecobugs.rules.meta.Family;
import org.ecobugs.rules.meta.RuleCatalog;
import org.ecobugs.rules.meta.RuleMetadata;
import org.ecobugs.rules.settings.ProjectSettings;
import org.ecobugs.rules.settings.SettingsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sonar.api.batch.fs.FilePredicates;
import org.sonar.api.batch.fs.FileSystem;
import org.sonar.api.batch.fs.InputFile;
import org.sonar.api.batch.fs.TextRange;
import org.sonar.api.batch.rule.ActiveRule;
import org.sonar.api.batch.sensor.Sensor;
import org.sonar.api.batch.sensor.SensorContext;
import org.sonar.api.batch.sensor.SensorDescriptor;
import org.sonar.api.batch.sensor.issue.NewIssue;
import org.sonar.api.config.PropertyDefinition;
import org.sonar.api.measures.Metric;
import org.sonar.api.rule.RuleKey;

/**
 * Analyses a module with the ecobugs engine: one request for its main Java files, its compiled classes
 * ({@code sonar.java.binaries}) and its libraries ({@code sonar.java.libraries}), run once. Saves each finding as an
 * issue at its exact range, and on each file the measures that {@link EcobugsMeasureComputer} adds up for directories
 * and the project. Inputs the engine cannot process are logged, one line each, and never fail the scan.
 */
public final class EcobugsSensor implements Sensor {

    private static final Logger LOG = LoggerFactory.getLogger(EcobugsSensor.class);

    private final Function<AnalysisRequest, AnalysisResult> analysis;

    public EcobugsSensor() {
        this(Analysis::run);
    }

    /** For tests: an engine stand-in that returns chosen findings and errors. */
    /** The configuration file whose exclusions apply, relative to the project's directory. */
    static final String CONFIG_FILE_PROPERTY = "sonar.ecobugs.configFile";

    static PropertyDefinition configFileProperty() {
        return PropertyDefinition.builder(CONFIG_FILE_PROPERTY)
                .name("Configuration file")
                .description("The ecobugs configuration file whose path exclusions apply, relative to the project's"
                        + " base directory (default: " + ProjectSettings.FILE_NAME + " there, when present). The"
                        + " quality profile decides the rules, their parameters and severities.")
                .category("ecobugs")
                .onConfigScopes(PropertyDefinition.ConfigScope.PROJECT)
                .build();
    }

    EcobugsSensor(Function<AnalysisRequest, AnalysisResult> analysis) {
        this.analysis = analysis;
    }

    @Override
    public void describe(SensorDescriptor descriptor) {
        descriptor
                .name("ecobugs energy bugs")
                .onlyOnLanguage(EcobugsRulesDefinition.LANGUAGE)
                .createIssuesForRuleRepository(EcobugsRulesDefinition.REPOSITORY_KEY);
    }

    @Override
    public void execute(SensorContext context) {
        FileSystem fs = context.fileSystem();
        FilePredicates p = fs.predicates();
        List<InputFile> mainJava = new ArrayList<>();
        fs.inputFiles(p.and(p.hasLanguage(EcobugsRulesDefinition.LANGUAGE), p.hasType(InputFile.Type.MAIN)))
                .forEach(mainJava::add);
        PathExclusions excluded = exclusions(context);
        PathExclusions.Matcher leftOut = excluded.matcher();
        // The engine is given the excluded files too: it leaves them out, and the classes compiled from them with them.
        List<InputFile> analysed = mainJava.stream()
                .filter(file -> !leftOut.excludes(Path.of(file.uri())))
                .toList();
        if (analysed.isEmpty()) {
            LOG.info(
                    "ecobugs: no main Java file in this module{}, nothing to analyse",
                    mainJava.isEmpty() ? "" : " outside the configuration file's exclusions");
            return;
        }
        RuleCatalog catalog = RuleCatalog.builtIn();
        Optional<Path> cache = ScannerCache.restore(context);
        AnalysisRequest request = request(context, mainJava, catalog, cache.orElse(null), excluded);
        AnalysisResult result;
        try {
            result = analysis.apply(request);
        } catch (IllegalArgumentException e) {
            // Only a rule parameter the server let through with a value the engine refuses can get here.
            LOG.error("ecobugs did not analyse this module: {}", e.getMessage());
            return;
        } finally {
            cache.ifPresent(directory -> ScannerCache.store(context, directory));
        }
        for (ProcessingError error : result.errors()) {
            logProcessingError(error);
        }
        Optional<RuntimeReport> runtime = JourneyMeasurement.read(
                new ModuleInputs(context.config(), fs.baseDir().toPath()), result, catalog);

        Map<InputFile, FileTally> tallies = new LinkedHashMap<>();
        Map<Path, Optional<InputFile>> located = new HashMap<>();
        Set<String> notIndexed = new TreeSet<>();
        List<Finding> saved = new ArrayList<>();
        for (Finding finding : result.findings()) {
            Optional<InputFile> file = located.computeIfAbsent(finding.file(), path -> locate(fs, path));
            if (file.isEmpty()) {
                notIndexed.add(finding.file().toString());
                continue;
            }
            saveIssue(
                    context, file.get(), finding, runtime, path -> located.computeIfAbsent(path, at -> locate(fs, at)));
            tallies.computeIfAbsent(file.get(), f -> new FileTally()).add(catalog.get(finding.ruleKey()));
            saved.add(finding);
        }
        for (String path : notIndexed) {
            LOG.warn(
                    "ecobugs found energy bugs in {}, which is not among the indexed files of this module (add it"
                            + " to sonar.sources to see them, or check sonar.exclusions)",
                    path);
        }

        long lines = 0;
        for (InputFile file : analysed) {
            int counted = nonBlankLines(file);
            tallies.computeIfAbsent(file, f -> new FileTally()).lines = counted;
            lines += counted;
        }
        tallies.forEach((file, tally) -> saveMeasures(context, file, tally));
        runtime.ifPresent(report -> {
            JourneyMeasurement.saveMeasures(context, report);
            LOG.info("ecobugs: {}", BenchmarkText.summaryLine(report.benchmark()));
        });

        String score = lines > 0
                ? String.valueOf(StaticEcoscore.compute(saved, catalog, lines).score())
                : "not computed (no line)";
        LOG.info(
                "ecobugs: {} energy bugs saved as issues; {} source and {} class files analysed in {} ms; {}"
                        + " processing errors; static écoscore of this module {} over {} non-blank lines",
                saved.size(),
                result.sourceFiles(),
                result.classFiles(),
                result.timings().total().toMillis(),
                result.errors().size(),
                score,
                lines);
    }

    /**
     * The module's Spring Boot configuration files: the indexed ones, and those of {@code src/main/resources}, which
     * scanners often leave out of {@code sonar.sources}; findings there are then reported as not indexed.
     */
    private static List<Path> configurationFiles(FileSystem fs) {
        FilePredicates p = fs.predicates();
        List<Path> files = new ArrayList<>();
        fs.inputFiles(p.and(p.hasType(InputFile.Type.MAIN), p.matchesPathPattern("**/application*")))
                .forEach(file -> {
                    if (ConfigFile.isConfigFileName(file.filename())) {
                        files.add(Path.of(file.uri()));
                    }
                });
        Path resources = fs.baseDir().toPath().resolve("src/main/resources");
        if (Files.isDirectory(resources)) {
            files.add(resources);
        }
        return files;
    }

    /**
     * The paths the project's configuration file ({@code ecobugs.yml} at the project's root, or {@link
     * #CONFIG_FILE_PROPERTY}) leaves out. The quality profile decides the rules, their parameters and severities; the
     * file's exclusions apply here as in every other host, so that generated code left out of the build's check is
     * not reported on the server either. A file that cannot be used is logged as an error and the module analysed
     * without it: its findings then show, rather than a module that looks clean.
     */
    private static PathExclusions exclusions(SensorContext context) {
        Path baseDir = context.fileSystem().baseDir().toPath();
        Optional<String> property = context.config().get(CONFIG_FILE_PROPERTY);
        Optional<Path> file = property.map(value -> baseDir.resolve(value).normalize());
        if (file.isPresent() && !Files.isRegularFile(file.get())) {
            LOG.error(
                    "ecobugs: {} names {}, which does not exist; no path is excluded",
                    CONFIG_FILE_PROPERTY,
                    file.get());
            return PathExclusions.NONE;
        }
        file = file.or(() -> ProjectSettings.find(baseDir, baseDir));
        if (file.isEmpty()) {
            return PathExclusions.NONE;
        }
        try {
            PathExclusions exclusions =
                    ProjectSettings.read(file.get(), RuleCatalog.builtIn()).exclusions();
            LOG.info(
                    "ecobugs: configuration file {}, {} path exclusions",
                    file.get(),
                    exclusions.globs().size());
            return exclusions;
        } catch (SettingsException e) {
            LOG.error("ecobugs: configuration file {}; analysed without it", e.getMessage());
            return PathExclusions.NONE;
        }
    }

    /** @param cacheDirectory where the engine keeps its result cache, or null for none */
    private static AnalysisRequest request(
            SensorContext context,
            List<InputFile> mainJava,
            RuleCatalog catalog,
            Path cacheDirectory,
            PathExclusions excluded) {
        FileSystem fs = context.fileSystem();
        ModuleInputs inputs = new ModuleInputs(context.config(), fs.baseDir().toPath());
        List<Path> binaries = inputs.binaries();
        AnalysisRequest.Builder request = AnalysisRequest.builder()
                .addSourceRoots(
                        mainJava.stream().map(file -> Path.of(file.uri())).toList())
                .addClassInputs(binaries)
                .addClasspath(inputs.libraries())
                .addResourceRoots(configurationFiles(fs))
                .sourceEncoding(fs.encoding())
                .cacheDirectory(cacheDirectory)
                .cacheName(cacheDirectory == null ? null : ScannerCache.NAME)
                .excludePaths(excluded);
        for (String entry : inputs.missing()) {
            LOG.warn(
                    "ecobugs: nothing found at {} (from {} or {})",
                    entry,
                    ModuleInputs.BINARIES,
                    ModuleInputs.LIBRARIES);
        }
        if (binaries.isEmpty()) {
            LOG.info(
                    "ecobugs: no compiled classes found through {}, only the source rules run; compile before"
                            + " the analysis to run the bytecode rules too",
                    ModuleInputs.BINARIES);
        }
        OptionalInt level = inputs.javaVersion();
        if (level.isPresent()) {
            request.javaVersion(Math.max(
                    AnalysisRequest.MIN_JAVA_VERSION,
                    Math.min(AnalysisRequest.DEFAULT_JAVA_VERSION, level.getAsInt())));
        }

        Set<String> keys = new TreeSet<>();
        for (ActiveRule active : context.activeRules().findByRepository(EcobugsRulesDefinition.REPOSITORY_KEY)) {
            String key = active.ruleKey().rule();
            Optional<RuleMetadata> metadata = catalog.find(key);
            if (metadata.isEmpty()) {
                LOG.warn("ecobugs: the quality profile activates {}, which this version of ecobugs does not know", key);
                continue;
            }
            keys.add(key);
            for (RuleMetadata.Param param : metadata.get().params()) {
                String value = active.param(param.key());
                if (value != null && !value.isBlank()) {
                    request.ruleParameter(key, param.key(), value);
                }
            }
        }
        return request.includeRules(keys).build();
    }

    private static void logProcessingError(ProcessingError error) {
        if (error.ruleKey() == null) {
            LOG.warn("ecobugs could not process {}: {}", error.input(), error.message());
        } else {
            LOG.warn("ecobugs rule {} failed on {}: {}", error.ruleKey(), error.input(), error.message());
        }
    }

    /**
     * The indexed file a finding is in. Findings of analysed sources carry their absolute path; a bytecode finding
     * whose source was not analysed carries its package path, which no indexed file of this module matches.
     */
    private static Optional<InputFile> locate(FileSystem fs, Path path) {
        if (!path.isAbsolute()) {
            return Optional.empty();
        }
        return Optional.ofNullable(fs.inputFile(fs.predicates().hasAbsolutePath(path.toString())));
    }

    /** Saves a finding as an issue; with a measured journey, its message also says what the finding costs there. */
    private static void saveIssue(
            SensorContext context,
            InputFile file,
            Finding finding,
            Optional<RuntimeReport> runtime,
            java.util.function.Function<Path, Optional<InputFile>> located) {
        NewIssue issue =
                context.newIssue().forRule(RuleKey.of(EcobugsRulesDefinition.REPOSITORY_KEY, finding.ruleKey()));
        String message = finding.message()
                + runtime.flatMap(r -> r.noteFor(finding))
                        .map(note -> " " + note)
                        .orElse("");
        issue.at(issue.newLocation()
                .on(file)
                .at(range(file, finding.line(), finding.column(), finding.endLine(), finding.endColumn()))
                .message(message));
        for (SecondaryLocation secondary : finding.secondaryLocations()) {
            // A place in a file the scanner does not index cannot be shown; the message still names it.
            located.apply(secondary.file())
                    .ifPresent(in -> issue.addLocation(issue.newLocation()
                            .on(in)
                            .at(range(
                                    in,
                                    secondary.line(),
                                    secondary.column(),
                                    secondary.endLine(),
                                    secondary.endColumn()))
                            .message(secondary.message())));
        }
        issue.save();
    }

    /**
     * The finding's range in SonarQube's terms: engine columns are 1-based and the end column inclusive, SonarQube
     * offsets are 0-based and the end exclusive. Without a column (bytecode) the whole line is selected; without an end,
     * the line from the column on. A range the file cannot hold (a file changed since it was compiled) falls back to
     * the line.
     */
    static TextRange range(InputFile file, int line, int column, int endLine, int endColumn) {
        if (column > 0) {
            try {
                if (endLine > 0 && endColumn > 0) {
                    return file.newRange(line, column - 1, endLine, endColumn);
                }
                return file.newRange(
                        file.newPointer(line, column - 1), file.selectLine(line).end());
            } catch (IllegalArgumentException e) {
                LOG.debug("ecobugs: {} has no range {}:{}, reporting the line", file, line, column);
            }
        }
        return file.selectLine(line);
    }

    /** Non-blank lines, comments included: the denominator of the static écoscore. */
    static int nonBlankLines(InputFile file) {
        String contents;
        try {
            contents = file.contents();
        } catch (IOException e) {
            LOG.warn("ecobugs could not read {} to count its lines: {}", file, e.getMessage());
            return file.lines();
        }
        int count = 0;
        boolean blank = true;
        for (int i = 0; i < contents.length(); i++) {
            char c = contents.charAt(i);
            if (c == '\n' || c == '\r') {
                if (!blank) {
                    count++;
                }
                blank = true;
            } else if (blank && !Character.isWhitespace(c)) {
                blank = false;
            }
        }
        return blank ? count : count + 1;
    }

    private static void saveMeasures(SensorContext context, InputFile file, FileTally tally) {
        if (tally.bugs > 0) {
            save(context, file, EcobugsMetrics.ENERGY_BUGS, tally.bugs);
            tally.byFamily.forEach(
                    (family, count) -> save(context, file, EcobugsMetrics.ENERGY_BUGS_BY_FAMILY.get(family), count));
            save(context, file, EcobugsMetrics.ECOSCORE_POINTS, tally.points);
        }
        if (tally.lines > 0) {
            save(context, file, EcobugsMetrics.ECOSCORE_LINES, tally.lines);
        }
    }

    private static <T extends java.io.Serializable> void save(
            SensorContext context, InputFile file, Metric<T> metric, T value) {
        context.<T>newMeasure().on(file).forMetric(metric).withValue(value).save();
    }

    /** What one file contributes to the measures. */
    private static final class FileTally {
        int bugs;
        double points;
        int lines;
        final Map<Family, Integer> byFamily = new EnumMap<>(Family.class);

        void add(RuleMetadata rule) {
            bugs++;
            points += StaticEcoscore.weight(rule);
            byFamily.merge(rule.family(), 1, Integer::sum);
        }
    }
}
