package org.ecobugs.measurements;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ecobugs.rules.meta.RuleCatalog;
import org.ecobugs.rules.meta.RuleMetadata;

/**
 * The dependency findings (EB401–EB405) of the Maven plugin on the applications' own builds, written by {@code
 * bench/dependency-claims.sh}, joined with their reviews in {@code docs/precision/dependency-labels.tsv}: every claim is
 * reviewed, and one that cannot be settled by reading the code and configuration (nor by following it and rebuilding)
 * is labelled {@code ?} and left out of the precision.
 */
final class DependencyClaims {

    /** A claim's identity: the rule, the application and module, and the dependency it is about. */
    record Key(String app, String module, String rule, String artifact) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            return toString().compareTo(other.toString());
        }
    }

    record Claim(Key key, String message) {}

    record Label(String verdict, String reason) {}

    /**
     * {@code groupId:artifactId[:type[:classifier]]:version} of the dependency a message is about; versions start with a
     * digit.
     */
    private static final Pattern COORDINATES =
            Pattern.compile("([\\w.-]+):([\\w.-]+)(?::[\\w.-]+){0,2}:(\\d[\\w.+-]*)");

    private DependencyClaims() {}

    /**
     * The dependency a claim is about: the first coordinates with a version in its message ("Remove the unused
     * dependency g:a:v", "Exclude g:a:v from …", "Declare g:a, the only part of g:a:v …" names the one to remove).
     */
    static String artifactOf(String message) {
        Matcher matcher = COORDINATES.matcher(message);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no dependency coordinates in: " + message);
        }
        return matcher.group(1) + ":" + matcher.group(2);
    }

    /** {@code app<TAB>module<TAB>rule<TAB>pom<TAB>line<TAB>message}, after a header line. */
    static List<Claim> readClaims(Path tsv) throws IOException {
        List<Claim> claims = new ArrayList<>();
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] columns = lines.get(i).split("\t", 6);
            if (columns.length < 6) {
                throw new IllegalArgumentException(
                        tsv + ":" + (i + 1) + ": expected 'app<TAB>module<TAB>rule<TAB>pom<TAB>line<TAB>message'");
            }
            claims.add(new Claim(new Key(columns[0], columns[1], columns[2], artifactOf(columns[5])), columns[5]));
        }
        return claims;
    }

    /** {@code app<TAB>module<TAB>rule<TAB>groupId:artifactId<TAB>TP|FP|?<TAB>reason}. */
    static Map<Key, Label> readLabels(Path tsv) throws IOException {
        Map<Key, Label> labels = new LinkedHashMap<>();
        int number = 0;
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            number++;
            if (line.isBlank() || line.startsWith("app\t")) {
                continue;
            }
            String[] columns = line.split("\t", 6);
            if (columns.length < 6 || !List.of("TP", "FP", "?").contains(columns[4]) || columns[5].isBlank()) {
                throw new IllegalArgumentException(tsv + ":" + number
                        + ": expected 'app<TAB>module<TAB>rule<TAB>groupId:artifactId<TAB>TP|FP|?<TAB>reason'");
            }
            Key key = new Key(columns[0], columns[1], columns[2], columns[3]);
            if (labels.put(key, new Label(columns[4], columns[5])) != null) {
                throw new IllegalArgumentException(tsv + ":" + number + ": a second label for " + key);
            }
        }
        return labels;
    }

    /** What the report says of one rule: claims, and how the reviewed ones were judged. */
    record Tally(int claims, int truePositives, int falsePositives, int unsettled, int unlabelled, int stale) {
        static final Tally NONE = new Tally(0, 0, 0, 0, 0, 0);

        Tally plus(Tally other) {
            return new Tally(
                    claims + other.claims,
                    truePositives + other.truePositives,
                    falsePositives + other.falsePositives,
                    unsettled + other.unsettled,
                    unlabelled + other.unlabelled,
                    stale + other.stale);
        }

        /** TP / (TP + FP): claims that cannot be settled are left out. */
        String precision() {
            int settled = truePositives + falsePositives;
            return settled == 0 ? "–" : Math.round(100.0 * truePositives / settled) + " %";
        }
    }

    static Tally tally(String rule, List<Claim> claims, Map<Key, Label> labels) {
        int count = 0;
        int tp = 0;
        int fp = 0;
        int unsettled = 0;
        int unlabelled = 0;
        TreeSet<Key> claimed = new TreeSet<>();
        for (Claim claim : claims) {
            if (!claim.key().rule().equals(rule)) {
                continue;
            }
            count++;
            claimed.add(claim.key());
            Label label = labels.get(claim.key());
            if (label == null) {
                unlabelled++;
            } else if (label.verdict().equals("TP")) {
                tp++;
            } else if (label.verdict().equals("FP")) {
                fp++;
            } else {
                unsettled++;
            }
        }
        int stale = (int) labels.keySet().stream()
                .filter(k -> k.rule().equals(rule) && !claimed.contains(k))
                .count();
        return new Tally(count, tp, fp, unsettled, unlabelled, stale);
    }

    /** The section of {@code docs/precision.md} on dependency claims. */
    static void section(StringBuilder md, RuleCatalog catalog, List<Claim> claims, Map<Key, Label> labels) {
        TreeSet<String> apps = new TreeSet<>();
        claims.forEach(c -> apps.add(c.key().app()));
        md.append("\n## Dependency findings on the applications' Maven builds\n\n")
                .append("EB401–EB405 judge a build's dependency graph, so they run in the Maven plugin, not on sources"
                        + " alone (the table above has none of their findings). `bench/dependency-claims.sh` builds the"
                        + " Maven applications of `bench/apps.tsv` that resolve from Maven Central (")
                .append(String.join(", ", apps))
                .append(") and runs the plugin with all five rules on every module. Every claim was checked by hand:"
                        + " the code and configuration that could use the dependency (imports, class names in"
                        + " configuration, services and auto-configuration of the libraries, component scans, JDBC"
                        + " drivers, logging back-ends), the dependency tree, and for some the fix itself, applied"
                        + " and rebuilt. TP: following the finding is safe and saves what it says; FP: it breaks the"
                        + " build or the start-up, or the claim is false; ?: cannot be settled (left out of the"
                        + " precision). Verdicts and reasons: `docs/precision/dependency-labels.tsv`.\n\n")
                .append("| Rule | Default | Claims | TP | FP | ? | Unlabelled | Precision | Stale labels |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        Tally total = Tally.NONE;
        Tally defaultOn = Tally.NONE;
        for (RuleMetadata rule : catalog.all()) {
            if (!rule.detection().dependencies()) {
                continue;
            }
            Tally tally = tally(rule.key(), claims, labels);
            total = total.plus(tally);
            if (rule.energy().defaultActive()) {
                defaultOn = defaultOn.plus(tally);
            }
            md.append("| ")
                    .append(rule.key())
                    .append(' ')
                    .append(rule.name())
                    .append(" | ")
                    .append(rule.energy().defaultActive() ? "on" : "off")
                    .append(" | ")
                    .append(tally.claims())
                    .append(" | ")
                    .append(tally.truePositives())
                    .append(" | ")
                    .append(tally.falsePositives())
                    .append(" | ")
                    .append(tally.unsettled())
                    .append(" | ")
                    .append(tally.unlabelled())
                    .append(" | ")
                    .append(tally.precision())
                    .append(" | ")
                    .append(tally.stale())
                    .append(" |\n");
        }
        md.append("\nThe default-on rules made ")
                .append(defaultOn.claims())
                .append(" claims: ")
                .append(defaultOn.truePositives())
                .append(" TP, ")
                .append(defaultOn.falsePositives())
                .append(" FP, precision ")
                .append(defaultOn.precision())
                .append(". All dependency claims (EB405 included): ")
                .append(total.claims())
                .append(", ")
                .append(total.truePositives())
                .append(" TP, ")
                .append(total.falsePositives())
                .append(" FP, ")
                .append(total.unsettled())
                .append(" unsettled: precision ")
                .append(total.precision())
                .append(".\n");
        Map<String, List<String>> wrong = new TreeMap<>();
        for (Claim claim : claims) {
            Label label = labels.get(claim.key());
            if (label != null && label.verdict().equals("FP")) {
                Key key = claim.key();
                wrong.computeIfAbsent(key.rule(), r -> new ArrayList<>())
                        .add(key.app() + " `" + key.module() + "` " + key.artifact() + ": " + label.reason());
            }
        }
        if (!wrong.isEmpty()) {
            md.append("\nWrong claims:\n\n");
            wrong.forEach((rule, notes) -> {
                md.append("- **").append(rule).append("**\n");
                notes.forEach(n -> md.append("  - ").append(n).append('\n'));
            });
        }
        List<String> missing = new ArrayList<>();
        for (Claim claim : claims) {
            if (!labels.containsKey(claim.key())) {
                Key key = claim.key();
                missing.add(key.rule() + " " + key.app() + " `" + key.module() + "` " + key.artifact());
            }
        }
        if (!missing.isEmpty()) {
            md.append("\nClaims awaiting review:\n\n");
            missing.forEach(m -> md.append("- ").append(m).append('\n'));
        }
    }
}
