package org.ecobugs.rules.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.meta.Family;
import org.ecobugs.rules.meta.RgesnCriteria;
import org.ecobugs.rules.meta.RuleMetadata;
import org.ecobugs.rules.meta.RuleMetadata.Severity;

/**
 * The summary of the HTML report: findings counted by family, severity, RGESN criterion and rule, each count as a
 * table cell (read aloud, copied, printed) beside a bar drawn in inline SVG that only shows it. With a baseline, the
 * known findings are counted apart and drawn after the new ones.
 */
final class FindingCharts {

    /** The SVG's width in user units: a bar's width is its share of the longest one, in percent. */
    private static final int SCALE = 100;

    private final ReportContext context;
    private final List<Finding> fresh;
    private final List<Finding> known;
    private final boolean compared;

    /**
     * @param fresh the findings reported
     * @param known the findings the baseline knew, when there is one
     */
    FindingCharts(ReportContext context, List<Finding> fresh, List<Finding> known) {
        this.context = context;
        this.fresh = fresh;
        this.known = known;
        this.compared = context.baseline() != null;
    }

    /** One row of a chart: its first cells, already markup, and its counts. */
    private record Row(String cells, int fresh, int known) {}

    void append(StringBuilder html) {
        if (fresh.isEmpty() && known.isEmpty()) {
            return;
        }
        html.append("<section id=\"summary\">\n<h2>Summary</h2>\n");
        if (compared) {
            html.append("<p class=\"legend\">Bars:<span class=\"legend-new\"></span>new")
                    .append("<span class=\"legend-known\"></span>known from the baseline</p>\n");
        }
        html.append("<div class=\"charts\">\n");
        appendChart(html, "Findings by family", List.of("Family"), byFamily());
        appendChart(html, "Findings by severity", List.of("Severity"), bySeverity());
        html.append("</div>\n");
        appendChart(
                html,
                "Findings by RGESN criterion (a rule answers one or more criteria, so a finding may count under"
                        + " several)",
                List.of("Criterion"),
                byCriterion());
        appendChart(html, "Findings by rule", List.of("Rule", "Title", "Severity"), byRule());
        html.append("</section>\n");
    }

    private List<Row> byFamily() {
        return rows(
                this::familyOf,
                Comparator.naturalOrder(),
                family -> "<td>" + HtmlReport.escape(family.title()) + "</td>");
    }

    private List<Row> bySeverity() {
        return rows(
                finding -> List.of(context.rule(finding.ruleKey()).defaultSeverity()),
                Comparator.<Severity>reverseOrder(),
                severity -> "<td>" + HtmlReport.severity(severity) + "</td>");
    }

    private List<Row> byCriterion() {
        List<String> catalogueOrder = new ArrayList<>(RgesnCriteria.get().all().keySet());
        // Criteria the catalogue does not know (a rule written for a later RGESN) come last, by id.
        Comparator<String> order = Comparator.comparingInt((String id) -> {
                    int index = catalogueOrder.indexOf(id);
                    return index < 0 ? Integer.MAX_VALUE : index;
                })
                .thenComparing(Comparator.naturalOrder());
        return rows(
                finding -> context.rule(finding.ruleKey()).energy().rgesn(),
                order,
                id -> "<td>" + HtmlReport.criterion(id) + "</td>");
    }

    private List<Row> byRule() {
        return rows(finding -> List.of(finding.ruleKey()), Comparator.naturalOrder(), key -> {
            RuleMetadata rule = context.rule(key);
            return "<td><a href=\"#" + HtmlReport.escape(HtmlReport.ruleAnchor(key)) + "\">" + HtmlReport.escape(key)
                    + "</a></td><td>" + HtmlReport.escape(rule.title()) + "</td><td>"
                    + HtmlReport.severity(rule.defaultSeverity()) + "</td>";
        });
    }

    private List<Family> familyOf(Finding finding) {
        return List.of(context.rule(finding.ruleKey()).family());
    }

    /** Counts the new and known findings under each key a finding has, in the given order of keys. */
    private <K> List<Row> rows(
            Function<Finding, Collection<K>> keys, Comparator<? super K> order, Function<K, String> cells) {
        Map<K, int[]> counts = new TreeMap<>(order);
        for (Finding finding : fresh) {
            keys.apply(finding).forEach(key -> counts.computeIfAbsent(key, k -> new int[2])[0]++);
        }
        for (Finding finding : known) {
            keys.apply(finding).forEach(key -> counts.computeIfAbsent(key, k -> new int[2])[1]++);
        }
        List<Row> rows = new ArrayList<>();
        counts.forEach((key, count) -> rows.add(new Row(cells.apply(key), count[0], count[1])));
        return rows;
    }

    private void appendChart(StringBuilder html, String caption, List<String> headers, List<Row> rows) {
        int longest = rows.stream().mapToInt(r -> r.fresh() + r.known()).max().orElse(1);
        html.append("<div class=\"wide\">\n<table class=\"counts chart\">\n<caption>")
                .append(HtmlReport.escape(caption))
                .append("</caption>\n<thead><tr>");
        headers.forEach(h -> html.append("<th>").append(HtmlReport.escape(h)).append("</th>"));
        html.append(compared ? "<th class=\"number\">New</th><th class=\"number\">Known</th>" : "")
                .append(compared ? "" : "<th class=\"number\">Findings</th>")
                .append("<th class=\"bar\" aria-hidden=\"true\"></th></tr></thead>\n<tbody>\n");
        for (Row row : rows) {
            html.append("<tr>")
                    .append(row.cells())
                    .append("<td class=\"number\">")
                    .append(row.fresh())
                    .append("</td>");
            if (compared) {
                html.append("<td class=\"number\">").append(row.known()).append("</td>");
            }
            html.append("<td class=\"bar\" aria-hidden=\"true\">")
                    .append(bar(row, longest))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</div>\n");
    }

    /** The row's counts as bars scaled to the longest row's, the known part after the new one. */
    private static String bar(Row row, int longest) {
        double freshWidth = (double) SCALE * row.fresh() / longest;
        double knownWidth = (double) SCALE * row.known() / longest;
        StringBuilder svg = new StringBuilder("<svg viewBox=\"0 0 ")
                .append(SCALE)
                .append(" 10\" preserveAspectRatio=\"none\" focusable=\"false\"><rect class=\"bar-track\" width=\"")
                .append(SCALE)
                .append("\" height=\"10\"/>");
        if (row.fresh() > 0) {
            svg.append("<rect class=\"bar-new\" width=\"")
                    .append(units(freshWidth))
                    .append("\" height=\"10\"/>");
        }
        if (row.known() > 0) {
            svg.append("<rect class=\"bar-known\" x=\"")
                    .append(units(freshWidth))
                    .append("\" width=\"")
                    .append(units(knownWidth))
                    .append("\" height=\"10\"/>");
        }
        return svg.append("</svg>").toString();
    }

    private static String units(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** The keys of the rules with findings, new or known, sorted. */
    Set<String> ruleKeys() {
        TreeSet<String> keys = new TreeSet<>();
        fresh.forEach(f -> keys.add(f.ruleKey()));
        known.forEach(f -> keys.add(f.ruleKey()));
        return keys;
    }
}
