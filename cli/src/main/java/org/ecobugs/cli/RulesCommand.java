package org.ecobugs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ecobugs.rules.ProductInfo;
import org.ecobugs.rules.meta.RuleCatalog;
import org.ecobugs.rules.meta.RuleMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecobugs rules}: lists the rules with their severity, default activation and RGESN criteria. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Lists the rules ecobugs ships.")
final class RulesCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
    String format = "text";

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        RuleCatalog catalog = RuleCatalog.builtIn();
        switch (format.toLowerCase(Locale.ROOT)) {
            case "text" -> {
                for (RuleMetadata rule : catalog.all()) {
                    out.printf(
                            "%s  %-8s %-3s %s%n      %s  %s%n",
                            rule.key(),
                            rule.defaultSeverity(),
                            rule.energy().defaultActive() ? "on" : "off",
                            rule.title(),
                            String.join(" ", rule.energy().rgesn()),
                            ProductInfo.ruleDocUrl(rule.key()));
                }
            }
            case "json" -> out.println(new ObjectMapper().writeValueAsString(catalog.all()));
            default -> throw new UsageException("Unknown format '" + format + "' for rules; use text or json");
        }
        out.flush();
        return ExitCodes.CLEAN;
    }
}
