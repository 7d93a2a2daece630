package org.ecobugs.rules;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.deps.DependencyGraph;
import org.ecobugs.rules.project.FileSummary;

/**
 * Everything one analysis needs, as an immutable value. Hosts build it; {@link Analysis#run} consumes it.
 *
 * @param sourceRoots {@code .java} files or directories searched for them
 * @param classInputs {@code .class} files, {@code .jar} files, or directories searched for both
 * @param classpath libraries the analysed code compiles against; used to resolve names, never analysed
 * @param javaVersion the Java language level the sources are parsed at
 * @param includedRules rule keys to run; empty means every rule that is active by default
 * @param excludedRules rule keys never to run, applied after {@code includedRules}
 * @param ruleParameters per rule key, parameter values that override the defaults of its metadata
 * @param threads how many files are analysed at once
 * @param sourceEncoding the encoding of the source files
 * @param dependencies the project's dependency facts from its build, which the dependency rules (EB4xx) need; {@code
 *     null} when the host has none, and then those rules find nothing
 * @param resourceRoots configuration files or directories searched for Spring Boot's {@code application*.properties},
 *     {@code application*.yml} and {@code application*.yaml}, except under build output and test folders ({@code
 *     target}, {@code build}, {@code test}, {@code node_modules})
 * @param cacheDirectory where the results of each file are kept between analyses, so that an unchanged file is not
 *     analysed again; {@code null} (the default) analyses every file and keeps nothing
 * @param cacheName what names this analysis's results in the cache directory, which several analyses may share;
 *     {@code null} (the default) names them after the source roots and class inputs, so that adding or removing one
 *     starts a new cache: a host that lists every file as a root, and keeps a directory for one analysis, names it
 * @param reportUnusedSuppressions whether to list the suppressions in the source that match no finding
 * @param maxSourceFileBytes the largest source file analysed, in bytes; a larger one is reported as a processing error
 *     and not read. Parsing takes about 100 bytes of heap per byte of source, so this bounds what one file may cost
 *     (default {@value #DEFAULT_MAX_SOURCE_FILE_BYTES}, 5 MiB: generated FHIR model parsers, among the largest sources
 *     there are, take up to 3 MB)
 * @param excludedPaths files whose findings and processing errors are not reported, and which are not analysed unless
 *     the dependency rules need to see what they use (a configuration file's {@code exclude})
 * @param sourceTexts sources given by their text rather than read from disk, by the path their findings are placed on
 *     (an editor's buffers, saved or not; a buffer never saved has a name for a path); analysed besides the sources
 *     under the roots
 * @param knownSummaries the method summaries (ADR 0011) of the project's other files, by path, from earlier analyses
 *     (a host that keeps the project's model between analyses, as the language server does): the project model takes
 *     them for the files that are not among this request's sources, whose own summaries are made afresh
 * @param summaries which files' method summaries the analysis makes, and whether it returns them
 */
