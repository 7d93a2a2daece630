package org.ecobugs.rules.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ecobugs.rules.api.DependencyContext;
import org.ecobugs.rules.api.DependencyDetector;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.RuleParameters;
import org.ecobugs.rules.deps.Dependency;
import org.ecobugs.rules.deps.DependencyUsage;

/**
 * EB405 (off by default): a large direct dependency of which the project's main code uses a handful of classes. A
 * judgement call, hence informational and opt-in; libraries whose job is correctness or safety (parsers, cryptography,
 * health standards) and the frameworks the application runs on are never reported, since hand-written replacements
 * would be worse, nor are the modules of the same build.
 */
@RuleKey("EB405")
public final class UnderusedHeavyDependencyRule implements EnergyRule, DependencyDetector {

    /** Group prefixes of libraries that must not be replaced by hand-written code. */
    private static final List<String> NEVER_REPLACE = List.of(
            "ca.uhn.hapi",
            "com.fasterxml.jackson",
            "org.bouncycastle",
            "org.dcm4che",
            "org.hl7",
            "org.postgresql",
            "com.mysql",
            "org.mariadb",
            "com.h2database",
            "org.xerial",
            // openEHR, a health standard like HL7 and DICOM.
            "org.openehr",
            "org.ehrbase.openehr",
            "com.nedap.healthcare.archie",
            // Frameworks the application runs on: a few classes in its code, the framework's whole life cycle at run
            // time (application context, web server, routes, schema migrations, connectors).
            "org.springframework",
            "org.apache.camel",
            "org.liquibase",
            "org.flywaydb",
            "org.apache.kafka",
            "io.debezium");

    private final long minBytes;
    private final long maxUsedClasses;

    public UnderusedHeavyDependencyRule(RuleParameters parameters) {
        this.minBytes = parameters.integer("minBytes");
        this.maxUsedClasses = parameters.integer("maxUsedClasses");
        if (minBytes < 0 || maxUsedClasses < 1) {
            throw new IllegalArgumentException("Rule EB405 needs minBytes >= 0 and maxUsedClasses >= 1, not " + minBytes
                    + " and " + maxUsedClasses);
        }
    }

    @Override
    public void check(DependencyUsage usage, DependencyContext context) {
        for (Dependency dependency : DependencyRules.shippedDirect(usage)) {
            String group = dependency.coordinates().groupId();
            // A module of the same build is the project's own code, not a library to replace.
            if (dependency.sameBuild() || NEVER_REPLACE.stream().anyMatch(group::startsWith)) {
                continue;
            }
            DependencyUsage.Usage use = usage.of(dependency);
            Set<String> used = use.referencedClasses();
            if (!use.mainReferencesAtRuntime() || used.isEmpty() || used.size() > maxUsedClasses) {
                continue;
            }
            Set<Dependency> gone = usage.shippedOnlyThrough(Set.of(dependency), Set.of());
            long bytes = usage.bytes(gone);
            if (!gone.contains(dependency) || bytes < minBytes) {
                continue;
            }
            List<String> names = new ArrayList<>();
            used.forEach(type -> names.add(type.substring(type.lastIndexOf('/') + 1)));
            context.report(
                    dependency,
                    "Replace the " + (used.size() == 1 ? "class" : used.size() + " classes") + " the project uses of "
                            + dependency.coordinates() + " (" + DependencyRules.names(names, 5)
                            + ") with the JDK or a smaller library and remove it: it ships "
                            + UnusedDeclaredDependencyRule.size(usage, gone) + " for them"
                            + UnusedDeclaredDependencyRule.note(gone) + ".");
        }
    }
}
