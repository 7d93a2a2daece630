package org.ecobugs.measurements;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ecobugs.rules.Analysis;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.ProductInfo;
import org.ecobugs.rules.meta.RuleCatalog;
import org.ecobugs.rules.meta.RuleMetadata;

/**
 * Runs every rule over the two corpora and joins the findings with the reviewed ones in {@code docs/precision/labels},
 * writing {@code docs/precision.md}: per rule and corpus, how many findings, how many reviewed, and the precision of the
 * reviewed ones.
 *
 * <p>The library corpus ({@code bench/corpus.tsv}) is analysed with its sources, classes and Android archives. The
 * application corpus ({@code bench/apps.tsv}, laid out by {@code bench/layout-apps.sh}) is analysed the way a new user
 * runs ecobugs on an application: sources and Spring Boot configuration only. On the applications, every finding of a
 * rule is to be reviewed when at most {@value #SAMPLE_SIZE} fire; otherwise a seeded random sample of that many: the
 * findings ranked by a hash of their identity, so that a finding keeps its rank when others come and go. Sampled findings
 * without a label are listed in the report and in a TSV to fill in, so a rule change that adds findings is noticed.
 *
 * <p>The dependency rules, which need a build's graph, are measured on the applications' Maven builds instead: see
 * {@link DependencyClaims}.
 *
 * <p>{@code measurements precision <corpus-dir> <apps-dir> <labels-dir> <output.md> <unlabelled.tsv>
 * <dependency-claims.tsv> <dependency-labels.tsv>}
 */
final class PrecisionReport {

    static final int SAMPLE_SIZE = 20;

    /** Changing it draws another sample: keep it unless the whole application corpus is reviewed again. */
    private static final String SAMPLE_SEED = "ecobugs-apps";

    /** A finding's identity: rule, corpus entry, file relative to the entry's sources, line. */
    record Key(String rule, String entry, String file, int line) {}

    record Label(String verdict, String note) {}

    /** A sampled finding without a label, with its message, to be reviewed. */
    record Unlabelled(Key key, String message) {
        /** {@code rule<TAB>entry<TAB>file<TAB>line<TAB>message}, the columns of {@code target/precision-unlabelled.tsv}. */
        String tsvLine() {
            return String.join("\t", key.rule(), key.entry(), key.file(), Integer.toString(key.line()), message) + "\n";
        }
    }

    /** The findings of one rule on one corpus, by identity, with the first message seen there. */
    record Found(Map<Key, Integer> counts, Map<Key, String> messages) {
        Found() {
            this(new TreeMap<>(KEY_ORDER), new TreeMap<>(KEY_ORDER));
        }
    }

    private static final Comparator<Key> KEY_ORDER =
            Comparator.comparing(Key::entry).thenComparing(Key::file).thenComparingInt(Key::line);

    /** What the report says of one rule on one corpus. */
    record Tally(int findings, int reviewed, int truePositives, int stale) {
        static final Tally NONE = new Tally(0, 0, 0, 0);

        Tally plus(Tally other) {
            return new Tally(
                    findings + other.findings,
                    reviewed + other.reviewed,
                    truePositives + other.truePositives,
                    stale + other.stale);
        }

        int falsePositives() {
            return reviewed - truePositives;
        }

        String precision() {
            return reviewed == 0 ? "–" : Math.round(100.0 * truePositives / reviewed) + " %";
        }
    }

    private PrecisionReport() {}

