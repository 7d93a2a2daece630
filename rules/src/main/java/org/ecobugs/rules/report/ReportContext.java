package org.ecobugs.rules.report;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.ProductInfo;
import org.ecobugs.rules.meta.RuleCatalog;
import org.ecobugs.rules.meta.RuleMetadata;
import org.ecobugs.rules.settings.ProjectSettings;

/**
 * Everything a report needs besides the output.
 *
 * @param result the analysis to report
 * @param catalog the rules the analysis ran with; every finding's rule must be in it
 * @param baseDir the directory paths are shown relative to, usually the project or working directory
 * @param toolVersion the ecobugs version named in the report
 * @param runtime the measured part a host adds from a runtime benchmark, or null
 * @param baseline the baseline the result was compared with (the result then reports only new findings), or null
 * @param settingsFile the project's settings file ({@code ecobugs.yml}) the analysis ran with, or null for none
 */
public record ReportContext(
        AnalysisResult result,
        RuleCatalog catalog,
        Path baseDir,
        String toolVersion,
        RuntimeSection runtime,
        Baseline.Comparison baseline,
        Path settingsFile) {

    /** Separates an archive from its entry in a processing error's input, as in {@code lib.jar!/a/B.class}. */
    private static final String ARCHIVE_ENTRY_SEPARATOR = "!/";

    public ReportContext {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(toolVersion, "toolVersion");
        baseDir = baseDir.toAbsolutePath().normalize();
        // Fail here rather than halfway through a report file when a host pairs a result with the wrong catalogue.
        for (Finding finding : result.findings()) {
            requireKnown(catalog, finding.ruleKey());
        }
        for (Finding finding : result.suppressed()) {
            requireKnown(catalog, finding.ruleKey());
        }
        result.rulesRun().forEach(key -> requireKnown(catalog, key));
    }

    /** A context without a measured part. */
    public ReportContext(AnalysisResult result, RuleCatalog catalog, Path baseDir, String toolVersion) {
        this(result, catalog, baseDir, toolVersion, null, null, null);
    }

    /** A context with a measured part and no baseline. */
    public ReportContext(
            AnalysisResult result, RuleCatalog catalog, Path baseDir, String toolVersion, RuntimeSection runtime) {
        this(result, catalog, baseDir, toolVersion, runtime, null, null);
    }

    /** The same context with the measured part of a runtime benchmark. */
    public ReportContext withRuntime(RuntimeSection section) {
        return new ReportContext(result, catalog, baseDir, toolVersion, section, baseline, settingsFile);
    }

    /** The same context compared with a baseline: only the findings it does not know are reported. */
    public ReportContext withBaseline(Baseline baseline) {
        Baseline.Comparison comparison = baseline.compare(this);
        return new ReportContext(comparison.result(), catalog, baseDir, toolVersion, runtime, comparison, settingsFile);
    }

    /**
     * The same context with a project's settings: findings are shown with the severities they choose, and the reports
     * name the file.
     */
    public ReportContext withSettings(ProjectSettings settings) {
        return new ReportContext(
                result, settings.catalog(catalog), baseDir, toolVersion, runtime, baseline, settings.file());
    }

    /** A context for the built-in rules and the version of this build. */
    public static ReportContext of(AnalysisResult result, Path baseDir) {
        return new ReportContext(result, RuleCatalog.builtIn(), baseDir, ProductInfo.version());
    }

    public RuleMetadata rule(String key) {
        return catalog.get(key);
    }

    public String docUrl(String key) {
        return ProductInfo.ruleDocUrl(key);
    }

    /**
     * The rules a report describes, sorted: those that ran, plus any that reported findings without being listed as run
     * (a result assembled by hand or merged from several runs).
     */
    public List<String> reportedRules() {
        TreeSet<String> keys = new TreeSet<>(result.rulesRun());
        result.findings().forEach(f -> keys.add(f.ruleKey()));
        result.suppressed().forEach(f -> keys.add(f.ruleKey()));
        return List.copyOf(keys);
    }

    /**
     * A finding's path as a reader at {@link #baseDir} expects it: relative with forward slashes when it lies under
     * the base directory, otherwise unchanged apart from the separators.
     */
    public String displayPath(Path file) {
        return relativeToBase(file).orElseGet(() -> withForwardSlashes(file));
    }

    /**
     * A processing error's input shown like {@link #displayPath}; for an archive entry the archive's path is shortened
     * and the entry kept.
     */
    public String displayInput(String input) {
        int separator = input.indexOf(ARCHIVE_ENTRY_SEPARATOR);
        String container = separator < 0 ? input : input.substring(0, separator);
        String entry = separator < 0 ? "" : input.substring(separator);
        return inputPath(container).map(path -> displayPath(path) + entry).orElse(input);
    }

    /** The path of a processing error's input when it names a file or directory rather than an archive entry. */
    Optional<Path> inputFile(String input) {
        return input.contains(ARCHIVE_ENTRY_SEPARATOR) ? Optional.empty() : inputPath(input);
    }

    /** The path relative to {@link #baseDir}, with forward slashes, when an absolute path lies under it. */
    Optional<String> relativeToBase(Path file) {
        if (!file.isAbsolute()) {
            return Optional.empty();
        }
        Path normalized = file.normalize();
        if (!normalized.startsWith(baseDir) || normalized.equals(baseDir)) {
            return Optional.empty();
        }
        return Optional.of(withForwardSlashes(baseDir.relativize(normalized)));
    }

    static String withForwardSlashes(Path path) {
        // Only the platform's separator is converted: on Unix a backslash is an ordinary character of a file name.
        return path.toString().replace(path.getFileSystem().getSeparator(), "/");
    }

    private static Optional<Path> inputPath(String input) {
        try {
            return Optional.of(Path.of(input));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static void requireKnown(RuleCatalog catalog, String key) {
        if (catalog.find(key).isEmpty()) {
            throw new IllegalArgumentException("The result names rule " + key
                    + ", which the catalogue does not hold; report with the catalogue " + "the analysis ran with");
        }
    }
}
