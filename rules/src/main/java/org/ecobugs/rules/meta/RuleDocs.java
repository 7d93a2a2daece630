package org.ecobugs.rules.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.ecobugs.rules.ProductInfo;

/**
 * Writes the Markdown documentation of the rules from their metadata: one page per rule and the table of the README.
 * The pages are generated, never edited; a test fails when they differ from the metadata.
 */
public final class RuleDocs {

    public static final String BANNER =
            "<!-- Generated from the rule metadata by RuleDocs: do not edit. Regenerate with -Decobugs.updateDocs=true. -->";
    public static final String TABLE_BEGIN = "<!-- rules:begin -->";
    public static final String TABLE_END = "<!-- rules:end -->";

    private final RuleCatalog catalog;
    private final RgesnCriteria criteria;

    public RuleDocs(RuleCatalog catalog, RgesnCriteria criteria) {
        this.catalog = catalog;
        this.criteria = criteria;
    }

    /** File name → content, for {@code docs/rules/}. */
    public Map<String, String> pages() {
        Map<String, String> pages = new TreeMap<>();
        for (RuleMetadata rule : catalog.all()) {
            pages.put(rule.key() + ".md", page(rule));
        }
        return pages;
    }

    /** The rule table of the README, between its markers. */
    public String readmeTable() {
        StringBuilder table = new StringBuilder();
        table.append(TABLE_BEGIN).append('\n').append(BANNER).append("\n\n");
        table.append("| Key | Rule | Family | Severity | Default | Walkers | RGESN 2024 |\n");
        table.append("|---|---|---|---|---|---|---|\n");
        for (RuleMetadata rule : catalog.all()) {
            table.append("| [")
                    .append(rule.key())
                    .append("](docs/rules/")
                    .append(rule.key())
                    .append(".md) | ")
                    .append(cell(rule.title()))
                    .append(" | ")
                    .append(rule.family().title())
                    .append(" | ")
                    .append(capitalized(rule.defaultSeverity().name()))
                    .append(" | ")
                    .append(rule.energy().defaultActive() ? "on" : "off")
                    .append(" | ")
                    .append(walkers(rule.detection()))
                    .append(" | ")
                    .append(rule.energy().rgesn().stream()
                            .map(id -> id.substring(RgesnCriteria.PREFIX.length()))
                            .collect(Collectors.joining(", ")))
                    .append(" |\n");
        }
        table.append('\n').append(TABLE_END);
        return table.toString();
    }

    /** Replaces the table between the markers of a README. */
    public String withTable(String readme) {
        int begin = readme.indexOf(TABLE_BEGIN);
        int end = readme.indexOf(TABLE_END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("The README lacks the " + TABLE_BEGIN + " … " + TABLE_END + " markers");
        }
        return readme.substring(0, begin) + readmeTable() + readme.substring(end + TABLE_END.length());
    }

    private String page(RuleMetadata rule) {
        StringBuilder page = new StringBuilder();
        page.append(BANNER).append("\n\n");
        page.append("# ").append(rule.key()).append(" ").append(rule.title()).append("\n\n");
        page.append("| | |\n|---|---|\n");
        page.append("| Key | `")
                .append(rule.key())
                .append("` (`")
                .append(rule.name())
                .append("`) |\n");
        page.append("| Family | ").append(rule.family().title()).append(" |\n");
        page.append("| Type, severity | ")
                .append(rule.type())
                .append(", ")
                .append(capitalized(rule.defaultSeverity().name()))
                .append(" |\n");
        page.append("| Active by default | ")
                .append(rule.energy().defaultActive() ? "yes" : "no")
                .append(" |\n");
        page.append("| Tags | ").append(String.join(", ", rule.tags())).append(" |\n");
        page.append("| Remediation | ")
                .append(rule.remediation().constantCost())
                .append(" per finding |\n");
        page.append("| Walkers | ").append(walkers(rule.detection())).append(" |\n");
        if (!rule.peers().isEmpty()) {
            page.append("| Overlapping rules | ")
                    .append(rule.peers().stream()
                            .map(p -> p.tool() + " " + p.key())
                            .collect(Collectors.joining("; ")))
                    .append(" |\n");
        }
        page.append("\n## Energy\n\n");
        page.append(rule.energy().why()).append("\n\n");
        page.append("- **Runtime proxy:** ").append(rule.energy().proxy()).append('\n');
        page.append("- **RGESN 2024:**\n");
        for (String id : rule.energy().rgesn()) {
            page.append("  - ").append(id);
            criteria.find(id)
                    .ifPresent(c ->
                            page.append(" (").append(c.family()).append(") ").append(c.title()));
            page.append('\n');
        }
        page.append("- **Sources:**\n");
        rule.energy().sources().forEach(s -> page.append("  - ").append(s).append('\n'));
        page.append("\n## Detection\n\n").append(rule.detection().uses()).append("\n\n");
        if (!rule.params().isEmpty()) {
            page.append("## Parameters\n\n| Name | Type | Default | Description |\n|---|---|---|---|\n");
            for (RuleMetadata.Param p : rule.params()) {
                page.append("| `")
                        .append(p.key())
                        .append("` | ")
                        .append(p.type().toLowerCase(java.util.Locale.ROOT))
                        .append(" | ")
                        .append(p.defaultValue())
                        .append(" | ")
                        .append(cell(p.description()))
                        .append(" |\n");
            }
            page.append('\n');
        }
        page.append("## Description\n\n").append(rule.descriptionHtml().strip()).append("\n\n");
        page.append("---\n")
                .append("RGESN data: ")
                .append(RgesnCriteria.CREDIT)
                .append(". ")
                .append("Rule page: ")
                .append(ProductInfo.ruleDocUrl(rule.key()))
                .append('\n');
        return page.toString();
    }

    private static String walkers(RuleMetadata.Detection detection) {
        if (detection.judgesDependencies()) {
            // Dependency rules run after both walks, on what they found and on the build's dependency facts.
            return "dependencies";
        }
        List<String> walkers = new ArrayList<>();
        if (detection.source()) {
            walkers.add("source");
        }
        if (detection.bytecode()) {
            walkers.add("bytecode");
        }
        if (detection.resources()) {
            walkers.add("configuration");
        }
        return String.join(", ", walkers);
    }

    private static String capitalized(String name) {
        return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