public record AnalysisRequest(
        List<Path> sourceRoots,
        List<Path> classInputs,
        List<Path> classpath,
        int javaVersion,
        Set<String> includedRules,
        Set<String> excludedRules,
        Map<String, Map<String, String>> ruleParameters,
        int threads,
        Charset sourceEncoding,
        DependencyGraph dependencies,
        List<Path> resourceRoots,
        Path cacheDirectory,
        String cacheName,
        long maxSourceFileBytes,
        boolean reportUnusedSuppressions,
        PathExclusions excludedPaths,
        Map<Path, String> sourceTexts,
        Map<Path, FileSummary> knownSummaries,
        Summaries summaries) {

    /** The newest language level the parser knows; older code parses at it too. */
    public static final int DEFAULT_JAVA_VERSION = 25;

    public static final int MIN_JAVA_VERSION = 8;

    /** The default largest source file analysed: 5 MiB. */
    public static final long DEFAULT_MAX_SOURCE_FILE_BYTES = 5L * 1024 * 1024;

    /** Which files' method summaries an analysis makes (ADR 0011), and whether it returns them. */
    public enum Summaries {
        /** Those the rules that follow calls into other classes need; none returned. The default. */
        AS_RULES_NEED,
        /**
         * Every source file's that parses, returned in {@link AnalysisResult#summaries()}: a host that keeps the
         * project's model gets each analysed file's part of it. The rules run as usual.
         */
        EVERY_FILE,
        /**
         * Every source file's that parses, returned, and nothing else: no rule runs (the rule selection is not read),
         * no class file or configuration file is read, and only the files that could not be read or parsed are
         * reported. What a host runs to build the project's model before it analyses.
         */
        ONLY
    }

    /**
     * More threads than this do not analyse faster on this machine: they wait on each other and on the disk. Hosts cap
     * a larger request at it, and say so.
     */
    public static int maxUsefulThreads() {
        return 4 * Runtime.getRuntime().availableProcessors();
    }

    public AnalysisRequest {
        sourceRoots = List.copyOf(sourceRoots);
        classInputs = List.copyOf(classInputs);
        classpath = List.copyOf(classpath);
        includedRules = Set.copyOf(includedRules);
        excludedRules = Set.copyOf(excludedRules);
        Map<String, Map<String, String>> params = new LinkedHashMap<>();
        ruleParameters.forEach((key, values) -> params.put(key, Map.copyOf(values)));
        ruleParameters = Map.copyOf(params);
        if (javaVersion < MIN_JAVA_VERSION || javaVersion > DEFAULT_JAVA_VERSION) {
            throw new IllegalArgumentException("Java version must be between " + MIN_JAVA_VERSION + " and "
                    + DEFAULT_JAVA_VERSION + ", not " + javaVersion);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        java.util.Objects.requireNonNull(sourceEncoding, "sourceEncoding");
        resourceRoots = List.copyOf(resourceRoots);
        if (maxSourceFileBytes < 1) {
            throw new IllegalArgumentException(
                    "the largest source file must be at least 1 byte, not " + maxSourceFileBytes);
        }
        excludedPaths = excludedPaths == null ? PathExclusions.NONE : excludedPaths;
        sourceTexts = sourceTexts == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sourceTexts));
        knownSummaries = knownSummaries == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(knownSummaries));
        summaries = summaries == null ? Summaries.AS_RULES_NEED : summaries;
    }

    /** A request without dependency facts, configuration files or result cache. */
    public AnalysisRequest(
            List<Path> sourceRoots,
            List<Path> classInputs,
            List<Path> classpath,
            int javaVersion,
            Set<String> includedRules,
            Set<String> excludedRules,
            Map<String, Map<String, String>> ruleParameters,
            int threads,
            Charset sourceEncoding) {
        this(
                sourceRoots,
                classInputs,
                classpath,
                javaVersion,
                includedRules,
                excludedRules,
                ruleParameters,
                threads,
                sourceEncoding,
                null,
                List.of(),
                null,
                null,
                DEFAULT_MAX_SOURCE_FILE_BYTES,
                false,
                PathExclusions.NONE,
                Map.of(),
                Map.of(),
                Summaries.AS_RULES_NEED);
    }

    /** The dependency facts, when the host gave them. */
    public Optional<DependencyGraph> dependencyGraph() {
        return Optional.ofNullable(dependencies);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a request; every setting has a default. */
    public static final class Builder {
        private final List<Path> sourceRoots = new ArrayList<>();
        private final List<Path> classInputs = new ArrayList<>();
        private final List<Path> classpath = new ArrayList<>();
        private int javaVersion = DEFAULT_JAVA_VERSION;
        private final Set<String> includedRules = new LinkedHashSet<>();
        private final Set<String> excludedRules = new LinkedHashSet<>();
        private final Map<String, Map<String, String>> ruleParameters = new LinkedHashMap<>();
        private int threads = Runtime.getRuntime().availableProcessors();
        private Charset sourceEncoding = StandardCharsets.UTF_8;
        private DependencyGraph dependencies;
        private final List<Path> resourceRoots = new ArrayList<>();
        private Path cacheDirectory;
        private String cacheName;
        private long maxSourceFileBytes = DEFAULT_MAX_SOURCE_FILE_BYTES;
        private boolean reportUnusedSuppressions;
        private PathExclusions excludedPaths = PathExclusions.NONE;
        private final Map<Path, String> sourceTexts = new LinkedHashMap<>();
        private final Map<Path, FileSummary> knownSummaries = new LinkedHashMap<>();
        private Summaries summaries = Summaries.AS_RULES_NEED;

        private Builder() {}

        public Builder addSourceRoot(Path path) {
            sourceRoots.add(path);
            return this;
        }

        public Builder addSourceRoots(List<Path> paths) {
            sourceRoots.addAll(paths);
            return this;
        }

        public Builder addClassInput(Path path) {
            classInputs.add(path);
            return this;
        }

        public Builder addClassInputs(List<Path> paths) {
            classInputs.addAll(paths);
            return this;
        }

        public Builder addClasspath(List<Path> paths) {
            classpath.addAll(paths);
            return this;
        }

        public Builder javaVersion(int version) {
            this.javaVersion = version;
            return this;
        }

        public Builder includeRules(Set<String> keys) {
            includedRules.addAll(keys);
            return this;
        }

        public Builder excludeRules(Set<String> keys) {
            excludedRules.addAll(keys);
            return this;
        }

        public Builder ruleParameter(String ruleKey, String name, String value) {
            ruleParameters.computeIfAbsent(ruleKey, k -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        public Builder threads(int count) {
            this.threads = count;
            return this;
        }

        public Builder sourceEncoding(Charset encoding) {
            this.sourceEncoding = encoding;
            return this;
        }

        public Builder dependencies(DependencyGraph graph) {
            this.dependencies = graph;
            return this;
        }

        public Builder addResourceRoot(Path path) {
            resourceRoots.add(path);
            return this;
        }

        public Builder addResourceRoots(List<Path> paths) {
            resourceRoots.addAll(paths);
            return this;
        }

        /** Keeps each file's results under {@code directory} and reuses them while the file is unchanged. */
        public Builder cacheDirectory(Path directory) {
            this.cacheDirectory = directory;
            return this;
        }

        /** Names this analysis's results in the cache directory, instead of its roots. */
        public Builder cacheName(String name) {
            this.cacheName = name;
            return this;
        }

        /**
         * Analyses no source file larger than {@code bytes}: each is reported as a processing error instead (default
         * {@value AnalysisRequest#DEFAULT_MAX_SOURCE_FILE_BYTES}, 5 MiB).
         */
        public Builder maxSourceFileBytes(long bytes) {
            this.maxSourceFileBytes = bytes;
            return this;
        }

        /** Reports the suppressions in the source that match no finding of the rules that ran (default: off). */
        public Builder reportUnusedSuppressions(boolean report) {
            this.reportUnusedSuppressions = report;
            return this;
        }

        /** Leaves these files out of the analysis and the findings (default: none). */
        public Builder excludePaths(PathExclusions exclusions) {
            this.excludedPaths = java.util.Objects.requireNonNull(exclusions, "exclusions");
            return this;
        }

        /**
         * Analyses {@code text} as the source at {@code path}, instead of reading the file (which need not exist):
         * findings are placed on {@code path}.
         */
        public Builder addSourceText(Path path, String text) {
            sourceTexts.put(
                    java.util.Objects.requireNonNull(path, "path"), java.util.Objects.requireNonNull(text, "text"));
            return this;
        }

        /**
         * Builds the project model from these summaries of the project's other files, besides those of the request's
         * sources (see {@link AnalysisRequest#knownSummaries()}).
         */
        public Builder knownSummaries(Map<Path, FileSummary> known) {
            knownSummaries.putAll(known);
            return this;
        }

        /** Which files' method summaries to make and return (default {@link Summaries#AS_RULES_NEED}). */
        public Builder summaries(Summaries which) {
            this.summaries = java.util.Objects.requireNonNull(which, "which");
            return this;
        }

        public AnalysisRequest build() {
            return new AnalysisRequest(
                    sourceRoots,
                    classInputs,
                    classpath,
                    javaVersion,
                    includedRules,
                    excludedRules,
                    ruleParameters,
                    threads,
                    sourceEncoding,
                    dependencies,
                    resourceRoots,
                    cacheDirectory,
                    cacheName,
                    maxSourceFileBytes,
                    reportUnusedSuppressions,
                    excludedPaths,
                    sourceTexts,
                    knownSummaries,
                    summaries);
        }
    }
}