    static void run(String[] args) throws IOException {
        if (args.length != 7) {
            throw new IllegalArgumentException("usage: precision <corpus-dir> <apps-dir> <labels-dir> <output.md>"
                    + " <unlabelled.tsv> <dependency-claims.tsv> <dependency-labels.tsv>");
        }
        List<DependencyClaims.Claim> dependencyClaims = DependencyClaims.readClaims(Path.of(args[5]));
        Map<DependencyClaims.Key, DependencyClaims.Label> dependencyLabels =
                DependencyClaims.readLabels(Path.of(args[6]));
        Path corpus = Path.of(args[0]);
        Path apps = Path.of(args[1]);
        Map<String, Map<Key, Label>> labels = readLabels(Path.of(args[2]));
        RuleCatalog catalog = RuleCatalog.builtIn();
        Set<String> allRules =
                Set.copyOf(catalog.all().stream().map(RuleMetadata::key).toList());

        List<String> libraries =
                entries(corpus, d -> Files.isDirectory(d.resolve("src")) && Files.isDirectory(d.resolve("classes")));
        List<String> applications = entries(apps, d -> Files.isRegularFile(d.resolve(".app")));
        if (applications.isEmpty()) {
            throw new IllegalArgumentException(
                    "no application in " + apps + ": lay them out with bench/layout-apps.sh");
        }
        Map<String, Found> libraryFindings = new TreeMap<>();
        for (String entry : libraries) {
            Path src = corpus.resolve(entry).resolve("src").toAbsolutePath().normalize();
            collect(
                    entry,
                    src,
                    Analysis.run(AnalysisRequest.builder()
                            .addSourceRoot(src)
                            .addClassInput(corpus.resolve(entry).resolve("classes"))
                            .addClasspath(androidArchives(corpus.resolve(entry).resolve("jars")))
                            .addResourceRoot(src)
                            .includeRules(allRules)
                            .build()),
                    libraryFindings);
        }
        Map<String, Found> appFindings = new TreeMap<>();
        for (String entry : applications) {
            Path root = apps.resolve(entry).toAbsolutePath().normalize();
            collect(
                    entry,
                    root,
                    Analysis.run(AnalysisRequest.builder()
                            .addSourceRoot(root)
                            .addResourceRoot(root)
                            .includeRules(allRules)
                            .build()),
                    appFindings);
        }

        List<Unlabelled> unlabelled = new ArrayList<>();
        StringBuilder md = new StringBuilder();
        header(md, libraries, applications);
        table(
                md,
                catalog,
                appFindings,
                libraryFindings,
                labels,
                Set.copyOf(applications),
                Set.copyOf(libraries),
                unlabelled);
        DependencyClaims.section(md, catalog, dependencyClaims, dependencyLabels);
        perEntry(md, catalog, "applications", appFindings);
        perEntry(md, catalog, "libraries", libraryFindings);
        awaitingReview(md, unlabelled);
        falsePositives(md, catalog, "applications", appFindings, labels);
        falsePositives(md, catalog, "libraries", libraryFindings, labels);
        Files.writeString(Path.of(args[3]), md.toString(), StandardCharsets.UTF_8);
        StringBuilder tsv = new StringBuilder();
        unlabelled.forEach(finding -> tsv.append(finding.tsvLine()));
        Files.writeString(Path.of(args[4]), tsv, StandardCharsets.UTF_8);
        System.out.println(unlabelled.size() + " sampled application findings without a label"
                + (unlabelled.isEmpty() ? "" : ", listed in " + args[4] + " (rule, entry, file, line, message)"));
    }

    private static void collect(String entry, Path root, AnalysisResult result, Map<String, Found> byRule) {
        for (Finding finding : result.findings()) {
            String file = finding.file().isAbsolute()
                    ? root.relativize(finding.file()).toString().replace('\\', '/')
                    : finding.file().toString().replace('\\', '/');
            Key key = new Key(finding.ruleKey(), entry, file, finding.line());
            Found found = byRule.computeIfAbsent(finding.ruleKey(), k -> new Found());
            found.counts().merge(key, 1, Integer::sum);
            found.messages().putIfAbsent(key, finding.message());
        }
        System.out.println(entry + ": " + result.sourceFiles() + " source files, "
                + result.findings().size() + " findings, " + result.errors().size() + " processing errors");
    }

    /**
     * The application findings of a rule that are to be reviewed: all of them up to the sample size, otherwise the
     * first ones by a seeded hash of their identity.
     */
    static List<Key> sample(java.util.Collection<Key> findings) {
        return findings.stream()
                .sorted(Comparator.comparing(PrecisionReport::rank))
                .limit(SAMPLE_SIZE)
                .toList();
    }

