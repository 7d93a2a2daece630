package org.ecobugs.sonar;

import java.util.Locale;
import org.ecobugs.rules.ProductInfo;
import org.ecobugs.rules.meta.RgesnCriteria;
import org.ecobugs.rules.meta.RuleCatalog;
import org.ecobugs.rules.meta.RuleMetadata;
import org.sonar.api.rule.RuleStatus;
import org.sonar.api.rules.RuleType;
import org.sonar.api.server.rule.RuleParamType;
import org.sonar.api.server.rule.RulesDefinition;

/** The ecobugs rules repository for Java, generated from the engine's rule metadata. */
public final class EcobugsRulesDefinition implements RulesDefinition {

    public static final String REPOSITORY_KEY = "ecobugs";
    public static final String LANGUAGE = "java";

    @Override
    public void define(Context context) {
        NewRepository repository =
                context.createRepository(REPOSITORY_KEY, LANGUAGE).setName("ecobugs");
        for (RuleMetadata metadata : RuleCatalog.builtIn().all()) {
            NewRule rule = repository
                    .createRule(metadata.key())
                    .setName(metadata.title())
                    .setHtmlDescription(description(metadata))
                    .setType(RuleType.valueOf(metadata.type()))
                    .setSeverity(metadata.defaultSeverity().name())
                    .setStatus(RuleStatus.READY)
                    .setActivatedByDefault(metadata.energy().defaultActive());
            rule.addTags(metadata.tags().toArray(String[]::new));
            for (String criterion : metadata.energy().rgesn()) {
                rule.addTags(tagOf(criterion));
            }
            rule.setDebtRemediationFunction(rule.debtRemediationFunctions()
                    .constantPerIssue(metadata.remediation().constantCost()));
            for (RuleMetadata.Param param : metadata.params()) {
                rule.createParam(param.key())
                        .setDescription(param.description())
                        .setDefaultValue(param.defaultValue())
                        .setType(RuleParamType.parse(param.type()));
            }
        }
        repository.done();
    }

    /** {@code RGESN-2024:2.6} becomes the tag {@code rgesn-2024-2.6}: tags are lower case, without colons. */
    static String tagOf(String criterion) {
        return criterion.toLowerCase(Locale.ROOT).replace(':', '-');
    }

    private static String description(RuleMetadata metadata) {
        StringBuilder html = new StringBuilder(metadata.descriptionHtml());
        html.append("<h2>RGESN 2024</h2><ul>");
        for (String id : metadata.energy().rgesn()) {
            html.append("<li>").append(id);
            RgesnCriteria.get().find(id).ifPresent(c -> html.append(": ").append(c.title()));
            html.append("</li>");
        }
        html.append("</ul><p>")
                .append(RgesnCriteria.CREDIT)
                .append(". <a href=\"")
                .append(ProductInfo.ruleDocUrl(metadata.key()))
                .append("\">Rule documentation</a>.</p>");
        return html.toString();
    }
}