    private static String rank(Key key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest(
                    String.join("\t", SAMPLE_SEED, key.rule(), key.entry(), key.file(), Integer.toString(key.line()))
                            .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Counts a rule's findings and joins them with its labels; a label judges every finding of its rule there. */
    static Tally tally(Found found, Map<Key, Label> labels, Set<String> entries) {
        int reviewed = 0;
        int truePositives = 0;
        int stale = 0;
        for (Map.Entry<Key, Label> label : labels.entrySet()) {
            if (!entries.contains(label.getKey().entry())) {
                continue;
            }
            Integer findingsThere = found.counts().get(label.getKey());
            if (findingsThere == null) {
                stale++;
                continue;
            }
            reviewed += findingsThere;
            if (label.getValue().verdict().equals("TP")) {
                truePositives += findingsThere;
            }
        }
        int total = found.counts().values().stream().mapToInt(Integer::intValue).sum();
        return new Tally(total, reviewed, truePositives, stale);
    }

    private static void header(StringBuilder md, List<String> libraries, List<String> applications) {
        md.append("<!-- Generated by bench/precision.sh from docs/precision/labels: do not edit. -->\n\n")
                .append("# Precision on real code\n\n")
                .append("Every rule (default-off ones included) run by ecobugs ")
                .append(ProductInfo.version())
                .append(" over two corpora:\n\n")
                .append("- **Applications** (`bench/apps.tsv`, laid out by `bench/layout-apps.sh` at pinned commits: ")
                .append(String.join(", ", applications))
                .append("), analysed the way a new user would run ecobugs on an application: sources and Spring Boot"
                        + " configuration only, no classes, no classpath. This is where the code the rules aim at lives:"
                        + " schedulers, DAOs and repositories, HTTP and FHIR clients, configuration. Where more than "
                        + SAMPLE_SIZE + " findings of a rule fire, a seeded random sample of " + SAMPLE_SIZE
                        + " is reviewed (ranked by a hash of rule, entry, file and line, so that a finding keeps"
                        + " its place when others come and go); otherwise all of them.\n")
                .append("- **Libraries** (`bench/corpus.tsv`: ")
                .append(String.join(", ", libraries))
                .append("), with their sources and classes, the Android ones with their `.aar` on the classpath;"
                        + " every finding is reviewed. Application code is rare there, so several rules find little"
                        + " or nothing.\n\n")
                .append("Reviewed findings were read in the code and judged as the application's maintainer would: a"
                        + " true positive (TP) is a real energy cost that the rule is right to report and whose fix the"
                        + " maintainer would accept; anything else is a false positive (FP). The verdicts, with a"
                        + " reason each, are in `docs/precision/labels` (entry, file, line, verdict, reason)."
                        + " Precision = TP / reviewed. A stale label names a finding that no longer fires.\n\n");
    }

    private static void table(
            StringBuilder md,
            RuleCatalog catalog,
            Map<String, Found> appFindings,
            Map<String, Found> libraryFindings,
            Map<String, Map<Key, Label>> labels,
            Set<String> apps,
            Set<String> libraries,
            List<Unlabelled> unlabelled) {
        md.append("| Rule | Default | Applications: findings | reviewed | TP | FP | precision |"
                        + " Libraries: findings | reviewed | TP | FP | precision | Stale labels |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        Tally defaultOn = Tally.NONE;
        Tally all = Tally.NONE;
        double weightedTruePositives = 0;
        int weightedFindings = 0;
        for (RuleMetadata rule : catalog.all()) {
            String key = rule.key();
            Map<Key, Label> ruleLabels = labels.getOrDefault(key, Map.of());
            Found onApps = appFindings.getOrDefault(key, new Found());
            Tally app = tally(onApps, ruleLabels, apps);
            Tally library = tally(libraryFindings.getOrDefault(key, new Found()), ruleLabels, libraries);
            for (Key sampled : sample(onApps.counts().keySet())) {
                if (!ruleLabels.containsKey(sampled)) {
                    unlabelled.add(new Unlabelled(sampled, onApps.messages().get(sampled)));
                }
            }
            boolean on = rule.energy().defaultActive();
            all = all.plus(app);
            if (on) {
                defaultOn = defaultOn.plus(app);
            }
            if (on && app.reviewed() > 0) {
                weightedTruePositives += app.findings() * (double) app.truePositives() / app.reviewed();
                weightedFindings += app.findings();
            }
            md.append("| ")
                    .append(key)
                    .append(' ')
                    .append(rule.name())
                    .append(" | ")
                    .append(on ? "on" : "off")
                    .append(" | ")
                    .append(app.findings())
                    .append(" | ")
                    .append(app.reviewed())
                    .append(" | ")
                    .append(app.truePositives())
                    .append(" | ")
                    .append(app.falsePositives())
                    .append(" | ")
                    .append(app.precision())
                    .append(" | ")
                    .append(library.findings())
                    .append(" | ")
                    .append(library.reviewed())
                    .append(" | ")
                    .append(library.truePositives())
                    .append(" | ")
                    .append(library.falsePositives())
                    .append(" | ")
                    .append(library.precision())
                    .append(" | ")
                    .append(app.stale() + library.stale())
                    .append(" |\n");
        }
        md.append("\nOn the applications, the default-on rules gave ")
                .append(defaultOn.findings())
                .append(" findings; ")
                .append(defaultOn.reviewed())
                .append(" reviewed, ")
                .append(defaultOn.truePositives())
                .append(" TP: precision ")
                .append(defaultOn.precision())
                .append(" (")
                .append(
                        weightedFindings == 0
                                ? "–"
                                : Math.round(100.0 * weightedTruePositives / weightedFindings) + " %")
                .append(" when each rule's sample is weighted by its number of findings). All rules: ")
                .append(all.findings())
                .append(" findings, ")
                .append(all.reviewed())
                .append(" reviewed, ")
                .append(all.truePositives())
                .append(" TP (")
                .append(all.precision())
                .append(").\n");
    }

    private static void perEntry(StringBuilder md, RuleCatalog catalog, String corpus, Map<String, Found> findings) {
        md.append("\n## Findings per ")
                .append(corpus.equals("applications") ? "application" : "library")
                .append("\n\n");
        boolean any = false;
        for (RuleMetadata rule : catalog.all()) {
            Found found = findings.get(rule.key());
            if (found == null) {
                continue;
            }
            Map<String, Integer> perEntry = new TreeMap<>();
            found.counts().forEach((k, n) -> perEntry.merge(k.entry(), n, Integer::sum));
            StringBuilder where = new StringBuilder();
            perEntry.forEach((entry, n) -> where.append(where.length() == 0 ? "" : ", ")
                    .append(entry)
                    .append(' ')
                    .append(n));
            md.append("- ").append(rule.key()).append(": ").append(where).append('\n');
            any = true;
        }
        if (!any) {
            md.append("None.\n");
        }
    }

    private static void awaitingReview(StringBuilder md, List<Unlabelled> unlabelled) {
        md.append("\n## Sampled application findings awaiting review\n\n");
        if (unlabelled.isEmpty()) {
            md.append("None: every sampled finding has a label.\n");
            return;
        }
        for (Unlabelled finding : unlabelled) {
            Key key = finding.key();
            md.append("- ")
                    .append(key.rule())
                    .append(' ')
                    .append(key.entry())
                    .append(" `")
                    .append(key.file())
                    .append(':')
                    .append(key.line())
                    .append("`\n");
        }
    }

    private static void falsePositives(
            StringBuilder md,
            RuleCatalog catalog,
            String corpus,
            Map<String, Found> findings,
            Map<String, Map<Key, Label>> labels) {
        StringBuilder section = new StringBuilder();
        for (RuleMetadata rule : catalog.all()) {
            Found found = findings.get(rule.key());
            if (found == null) {
                continue;
            }
            List<String> notes = new ArrayList<>();
            labels.getOrDefault(rule.key(), Map.of()).forEach((k, label) -> {
                if (label.verdict().equals("FP") && found.counts().containsKey(k)) {
                    notes.add(k.entry() + " `" + k.file() + ":" + k.line() + "`: " + label.note());
                }
            });
            if (!notes.isEmpty()) {
                section.append("- **").append(rule.key()).append("**\n");
                notes.forEach(n -> section.append("  - ").append(n).append('\n'));
            }
        }
        if (section.length() > 0) {
            md.append("\n## Reviewed false positives on the ")
                    .append(corpus)
                    .append("\n\n")
                    .append(section);
        }
    }

    /** The Android archives of an entry, which an Android build puts on the classpath. */
    private static List<Path> androidArchives(Path jars) throws IOException {
        if (!Files.isDirectory(jars)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(jars)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".aar"))
                    .sorted()
                    .toList();
        }
    }

    private static List<String> entries(Path dir, java.util.function.Predicate<Path> isEntry) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(dir)) {
            return dirs.filter(isEntry)
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
        }
    }

    /** The labels by rule, in the order of their files: {@code entry<TAB>file<TAB>line<TAB>TP|FP<TAB>reason}. */
    static Map<String, Map<Key, Label>> readLabels(Path dir) throws IOException {
        Map<String, Map<Key, Label>> labels = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
                String rule = file.getFileName().toString().replace(".tsv", "");
                Map<Key, Label> ruleLabels = labels.computeIfAbsent(rule, r -> new LinkedHashMap<>());
                int number = 0;
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    number++;
                    if (line.isBlank()) {
                        continue;
                    }
                    String[] columns = line.split("\t", 5);
                    if (columns.length < 5
                            || !(columns[3].equals("TP") || columns[3].equals("FP"))
                            || columns[4].isBlank()) {
                        throw new IllegalArgumentException(
                                file + ":" + number + ": expected 'entry<TAB>file<TAB>line<TAB>TP|FP<TAB>reason'");
                    }
                    Key key = new Key(rule, columns[0], columns[1], Integer.parseInt(columns[2].strip()));
                    if (ruleLabels.put(key, new Label(columns[3], columns[4])) != null) {
                        throw new IllegalArgumentException(file + ":" + number + ": a second label for " + columns[0]
                                + " " + columns[1] + ":" + columns[2]);
                    }
                }
            }
        }
        return labels;
    }
}
